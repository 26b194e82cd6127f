package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.Service;
import dev.mlplan.estimate.EstimationDefaults;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.workload.Workload;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One speech calibration for every path: a Whisper model served online (an inference part) and the
 * same model transcribing offline (a batch part) get the same windows per second on the same
 * instance type, and both parts state the same calibration step.
 */
class SpeechCalibrationPlanTest {
    /** A served whisper-large-v3 with no latency target, beside a batch job of 30 s items (one window an item). */
    private static final String BOTH = """
            version: 2
            name: whisper-both
            regions: [us-east-1]
            constraints:
              families: { include: [g5, g6e, p4de, inf2] }
            inference:
              model: { preset: whisper-large-v3, precision: fp16 }
              traffic: { average: 2/s, peak: 4/s }
            batch:
              model: { preset: whisper-large-v3, precision: fp16 }
              items: 100k
              audio_seconds: 30
              deadline: 12h
            """;

    private static Map<String, PartPlan> plan(String yaml) {
        Workload w = ModelPresets.workloadParser().parse("whisper.yaml", yaml);
        var planner = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(500),
                LocalDate.of(2026, 8, 1), PartCollector.Building.AT_ONCE);
        return planner.plan(w).parts().stream().collect(Collectors.toMap(PartPlan::part, Function.identity()));
    }

    /** The best EC2 option of each instance type in a part (its throughput per instance is the same under every pricing model). */
    private static Map<String, Option> ec2(PartPlan part) {
        return part.options().stream().filter(o -> o.service() == Service.EC2)
                .collect(Collectors.toMap(Option::instanceType, Function.identity(), (a, b) -> a));
    }

    @Test
    void aServedAndABatchWhisperGetTheSameWindowsPerSecondOnTheSameInstanceType() {
        Map<String, PartPlan> parts = plan(BOTH);
        Map<String, Option> served = ec2(parts.get("inference"));
        Map<String, Option> batch = ec2(parts.get("batch"));
        assertThat(served.keySet()).as("instance types planned in both parts").containsAnyElementsOf(batch.keySet());
        int compared = 0;
        for (var e : served.entrySet()) {
            Option job = batch.get(e.getKey());
            if (job == null) {
                continue;
            }
            compared++;
            // a served request is one 30 s window of 100 transcript tokens, as a batch window is: tokens/s ÷ 100 = windows/s
            double servedWindows = e.getValue().requestsPerSecondPerInstance();
            double batchWindows = job.tokensPerSecondPerInstance() / 100;
            assertThat(e.getValue().tokensPerSecondPerInstance()).as("%s tokens/s served and batch", e.getKey())
                    .isCloseTo(job.tokensPerSecondPerInstance(), within(0.011));
            assertThat(servedWindows).as("%s windows/s served and batch", e.getKey()).isCloseTo(batchWindows, within(0.011));
        }
        assertThat(compared).as("instance types compared").isGreaterThanOrEqualTo(5);
    }

    @Test
    void bothPartsStateTheSameCalibrationStep() {
        Map<String, PartPlan> parts = plan(BOTH);
        Step served = calibrationStep(parts.get("inference"));
        Step batch = calibrationStep(parts.get("batch"));
        assertThat(served).isEqualTo(batch);
        // source, measured, estimated and factor: 3.06 ÷ 21.3 windows/s on 1 × A100-80GB = × 0.144
        assertThat(served.value()).isEqualTo("× 0.144");
        assertThat(served.basis()).contains("insanely-fast-whisper", "3.06 ÷ 21.3 windows/s", EstimationDefaults.SPEECH_REFERENCE_ACCELERATOR);
    }

    @Test
    void aServedWhisperOnAnA100ReproducesTheMeasurementPerChip() {
        // p4de.24xlarge: 8 × A100-80GB, one whisper-large-v3 replica per chip at the largest batch: 8 × 3.06 windows/s
        Option p4de = ec2(plan(BOTH).get("inference")).get("p4de.24xlarge");
        assertThat(p4de).isNotNull();
        double measured = EstimationDefaults.SPEECH_REFERENCE_REAL_TIME_FACTOR / EstimationDefaults.SPEECH_WINDOW_SECONDS;
        assertThat(p4de.requestsPerSecondPerInstance()).isCloseTo(8 * measured, within(0.01));
    }

    @Test
    void nonSpeechModelsCarryNoCalibration() {
        PartPlan part = plan("""
                version: 2
                name: bert
                regions: [us-east-1]
                constraints:
                  families: { include: [g5] }
                inference:
                  model: { preset: bert-large }
                  traffic: { average: 2/s, peak: 4/s }
                """).get("inference");
        assertThat(part.assumptions()).noneMatch(s -> s.name().equals("speech calibration"));
    }

    private static Step calibrationStep(PartPlan part) {
        return part.assumptions().stream().filter(s -> s.name().equals("speech calibration")).findFirst().orElseThrow();
    }
}
