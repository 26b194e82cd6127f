package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.net.UnknownHostException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Error mapping and redaction on synthetic SDK exceptions. */
class AwsErrorsTest {
    private static final Redactor REDACTOR = Redactor.of("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLETOKEN");

    private static AwsServiceException service(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Pricing").build())
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "AccessDeniedException, 400, ACCESS_DENIED",
        "UnauthorizedOperation, 403, ACCESS_DENIED",
        "AuthFailure, 401, ACCESS_DENIED",
        "ExpiredTokenException, 400, ACCESS_DENIED",
        "SomethingElse, 403, ACCESS_DENIED",
        "ThrottlingException, 400, THROTTLED",
        "RequestLimitExceeded, 503, THROTTLED",
        "TooManyRequestsException, 429, THROTTLED",
        "InternalErrorException, 500, UNEXPECTED_RESPONSE",
        "InvalidParameterException, 400, UNEXPECTED_RESPONSE"
    })
    void serviceErrors(String code, int status, Reason reason) {
        RefreshException e = AwsErrors.map(service(code, status, "details"), "Pricing GetProducts", REDACTOR);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: ").hasMessageContaining(code)
                .hasMessageContaining("during Pricing GetProducts");
    }

    @Test
    void clientErrors() {
        SdkClientException dns = SdkClientException.builder().message("Unable to execute HTTP request: nowhere.invalid")
                .cause(new UnknownHostException("nowhere.invalid")).build();
        assertThat(AwsErrors.map(dns, "op", REDACTOR).reason()).isEqualTo(Reason.NETWORK);
        SdkClientException creds = SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        assertThat(AwsErrors.map(creds, "op", REDACTOR).reason()).isEqualTo(Reason.NO_CREDENTIALS);
        SdkClientException unmarshal = SdkClientException.builder().message("Unable to unmarshall response")
                .cause(new IOException("parser")).build();
        assertThat(AwsErrors.map(unmarshal, "op", REDACTOR).reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
    }

    @Test
    void secretsAreMaskedInMessagesAndInTheSanitisedCauseChain() {
        AwsServiceException echo = service("InvalidSignatureException", 403,
                "bad signature for wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, token FwoGZXIvYXdzEXAMPLETOKEN");

        RefreshException e = AwsErrors.map(echo, "op", REDACTOR);

        assertThat(e.getMessage()).doesNotContain("EXAMPLEKEY").doesNotContain("EXAMPLETOKEN").contains(Redactor.MASK);
        assertThat(e.getCause()).isInstanceOf(Redactor.SanitisedException.class);
        assertThat(e.getCause().toString()).startsWith(AwsServiceException.class.getName())
                .doesNotContain("EXAMPLEKEY").doesNotContain("EXAMPLETOKEN");
        assertThat(e.getCause().getStackTrace()).isEqualTo(echo.getStackTrace());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aws_secret_access_key = abcdEFGH1234 | aws_secret_access_key = ****",
        "aws_session_token=IQoJb3JpZ2luX2VjE | aws_session_token=****",
        "X-Amz-Security-Token: IQoJb3JpZ2lu | X-Amz-Security-Token: ****",
        "{\"SecretAccessKey\":\"abcdEFGH1234\"} | {\"SecretAccessKey\":\"****\"}"
    })
    void credentialAssignmentsAreMaskedEvenWhenTheValueIsUnknown(String text, String expected) {
        assertThat(Redactor.none().redact(text)).isEqualTo(expected);
    }

    @Test
    void theAccessKeyIdIsNotASecret() {
        assertThat(REDACTOR.redact("key AKIAIOSFODNN7EXAMPLE was rejected")).isEqualTo("key AKIAIOSFODNN7EXAMPLE was rejected");
    }
}
