package dev.mlplan.robust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher with credentials in its real environment (as the SDK's default chain reads
 * them), against a WireMock stub on 127.0.0.1 that echoes the secret key and session token in an
 * AccessDenied answer: neither appears on standard output or standard error, also with --verbose,
 * and no plan output carries them.
 */
class SecretsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    Result mlplan(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("mlplan").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        Path empty = Files.writeString(dir.resolve("empty"), "");
        pb.environment().putAll(Map.of("AWS_EC2_METADATA_DISABLED", "true", "NO_COLOR", "1", "AWS_CONFIG_FILE", empty.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", empty.toString()));
        pb.environment().remove("AWS_PROFILE");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void credentialsInTheEnvironmentNeverReachTheTerminalOrAFile() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", SecretsCliTest.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SecretsCliTest.SECRET,
                "AWS_SESSION_TOKEN", SecretsCliTest.TOKEN);
        WireMockServer stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stub.start();
        try {
            stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"" + SecretsCliTest.echo() + "\"}")));
            Path catalog = dir.resolve("catalog.json");
            Result refresh = mlplan(env, "catalog", "refresh", "--verbose", "--max-attempts", "1", "--services", "lambda",
                    "--endpoint-url", "http://127.0.0.1:" + stub.port(), "--output", catalog.toString());
            assertThat(refresh.code()).as(refresh.err()).isEqualTo(3);
            assertThat(refresh.err()).contains("AWS refused the request").contains("\tat ");
            SecretsCliTest.assertNoSecret(refresh.out() + refresh.err());
            assertThat(catalog).doesNotExist();
            assertThat(stub.getAllServeEvents()).isNotEmpty()
                    .allSatisfy(ev -> assertThat(ev.getRequest().getHeader("X-Amz-Security-Token")).isEqualTo(SecretsCliTest.TOKEN));
        } finally {
            stub.stop();
        }
        Path plan = dir.resolve("plan.json");
        Result recommend = mlplan(env, "recommend", "--verbose", "--format", "json", "--output", plan.toString(),
                "workloads/llama2-7b-finetune.yaml");
        assertThat(recommend.code()).as(recommend.err()).isZero();
        SecretsCliTest.assertNoSecret(recommend.out() + recommend.err() + Files.readString(plan));
    }
}
