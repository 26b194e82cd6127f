package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.Service;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch part: deadline sizing, hours and cost per run, spot, S3 requests, checked by hand. */
class BatchPlannerTest {
    private static final WorkloadParser PARSER = ModelPresets.workloadParser();

    private static PartPlan plan(Workload w, int top) {
        var planner = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(top),
                LocalDate.of(2026, 8, 1), PartCollector.Building.AT_ONCE);
        return planner.plan(w).parts().stream().filter(p -> p.part().equals("batch")).findFirst().orElseThrow();
    }

    private static Workload yaml(String batch) {
        return PARSER.parse("batch.yaml", "version: 2\nname: batch-test\n" + batch);
    }

    @Test
    void instancesAreSizedByTheDeadlineLessSetup() {
        Workload w = yaml("batch:\n  model: { preset: bert-large }\n  items: 100M\n  deadline: 6h\n");
        Workload.Batch b = w.batch().orElseThrow();
        // 100M items at 218 items/s each within 6 h − 10 min of setup: 100e6 / (218 × 3600 × 5.8333) = 21.8 → 22
        assertThat(BatchPlanner.nodesNeeded(b, 218)).isEqualTo(22);
        // each of 22 instances does 100e6 / 22 / 218 s = 5.79 h, plus 10 min of setup
        assertThat(BatchPlanner.runHours(b, 218, 22)).isCloseTo(100e6 / 22 / 218 / 3600 + 1.0 / 6, within(1e-9));
        Workload none = yaml("batch:\n  model: { preset: bert-large }\n  items: 100M\n");
        assertThat(BatchPlanner.nodesNeeded(none.batch().orElseThrow(), 218)).as("no deadline: one instance").isEqualTo(1);
        Workload tooShort = yaml("batch:\n  model: { preset: bert-large }\n  items: 1k\n  deadline: 5m\n");
        assertThat(BatchPlanner.nodesNeeded(tooShort.batch().orElseThrow(), 1000)).as("deadline inside the setup time").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void smallItemsArePackedIntoEightMegabyteObjects() {
        // 100M documents of 2,048 B (512 tokens × 4 B) = 204.8 GB in 8 MB objects: 25,600 GETs
        assertThat(BatchPlanner.objects(100e6, 2048)).isEqualTo(25_600);
        // an hour of 16 kHz 16-bit audio (115.2 MB) is an object of its own
        assertThat(BatchPlanner.objects(10_000, 3600 * 32_000.0)).isEqualTo(10_000);
        assertThat(BatchPlanner.objects(10, 0)).isZero();
    }

    @Test
    void theNightlyEmbeddingExampleAddsUpByHand() {
        Workload w = PARSER.parse(Path.of("workloads/nightly-embeddings.yaml"));
        PartPlan part = plan(w, 5);
        Option best = part.options().get(0);
        assertThat(best.service()).isEqualTo(Service.EC2);
        double itemsPerSecond = Double.parseDouble(best.notes().get(0).replaceAll(".* at ([0-9.,]+) items/s.*", "$1").replace(",", ""));
        int n = best.count();
        assertThat(n).isEqualTo((int) Math.ceil(100e6 / (itemsPerSecond * 3600 * (6 - 1.0 / 6))));
        assertThat(best.hoursPerRun()).isLessThanOrEqualTo(6.0);
        // $ per month = $ per run × 30 runs
        assertThat(best.monthlyUsd()).isCloseTo(best.usdPerRun() * 30, within(0.01));
        // S3: 25,600 input objects and 100M × 4 KB embeddings = 409.6 GB → 51,200 output objects a run
        assertThat(best.costs()).anySatisfy(c -> assertThat(c.name()).contains("25,600 input objects a run"));
        assertThat(best.costs()).anySatisfy(c -> assertThat(c.name()).contains("51,200 output objects a run"));
        assertThat(part.requirements()).containsEntry("itemsPerRun", 100e6).containsEntry("deadlineHours", 6.0);
    }

    @Test
    void spotIsRuledOutWhenTheJobIsNotInterruptibleAndNoFleetStaysOn() {
        Workload w = yaml("batch:\n  model: { preset: bert-large }\n  items: 10M\n  deadline: 6h\n  interruptible: false\n");
        List<Option> options = plan(w, 50).options();
        assertThat(options).isNotEmpty().noneMatch(o -> o.pricing() == PricingModel.SPOT);
        // a one-shot job: on-demand options bill only the run's hours
        Option onDemand = options.stream().filter(o -> o.pricing() == PricingModel.ON_DEMAND && o.service() == Service.EC2).findFirst().orElseThrow();
        assertThat(onDemand.usdPerRun()).isCloseTo(onDemand.monthlyUsd(), within(0.01));
    }

    @Test
    void speechItemsAreThirtySecondWindowsCalibratedOnThePublishedRealTimeFactor() {
        Workload w = PARSER.parse(Path.of("workloads/audio-transcription.yaml"));
        PartPlan part = plan(w, 5);
        assertThat(part.requirements()).containsEntry("requestsPerItem", 120);
        assertThat(part.assumptions()).anySatisfy(s -> assertThat(s.name()).isEqualTo("speech calibration"));
        // 10,000 h of audio = 1.2M windows; the best option finishes within the 12 h deadline
        assertThat(part.options().get(0).hoursPerRun()).isLessThanOrEqualTo(12.0);
    }
}
