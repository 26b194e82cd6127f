package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one redaction function: every encoding of every credential, and nothing else. */
class RedactorTest {
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE/session+token==";
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 ./%-";
    final Redactor redactor = Redactor.forCredentials(KEY_ID, SECRET, TOKEN);

    static Stream<String> encodings() {
        return Stream.of(SECRET, TOKEN).flatMap(s -> FaultStub.encodings(s).stream());
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void everyEncodingOfASecretIsMaskedWhole(String encoded) {
        String out = redactor.redact("error: " + encoded + " (request 1)");

        assertThat(out).isEqualTo("error: **** (request 1)");
    }

    @Test
    void theAccessKeyIdKeepsItsLastFourCharacters() {
        assertThat(redactor.redact("key " + KEY_ID + " and %41KIAIOSFODNN7EXAMPLE"))
                .isEqualTo("key ****************MPLE and ****************MPLE");
        assertThat(Redactor.forCredentials("AKIDTEST", "x", null).redact("AKIDTEST")).isEqualTo("****");
    }

    @Test
    void assignmentsHeadersAndSignaturesAreMaskedWhateverTheValue() {
        assertThat(Redactor.none().redact("aws_secret_access_key = abc/def+ghi, X-Amz-Security-Token: zzz;"
                + " Authorization: AWS4-HMAC-SHA256 Credential=x/20261121/us-east-1/pricing/aws4_request,"
                + " SignedHeaders=host, Signature=0123456789abcdef0123456789abcdef"))
                .isEqualTo("aws_secret_access_key = ****, X-Amz-Security-Token: ****;"
                        + " Authorization: AWS4-HMAC-SHA256 Credential=x/20261121/us-east-1/pricing/aws4_request,"
                        + " SignedHeaders=host, Signature=****");
    }

    /** Seeded random text around the secrets: only the secrets change. */
    @ParameterizedTest
    @MethodSource("seeds")
    void textAroundTheSecretsIsLeftAlone(long seed) {
        Random random = new Random(seed);
        StringBuilder plain = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String word = IntStream.range(0, 1 + random.nextInt(12))
                    .mapToObj(j -> String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))))
                    .reduce("", String::concat);
            plain.append(word);
            expected.append(word);
            if (random.nextInt(4) == 0) {
                plain.append(' ').append(SECRET).append(' ');
                expected.append(" **** ");
            }
        }
        assertThat(redactor.redact(plain.toString())).isEqualTo(expected.toString());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 7L, 19L, 2026L, 424242L);
    }
}
