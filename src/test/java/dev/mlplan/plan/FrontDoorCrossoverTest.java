package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a sweep of workloads/tiny-sporadic.yaml by requests per day, with and without API Gateway in
 * front of Lambda (docs/crossovers.md, "With the front door"). The always-on side is one c6g.medium
 * on-demand behind an ALB at every rate swept: $0.034/h × 730 h = $24.82, the ALB's 730 h × $0.0225 =
 * $16.425, and one LCU per 25 new connections/s (one per request) = $0.008 ÷ (25 × 3,600) per request.
 * Lambda (1,024 MB) costs c per request for the function, plus the front door's g per request. The sweep
 * crosses where R × (c + g) = 41.245 + R × 0.008 ÷ 90,000, i.e. R = 41.245 ÷ (c + g − 8.889e-8) a month.
 */
class FrontDoorCrossoverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DAYS = 730.0 / 24;
    private static final double FIXED = 0.034 * 730 + 0.0225 * 730;
    private static final double LCU_PER_REQUEST = 0.008 / (25 * 3600.0);

    @TempDir
    Path dir;

    private Path variant(String front) throws Exception {
        String text = Files.readString(Path.of("workloads/tiny-sporadic.yaml")).replace("version: 1", "version: 2")
                .replace("  availability: single\n", "  availability: single\n  front: " + front + "\n");
        Path f = dir.resolve(front + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    @ParameterizedTest
    @CsvSource({
        // front, front door $ per request, the option that gives way to c6g.medium
        "function-url, 0, lambda",
        "api-gateway-http, 0.000001, lambda",
        // at $3.50 per million Lambda costs more per request than SageMaker Serverless, which then gives way instead
        "api-gateway-rest, 0.0000035, sagemaker-serverless"})
    void theCrossoverMovesByTheFrontDoorsPricePerRequest(String front, double gateway, String from) throws Exception {
        Path f = variant(front);
        // the function's own cost per request, from the plan at the file's 100 requests a day
        CliRun one = CliRun.run("recommend", f.toString(), "--format", "json");
        assertThat(one.exitCode()).as(one.err()).isZero();
        double perRequest = 0;
        for (JsonNode o : JSON.readTree(one.out()).at("/workloads/0/parts/0/options")) {
            if (o.get("service").asText().equals(from)) {
                double compute = 0;
                for (JsonNode c : o.get("costs")) {
                    if (c.get("category").asText().equals("compute")) {
                        compute += c.get("monthlyUsd").asDouble();
                    }
                }
                perRequest = compute / (100 * DAYS) + (from.equals("lambda") ? gateway : 0);
            }
        }
        assertThat(perRequest).isPositive();
        double handPerDay = FIXED / (perRequest - LCU_PER_REQUEST) / DAYS;

        CliRun sweep = CliRun.run("sweep", f.toString(), "--vary", "inference.traffic.average=20000/day..86000/day", "--format", "json");
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode crossovers = JSON.readTree(sweep.out()).get("crossovers");
        assertThat(crossovers).hasSize(1);
        JsonNode c = crossovers.get(0);
        assertThat(c.at("/from/service").asText()).isEqualTo(from);
        assertThat(c.at("/to/instanceType").asText()).isEqualTo("c6g.medium");
        assertThat(c.get("at").asDouble()).isCloseTo(handPerDay, within(handPerDay * 0.001));
        // docs/crossovers.md states the sweep's figure
        assertThat(Files.readString(Path.of("docs/crossovers.md"))).contains("| " + dev.mlplan.util.Fmt.count(Math.round(c.get("at").asDouble())) + " |");
    }
}
