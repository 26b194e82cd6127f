package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.plan.Sweep;
import dev.mlplan.testing.CliRun;
import dev.mlplan.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** recommend/explain --sensitivity: a flip agrees with mlplan sweep's crossover, a golden, and nothing changes without the flag. */
class SensitivityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * tiny-sporadic at 20,000 requests/day: Lambda ranks first; the sweep's Lambda → c6g.medium
     * crossover (about 75,305/day: Lambda behind its default API Gateway HTTP API, c6g.medium behind an ALB,
     * docs/crossovers.md) lies within ×4, and sensitivity must report the same value.
     */
    @Test
    void aTrafficFlipIsTheSweepsCrossover(@TempDir Path tmp) throws IOException {
        Cli cli = Cli.withWorkloads(tmp);
        cli.write("workloads/busier.yaml", cli.read("workloads/tiny-sporadic.yaml").replace("average: 100/day", "average: 20000/day"));
        Cli.Result sweep = cli.run("sweep", "workloads/busier.yaml", "--vary", "inference.traffic.average=10000/day..80000/day", "--format", "json");
        assertThat(sweep.code()).as(sweep.err()).isZero();
        JsonNode crossover = JSON.readTree(sweep.out()).get("crossovers").get(0);

        Cli.Result r = cli.run("recommend", "workloads/busier.yaml", "--sensitivity", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode traffic = null;
        for (JsonNode e : JSON.readTree(r.out()).get("workloads").get(0).get("parts").get(0).get("sensitivity")) {
            if (e.get("key").asText().equals("inference.traffic.average") && e.has("flipsAt")) {
                traffic = e;
            }
        }
        assertThat(traffic).as(r.out()).isNotNull();
        assertThat(traffic.get("direction").asText()).isEqualTo("higher");
        assertThat(traffic.get("current").asDouble()).isEqualTo(20000);
        assertThat(traffic.get("from").get("id").asText()).isEqualTo(crossover.get("from").get("id").asText());
        assertThat(traffic.get("to").get("id").asText()).isEqualTo(crossover.get("to").get("id").asText());
        assertThat(traffic.get("to").get("instanceType").asText()).isEqualTo("c6g.medium");
        double at = crossover.get("at").asDouble();
        assertThat(at).isCloseTo(75_305, within(50.0));
        assertThat(traffic.get("flipsAt").asDouble()).isCloseTo(at, within(2 * Sweep.RELATIVE_TOLERANCE * at));
        assertThat(traffic.get("ratio").asDouble()).isCloseTo(at / 20000, within(1e-3));
    }

    @Test
    void recommendWithSensitivityGolden() {
        CliRun r = CliRun.run("recommend", "--no-color", "--sensitivity", "workloads/llm-chat-serving.yaml");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("sensitivity/llm-chat-serving.txt", r.out());
    }

    @Test
    void trainingSensitivityInJson() throws IOException {
        CliRun r = CliRun.run("recommend", "--format", "json", "--top", "1", "--sensitivity", "workloads/llama3-70b-pretrain.yaml");
        assertThat(r.exitCode()).isZero();
        JsonNode entries = JSON.readTree(r.out()).get("workloads").get(0).get("parts").get(0).get("sensitivity");
        assertThat(entries).isNotEmpty();
        for (JsonNode e : entries) {
            if (e.has("flipsAt")) {
                double ratio = e.get("ratio").asDouble();
                assertThat(ratio).isBetween(0.25, 4.0);
                assertThat(ratio < 1).isEqualTo(e.get("direction").asText().equals("lower"));
                assertThat(e.get("from").get("id").asText()).isNotEqualTo(e.get("to").get("id").asText());
            } else {
                assertThat(e.get("noFlip").asText()).startsWith("×");
            }
        }
        assertThat(entries.findValuesAsText("key")).contains("assumptions.mfu", "training.runs_per_month", "training.dataset.tokens");
    }

    /** Without the flag nothing changes; with it, the output is the same plus the sensitivity lines. */
    @ParameterizedTest
    @ValueSource(strings = {"tiny-sporadic.yaml", "llama2-7b-finetune.yaml", "nightly-embeddings.yaml", "feature-store-iops.yaml"})
    void onlyAddsItsLines(String file) {
        CliRun plain = CliRun.run("recommend", "--no-color", "workloads/" + file);
        CliRun with = CliRun.run("recommend", "--no-color", "--sensitivity", "workloads/" + file);
        assertThat(with.exitCode()).isEqualTo(plain.exitCode());
        assertThat(with.out().replaceAll("(?m)^  sensitivity: rank 1 changes if\n(    .*\n)+\n", "")).isEqualTo(plain.out());
        assertThat(CliRun.run("recommend", "--format", "json", "workloads/" + file).out()).doesNotContain("\"sensitivity\"");
        CliRun explain = CliRun.run("explain", "--sensitivity", "workloads/" + file);
        assertThat(explain.out().replaceAll("(?m)^  sensitivity: rank 1 changes if\n(    .*\n)+", ""))
                .isEqualTo(CliRun.run("explain", "workloads/" + file).out());
    }

    /** A plan saved with its sensitivity reads back and renders it; report --from does not re-plan. */
    @Test
    void aSavedPlanKeepsItsSensitivity(@TempDir Path tmp) throws IOException {
        Cli cli = Cli.withWorkloads(tmp);
        Cli.Result saved = cli.run("recommend", "--sensitivity", "--format", "json", "--output", "plan.json", "workloads/nightly-embeddings.yaml");
        assertThat(saved.code()).as(saved.err()).isZero();
        Cli.Result md = cli.run("report", "--from", "plan.json", "--format", "markdown");
        assertThat(md.code()).as(md.err()).isZero();
        assertThat(md.out()).contains("**Sensitivity**: rank 1 changes if").contains("- batch.items > ");
        Cli.Result both = cli.run("report", "--from", "plan.json", "--sensitivity");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--sensitivity plans the workload FILEs");
    }
}
