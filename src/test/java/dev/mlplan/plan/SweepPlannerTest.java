package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 16, item 4: hyperparameter sweeps (training.trials, training.concurrency), figures computed by hand. */
class SweepPlannerTest {
    private static Workload.Training sweep(int trials, int concurrency) {
        return new Workload.Training(null, Workload.Method.FULL, null, Optional.empty(), 1, 1, Optional.empty(), Optional.empty(), true)
                .withTrials(trials, concurrency);
    }

    @Test
    void aSweepTakesCeilTrialsOverConcurrencyWavesOfOneRun() {
        assertThat(sweep(12, 4).waves()).isEqualTo(3);
        assertThat(sweep(12, 4).sweepHours(5.2)).isCloseTo(15.6, within(1e-9));
        assertThat(sweep(12, 4).sweepText(5.2)).isEqualTo("12 trials, 4 at a time: 3 waves × 5.2 h = 15.6 h");
        // 7 trials, 3 at a time: 3 + 3 + 1, three waves
        assertThat(sweep(7, 3).waves()).isEqualTo(3);
        assertThat(sweep(6, 6).sweepText(2.0)).isEqualTo("6 trials at once: 2 h");
        // a single run is no sweep: one wave, runs_per_month runs a month
        assertThat(sweep(1, 1).isSweep()).isFalse();
        assertThat(sweep(1, 1).sweepHours(5.2)).isEqualTo(5.2);
        assertThat(sweep(24, 6).trialsPerMonth()).isEqualTo(24);
    }

    @Test
    void theExampleSweepCostsEveryTrialAndFitsTheDeadlineAndTheNodeBudgetAsAWhole() throws Exception {
        CliRun r = CliRun.run("recommend", "workloads/hparam-sweep.yaml", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode part = new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0");
        JsonNode req = part.get("requirements");
        assertThat(req.get("trials").asInt()).isEqualTo(24);
        assertThat(req.get("concurrency").asInt()).isEqualTo(6);
        assertThat(req.get("waves").asInt()).isEqualTo(4);

        // by hand: llama-3.2-1b (1.24B parameters, 16 layers, hidden 2048), 2B tokens at sequence 2048:
        // (6 × 1.24e9 + 6 × 16 × 2048 × 2048) × 2e9 = 1.5685e19 FLOPs
        double flops = (6 * 1.24e9 + 6.0 * 16 * 2048 * 2048) * 2e9;
        assertThat(req.get("totalFlops").asDouble()).isCloseTo(flops, within(flops * 1e-6));
        // trn1n.32xlarge: 16 Trainium1 × 190 TFLOPS × MFU 0.33 → 4.343 h, + 10 min setup = 4.51 h a trial
        // (spot rework is +0% in its interruption bucket)
        JsonNode first = part.at("/options/0");
        assertThat(first.get("instanceType").asText()).isEqualTo("trn1n.32xlarge");
        double runHours = flops / (16 * 190e12 * 0.33) / 3600 + 10.0 / 60;
        assertThat(first.get("hoursPerRun").asDouble()).isCloseTo(runHours, within(0.01));
        // 24 trials, 6 at a time: 4 waves × 4.51 h = 18.04 h; cost 24 × one trial
        assertThat(first.get("sweepHours").asDouble()).isCloseTo(4 * runHours, within(0.04));
        double perTrial = first.get("usdPerRun").asDouble();
        assertThat(first.get("usdPerSweep").asDouble()).isCloseTo(24 * perTrial, within(0.01));
        // plus its checkpoints (checkpoint_every 30m, issue 20 item 4): 1.24B × 14 B = 17.36 GB, 10 a trial; 2 kept × 24 trials
        // = 833.28 GB-months × $0.023 = $19.165; 240 a month × (2,070 parts of 8 MiB + 2) = 497,280 PUTs × $0.005/1k = $2.486
        double checkpoints = 0;
        for (JsonNode c : first.get("costs")) {
            if (c.get("name").asText().startsWith("Checkpoint")) {
                checkpoints += c.get("monthlyUsd").asDouble();
            }
        }
        assertThat(checkpoints).isCloseTo(833.28 * 0.023 + 497.28 * 0.005, within(0.01));
        assertThat(first.get("monthlyUsd").asDouble()).isCloseTo(24 * perTrial * 1 + checkpoints, within(0.01));
        assertThat(first.get("notes").get(0).asText())
                .isEqualTo("sweep: 24 trials, 6 at a time: 4 waves × 4.51 h = 18 h; 24 × $11.18 = $268.22 per sweep, 6 instances at once");

        // the 48 h deadline applies to the whole sweep, and 6 trials × nodes must fit max_nodes 12
        for (JsonNode o : part.get("options")) {
            assertThat(o.get("sweepHours").asDouble()).isLessThanOrEqualTo(48);
            assertThat(6 * o.get("count").asInt()).isLessThanOrEqualTo(12);
        }
        assertThat(part.get("eliminated").toString()).contains("one sweep takes 24 trials, 6 at a time: 4 waves × ");
    }

    @Test
    void aSingleRunJobHasNoSweepFigures() throws Exception {
        CliRun r = CliRun.run("recommend", "workloads/llama2-7b-finetune.yaml", "--format", "json");
        JsonNode part = new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0");
        assertThat(part.get("requirements").has("trials")).isFalse();
        assertThat(part.at("/options/0").has("sweepHours")).isFalse();
    }

    private static final String BASE = "version: 2\nname: t\nconstraints: {max_nodes: 4}\ntraining:\n  model: {preset: llama-2-7b}\n"
            + "  dataset: {size: 1 GB, tokens: 1B}\n";

    @Test
    void concurrencyAboveTrialsOrTheNodeBudgetIsRefused() {
        WorkloadParser parser = new WorkloadParser(Set.of("llama-2-7b"));
        assertThatThrownBy(() -> parser.parse("w.yaml", BASE + "  trials: 3\n  concurrency: 4\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageStartingWith("w.yaml:8:16: training.concurrency (4) is above training.trials (3)");
        assertThatThrownBy(() -> parser.parse("w.yaml", BASE + "  trials: 12\n  concurrency: 6\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageStartingWith("w.yaml:8:16: training.concurrency (6) trials of at least one node each are above constraints.max_nodes (4)");
        assertThatThrownBy(() -> parser.parse("w.yaml", BASE + "  trials: 0\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("training.trials");
    }
}
