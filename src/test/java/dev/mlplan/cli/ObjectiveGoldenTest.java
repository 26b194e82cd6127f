package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.plan.Objective;
import dev.mlplan.testing.CliRun;
import dev.mlplan.testing.Golden;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** recommend --objective and --frontier: goldens on examples, cost as the unchanged default, and rank 1 against the frontier. */
class ObjectiveGoldenTest {

    static Stream<String> workloads() throws IOException {
        return RecommendGoldenTest.workloads();
    }

    /** --objective cost is the default: the same bytes as no option, for every example. */
    @ParameterizedTest
    @MethodSource("workloads")
    void costIsTheDefault(String file) {
        CliRun plain = CliRun.run("recommend", "--no-color", "workloads/" + file);
        CliRun cost = CliRun.run("recommend", "--no-color", "--objective", "cost", "workloads/" + file);
        assertThat(cost.exitCode()).isZero();
        assertThat(cost.out()).isEqualTo(plain.out());
    }

    @Test
    void costIsTheDefaultInJson() {
        CliRun plain = CliRun.run("recommend", "--format", "json", "workloads/bulk-images.yaml");
        CliRun cost = CliRun.run("recommend", "--format", "json", "--objective", "cost", "workloads/bulk-images.yaml");
        assertThat(cost.out()).isEqualTo(plain.out()).doesNotContain("\"objective\"").doesNotContain("\"frontier\"");
    }

    @Test
    void sweepRankedByTimeWithItsFrontier() {
        CliRun r = CliRun.run("recommend", "--no-color", "--objective", "time", "--frontier", "workloads/hparam-sweep.yaml");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("objective/hparam-sweep-time-frontier.txt", r.out());
    }

    @Test
    void pretrainRankedBalanced() {
        CliRun r = CliRun.run("recommend", "--no-color", "--objective", "balanced", "--frontier", "workloads/llama3-70b-pretrain.yaml");
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("objective/llama3-70b-pretrain-balanced-frontier.txt", r.out());
    }

    @Test
    void batchFrontierInJson() {
        CliRun r = CliRun.run("recommend", "--format", "json", "--frontier", "workloads/bulk-images.yaml");
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("objective/bulk-images-frontier.json", r.out());
    }

    @Test
    void frontierChartInMarkdown() {
        CliRun r = CliRun.run("report", "--format", "markdown", "--frontier", "workloads/llama3-70b-pretrain.yaml");
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("objective/llama3-70b-pretrain-frontier.md", r.out());
    }

    @Test
    void frontierChartInHtml() {
        CliRun r = CliRun.run("report", "--format", "html", "--frontier", "--objective", "time", "workloads/hparam-sweep.yaml");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Options ranked by time").contains("<table class=\"frontier\">").contains("class=\"chart frontier\"")
                // with the sweep's checkpoints (issue 20 item 4): $701.54 + $19.66 on p6-b200; the trade against trn1n narrows by $1.50
                .contains("<polyline points=").contains("#1 p6-b200.48xlarge spot: 0.77 h/run, $721.20/month (frontier)")
                .contains("−$378.63/month (−57%) for +2.97 h/run");
    }

    @Test
    void anUnknownObjectiveIsAUsageError() {
        CliRun r = CliRun.run("recommend", "--objective", "fast", "workloads/bulk-images.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("expected cost, time or balanced, got 'fast'");
    }

    /**
     * Rank 1 agrees with the frontier, which is over every feasible option: under time it is the
     * frontier's fastest point; under balanced, no frontier point within 25% of that time is cheaper;
     * under cost, the frontier's cheapest point costs what rank 1 costs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hparam-sweep.yaml", "llama3-70b-pretrain.yaml", "bulk-images.yaml", "nightly-embeddings.yaml", "llama2-7b-finetune.yaml",
        "tabular-xgboost.yaml", "audio-transcription.yaml"})
    void rankOneAgreesWithTheFrontier(String file) throws IOException {
        for (Objective objective : Objective.values()) {
            CliRun r = CliRun.run("recommend", "--format", "json", "--frontier", "--objective", objective.id(), "workloads/" + file);
            assertThat(r.exitCode()).isZero();
            for (JsonNode part : parts(new ObjectMapper().readTree(r.out()))) {
                JsonNode frontier = part.get("frontier");
                JsonNode first = part.get("options").get(0);
                double fastest = frontier.get(0).get("hoursPerRun").asDouble();
                double firstHours = first.get("hoursPerRun").asDouble();
                double firstCost = first.get("monthlyUsd").asDouble();
                switch (objective) {
                    case TIME -> assertThat(firstHours).as("%s %s", file, objective).isEqualTo(fastest);
                    case BALANCED -> {
                        assertThat(firstHours).as("%s %s", file, objective).isLessThanOrEqualTo(fastest * 1.25);
                        for (JsonNode f : frontier) {
                            if (f.get("hoursPerRun").asDouble() <= fastest * 1.25) {
                                assertThat(f.get("monthlyUsd").asDouble()).as("%s %s", file, objective).isGreaterThanOrEqualTo(firstCost);
                            }
                        }
                    }
                    case COST -> assertThat(frontier.get(frontier.size() - 1).get("monthlyUsd").asDouble()).as("%s %s", file, objective)
                            .isEqualTo(firstCost);
                }
            }
        }
    }

    /** The training and batch parts that have options. */
    private static List<JsonNode> parts(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode w : root.get("workloads")) {
            for (JsonNode p : w.get("parts")) {
                if (List.of("training", "batch").contains(p.get("part").asText()) && p.get("options").size() > 0) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
