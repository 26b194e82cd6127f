package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.workload.WorkloadParser;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Storage planned against the compute part that reads it (issue 14 item 8), hand-computed at us-east-1 prices. */
class StorageRealismTest {
    private static final Planner PLANNER = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(),
            PlanOptions.defaults("test").withTop(50), LocalDate.of(2026, 11, 21));
    private static final WorkloadParser PARSER = new WorkloadParser(ModelPresets.names());

    private static PartPlan storage(String body) {
        var w = PARSER.parse("t.yaml", "version: 1\nname: t\nregions: [us-east-1]\n" + body);
        return PLANNER.plan(w).parts().stream().filter(p -> p.part().equals("storage")).findFirst().orElseThrow();
    }

    private static Option option(PartPlan p, String resource) {
        return p.options().stream().filter(o -> o.instanceType().equals(resource)).findFirst().orElseThrow();
    }

    private static CostComponent component(Option o, String prefix) {
        return o.costs().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static final String SERVING = """
            inference:
              model: { preset: bert-base, precision: fp16 }
              traffic: { average: 300/s, peak: 450/s, pattern: steady }
              tokens_in: 128
              latency_p99: 50ms
              availability: multi-az
            """;

    @Test
    void servingChargesGetsOnTheTrafficsAverageShareOfThePeak() {
        // 600 GET/s peak × 300/450 = 400 GET/s average × 730 h × 3,600 s = 1,051,200 k GETs × $0.0004 = $420.48
        // (the peak would charge $630.72); the peak still sizes prefixes: 600 < 5,500 → 1
        var p = storage(SERVING + "storage: { data: 100 GB, reads: 600/s }\n");
        var gets = component(option(p, "s3-standard"), "GET requests");
        assertThat(gets.quantity()).isCloseTo(1_051_200, within(1e-3));
        assertThat(gets.monthlyUsd()).isCloseTo(420.48, within(1e-6));
    }

    @Test
    void aFleetOfSeveralInstancesIsNotOfferedOneSingleAttachVolume() {
        // multi-az serving runs at least 2 instances; all read the data, so gp3 (one attachment) is eliminated
        var p = storage(SERVING + "storage: { data: 100 GB }\n");
        assertThat((Integer) p.requirements().get("sharedBy")).isGreaterThanOrEqualTo(2);
        assertThat(p.options()).noneMatch(o -> o.instanceType().equals("gp3"));
        assertThat(p.eliminated()).anyMatch(e -> e.rule().equals("ebs.shared") && "gp3".equals(e.instanceType()));
    }

    @Test
    void dataServedToTheInternetIsKeptOffEbs() {
        var p = storage("storage: { data: 100 GB, transfer: { internet: 500 GB/month } }\n");
        assertThat(p.options()).noneMatch(o -> o.service().id().equals("ebs"));
        assertThat(p.eliminated()).anyMatch(e -> e.rule().equals("ebs.internet"));
    }

    @Test
    void storageFollowsTheComputeRegionAndS3ElsewhereWouldPayTheTransfer() {
        // N serving instances each read 1 MB/s for 730 h: N × 2,628 GB a month; S3 in the other region adds
        // N × 2,628 GB × $0.02, so S3 ranks in the compute's region, and volumes are offered only there
        var w = PARSER.parse("t.yaml", "version: 1\nname: t\nregions: [us-east-1, us-west-2]\n" + SERVING
                + "storage: { data: 100 GB, throughput: 1 MB/s }\n");
        var plan = PLANNER.plan(w);
        var inference = plan.parts().stream().filter(p -> p.part().equals("inference")).findFirst().orElseThrow().options().get(0);
        var p = plan.parts().stream().filter(x -> x.part().equals("storage")).findFirst().orElseThrow();
        assertThat((Integer) p.requirements().get("sharedBy")).isEqualTo(inference.count());
        assertThat(p.options()).isNotEmpty().allMatch(o -> o.region().equals(inference.region()));
        var s3 = option(p, "s3-standard+ebs");
        assertThat(s3.notes()).anyMatch(n -> n.startsWith("other regions: "));
    }

    @Test
    void crossRegionReadsAreChargedPerGbRead() {
        // 2 readers × 2,628 GB = 5,256 GB × $0.02 = $105.12
        var c = new dev.mlplan.cost.StorageCost(new dev.mlplan.cost.ServicePrices(CatalogLoader.embedded()))
                .crossRegionReads(new dev.mlplan.cost.StorageCost.Reading(730, 1, "t", 5256, "2 readers"), "us-west-2", "us-east-1");
        assertThat(c).singleElement().satisfies(x -> assertThat(x.monthlyUsd()).isCloseTo(105.12, within(1e-9)));
    }
}
