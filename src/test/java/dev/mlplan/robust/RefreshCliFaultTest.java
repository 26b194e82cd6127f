package dev.mlplan.robust;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's refresh faults through the command line (the in-process CLI, credentials from the
 * {@code aws.*} system properties as in {@link SecretsCliTest}, a WireMock stub on 127.0.0.1): the
 * exit code and message the user sees, the previous catalog file byte for byte as it was, and no
 * credential in any encoding even with --verbose. The faults themselves are
 * {@code dev.mlplan.catalog.aws.FaultInjectionTest}.
 */
@Timeout(120)
class RefreshCliFaultTest {
    static final String[] PROPERTIES = SecretsCliTest.PROPERTIES;
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
        System.setProperty("aws.accessKeyId", SecretsCliTest.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SecretsCliTest.SECRET);
        System.setProperty("aws.sessionToken", SecretsCliTest.TOKEN);
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

    private CliRun refresh(Path out, String... more) {
        String[] args = Stream.concat(Stream.of("catalog", "refresh", "--verbose", "--max-attempts", "1", "--services", "lambda",
                "--endpoint-url", "http://127.0.0.1:" + stub.port(), "--output", out.toString()), Stream.of(more)).toArray(String[]::new);
        return CliRun.run(SecretsCliTest.env(null), dir, args);
    }

    /** A previous catalog file (the embedded catalog's bytes) that a failed refresh must leave as it was. */
    private Path previousCatalog() throws IOException {
        Path out = dir.resolve("catalog.json");
        try (var in = getClass().getResourceAsStream("/dev/mlplan/catalog/aws-catalog.json")) {
            Files.copy(in, out);
        }
        return out;
    }

    private void assertOnly(Path file) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aRepeatedNextTokenIsExit3AndTheCatalogStays() throws IOException {
        stub.stubFor(any(anyUrl()).willReturn(SecretsCliTest.pricing(200,
                "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[],\"NextToken\":\"the-same-token\"}")));
        Path out = previousCatalog();
        byte[] before = Files.readAllBytes(out);

        CliRun r = refresh(out);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("returned on page 2 the next-page token it had already returned on page 1")
                .contains("the listing would never end");
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        assertOnly(out);
    }

    @Test
    void secretsEchoedUrlEncodedJsonEscapedOrBase64AreMaskedEvenVerbose() throws IOException {
        StringBuilder echo = new StringBuilder();
        for (String s : List.of(SecretsCliTest.SECRET, SecretsCliTest.TOKEN, SecretsCliTest.ACCESS_KEY)) {
            echo.append(' ').append(s).append(' ').append(URLEncoder.encode(s, StandardCharsets.UTF_8))
                    .append(' ').append(s.replace("/", "\\\\/"))
                    .append(' ').append(Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        stub.stubFor(any(anyUrl()).willReturn(SecretsCliTest.pricing(403,
                "{\"__type\":\"UnrecognizedClientException\",\"message\":\"you sent" + echo + "\"}")));

        CliRun r = refresh(dir.resolve("new.json"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("rejected the credentials").contains("\tat ").contains("****");
        String shown = r.out() + r.err();
        for (String s : List.of(SecretsCliTest.SECRET, SecretsCliTest.TOKEN, SecretsCliTest.ACCESS_KEY)) {
            assertThat(shown).doesNotContain(s).doesNotContain(URLEncoder.encode(s, StandardCharsets.UTF_8))
                    .doesNotContain(s.replace("/", "\\/"))
                    .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        // the key id is shown as `aws configure list` shows it: its last four characters
        assertThat(shown).contains("****************" + SecretsCliTest.ACCESS_KEY.substring(16));
        assertThat(dir.resolve("new.json")).doesNotExist();
    }

    @Test
    void aTimeoutThatIsNotADurationIsAUsageError() {
        for (String bad : List.of("0", "5x", "-3m", "")) {
            CliRun r = refresh(dir.resolve("c.json"), "--timeout", bad);
            assertThat(r.exitCode()).as(bad + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--timeout").contains("expected e.g. 90s, 5m or 1h");
        }
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
