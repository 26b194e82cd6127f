package dev.mlplan.robust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials never reach standard output, standard error or a written file, also with --verbose
 * (stack traces), whatever AWS (here a WireMock stub on 127.0.0.1) echoes back. The SDK's default
 * chain takes the credentials from the {@code aws.*} system properties; the command's environment
 * map carries them too, as a user's shell would. The child-process variant is {@code SecretsIT}.
 */
class SecretsCliTest {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "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";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+SESSION/TOKEN==";
    static final String[] PROPERTIES = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken", "aws.disableEc2Metadata",
        "aws.configFile", "aws.sharedCredentialsFile", "aws.region"};
    static final Map<String, String> saved = new HashMap<>();
    static WireMockServer stub;

    @TempDir
    static Path awsHome;

    @TempDir
    Path dir;

    @BeforeAll
    static void credentialsAndStub() throws IOException {
        for (String p : PROPERTIES) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
        System.setProperty("aws.sessionToken", TOKEN);
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.configFile", Files.writeString(awsHome.resolve("config"), "").toString());
        System.setProperty("aws.sharedCredentialsFile", Files.writeString(awsHome.resolve("credentials"), "").toString());
        stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
    }

    @AfterAll
    static void restore() {
        stub.stop();
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @BeforeEach
    void reset() {
        stub.resetAll();
    }

    static Map<String, String> env(String endpoint) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        env.put("AWS_SESSION_TOKEN", TOKEN);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL", endpoint);
        }
        return env;
    }

    static String echo() {
        return "secret " + SECRET + ", aws_secret_access_key=" + SECRET + ", X-Amz-Security-Token: " + TOKEN + ", token " + TOKEN;
    }

    static ResponseDefinitionBuilder pricing(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    /** What AWS (the stub) answers; each one makes the refresh fail in a different place. */
    static Stream<Arguments> failures() {
        String ec2Error = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>UnauthorizedOperation</Code>"
                + "<Message>" + echo() + "</Message></Error></Errors><RequestID>r-1</RequestID></Response>";
        return Stream.of(
                Arguments.of("pricing AccessDenied", pricing(403, "{\"__type\":\"AccessDeniedException\",\"Message\":\"" + echo() + "\"}"), false),
                Arguments.of("pricing rejected token", pricing(403, "{\"__type\":\"UnrecognizedClientException\",\"message\":\"" + echo() + "\"}"), false),
                Arguments.of("pricing HTML 500", aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody("<html>" + echo() + "</html>"), false),
                Arguments.of("pricing not JSON", pricing(200, "{\"PriceList\": [\"" + echo() + "\"], oops " + SECRET), false),
                Arguments.of("pricing items not JSON", pricing(200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"{" + echo() + "\"]}"), false),
                Arguments.of("ec2 UnauthorizedOperation", xml(403, ec2Error), true),
                Arguments.of("ec2 not XML", xml(200, "<Describe>" + echo()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedRefreshNeverPrintsTheSecretEvenVerbose(String name, ResponseDefinitionBuilder answer, boolean atEc2) throws IOException {
        if (atEc2) {
            stub.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("GetProducts"))
                    .willReturn(pricing(200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}")));
            stub.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=")).willReturn(answer));
        } else {
            stub.stubFor(any(anyUrl()).willReturn(answer));
        }
        Path out = dir.resolve("catalog.json");
        for (List<String> how : List.of(List.of("--endpoint-url", "http://127.0.0.1:" + stub.port()), List.<String>of())) {
            String[] args = Stream.concat(Stream.of("catalog", "refresh", "--verbose", "--max-attempts", "1", "--region", "us-east-1",
                    "--services", atEc2 ? "ec2" : "lambda", "--output", out.toString()), how.stream()).toArray(String[]::new);
            CliRun r = CliRun.run(env("http://127.0.0.1:" + stub.port()), dir, args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            assertThat(r.err()).contains("catalog refresh failed").contains("\tat ");
            assertNoSecret(r.out() + r.err());
            assertThat(out).doesNotExist();
        }
        assertThat(stub.getAllServeEvents()).isNotEmpty().allSatisfy(ev -> {
            assertThat(ev.getRequest().getHeader("Host")).startsWith("127.0.0.1:");
            assertThat(ev.getRequest().getBodyAsString()).doesNotContain(SECRET);
            assertThat(ev.getRequest().getHeaders().all().toString()).doesNotContain(SECRET);
        });
    }

    @Test
    void anUnreachableEndpointNeverPrintsTheSecretEvenVerbose() {
        CliRun r = CliRun.run(env(null), dir, "catalog", "refresh", "--verbose", "--max-attempts", "1", "--services", "lambda",
                "--endpoint-url", "http://127.0.0.1:9/" + SECRET, "--output", dir.resolve("c.json").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("cannot reach AWS");
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void aSuccessfulRefreshWritesNoSecretToTheCatalogOrTheTerminal() throws IOException {
        stub.stubFor(any(anyUrl()).willReturn(pricing(200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}")));
        Path out = dir.resolve("catalog.json");
        CliRun r = CliRun.run(env(null), dir, "catalog", "refresh", "--verbose", "--max-attempts", "1", "--services", "lambda",
                "--endpoint-url", "http://127.0.0.1:" + stub.port(), "--output", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).exists();
        assertNoSecret(r.out() + r.err() + Files.readString(out));
        assertThat(stub.getAllServeEvents()).allSatisfy(ev -> assertThat(ev.getRequest().getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN));
    }

    @Test
    void plansAndValidationNeverCarryTheSecret() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        for (String[] args : List.of(
                new String[] {"recommend", "--verbose", "workloads/llama2-7b-finetune.yaml", "workloads/llm-chat-serving.yaml"},
                new String[] {"recommend", "--verbose", "--format", "json", "workloads/llama2-7b-finetune.yaml"},
                new String[] {"validate", "--verbose", "workloads/tiny-sporadic.yaml"},
                new String[] {"recommend", "--verbose", "--format", "json", "--output", dir.resolve("plan.json").toString(),
                    "workloads/tiny-sporadic.yaml"},
                new String[] {"catalog", "info", "--verbose"},
                new String[] {"recommend", "--verbose", BadInputs.CORPUS.resolve("epochs-nan.yaml").toString()})) {
            CliRun r = CliRun.run(env(null), root, args);
            assertThat(r.exitCode()).isIn(0, 2);
            assertNoSecret(r.out() + r.err());
        }
        assertNoSecret(Files.readString(dir.resolve("plan.json")));
    }

    static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain("wJalrXUtnFEMI").doesNotContain("IQoJb3JpZ2luX2Vj");
    }
}
