package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: Lambda and SageMaker Serverless billed a batch's latency to every request, so a looser
 * latency target (a bigger batch) raised the bill ($53.47 instead of $3.53). A function invocation
 * serves one request and is billed its own duration, whatever the target.
 */
class ServerlessBillingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * 1M requests a month of a model that takes 200 ms at 1,024 MB (13M parameters × 128 tokens: 3.3 GFLOPs
     * on 0.58 vCPU): by the Lambda price list, 1M × 0.2 s × 1 GB × $0.0000166667 = $3.33, plus 1M requests ×
     * $0.20 per million = $0.20: $3.53 a month.
     */
    @ParameterizedTest(name = "latency_p99 {0}")
    @ValueSource(strings = {"300ms", "1s", "5s", "30s"})
    void lambdaBillsEachRequestItsOwnDurationWhateverTheLatencyTarget(String target) throws Exception {
        Files.writeString(dir.resolve("w.yaml"), """
                version: 1
                name: lambda-1m
                inference:
                  model: { parameters: 13M, architecture: transformer, precision: fp32 }
                  tokens_in: 128
                  traffic: { average: 1000000/month, peak: 2/s }
                  latency_p99: %s
                """.formatted(target), StandardCharsets.UTF_8);
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "w.yaml", "--format", "json", "--top", "100");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode lambda = null;
        for (JsonNode o : JSON.readTree(r.out()).at("/workloads/0/parts/0/options")) {
            if (o.get("service").asText().equals("lambda")) {
                lambda = o;
            }
        }
        assertThat(lambda).as("a Lambda option").isNotNull();
        // $3.53 for the function, + its default front door (issue 20): 1M requests × $1.00 per million on an API Gateway HTTP API
        assertThat(lambda.get("monthlyUsd").asDouble()).isCloseTo(3.53 + 1.00, within(0.01));
        // the same work at any memory size below one vCPU's 1,769 MB: 200,000 GB-seconds
        assertThat(lambda.at("/costs/0/quantity").asDouble()).isCloseTo(200_000, within(1_000.0));
    }
}
