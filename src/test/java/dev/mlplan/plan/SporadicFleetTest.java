package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.WorkloadParser;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sporadic fleet paid only its minimum (one instance kept warm) whatever the average rate: at
 * 1,000,000 requests a day, 9 × c6g.medium were sized for the 12/s peak but one instance-month was
 * billed ($24.82). However bursty, an average rate keeps average ÷ rate-per-instance instances busy.
 */
class SporadicFleetTest {
    private static final WorkloadParser PARSER = new WorkloadParser(ModelPresets.names());

    private static Inference inference(String traffic, String availability) {
        return PARSER.parse("t.yaml", """
                version: 1
                name: t
                regions: [us-east-1]
                inference:
                  model: { preset: distilbert, precision: fp32 }
                  traffic: %s
                  tokens_in: 128
                  latency_p99: 5s
                  availability: %s
                """.formatted(traffic, availability)).inference().orElseThrow();
    }

    static Stream<long[]> seeded() {
        Random r = new Random(20261207L);
        // {average per day, peak per second ×1000, rate per instance ×1000, multi-AZ}
        return IntStream.range(0, 40).mapToObj(i -> {
            long avgPerDay = 10 + (long) Math.floor(Math.pow(10, 7 * r.nextDouble()));
            double avg = avgPerDay / 86_400.0;
            long peakMilli = (long) Math.ceil(avg * 1000 * (1 + 3 * r.nextDouble())) + 1;
            long rateMilli = 100 + r.nextInt(50_000);
            return new long[] {avgPerDay, peakMilli, rateMilli, r.nextBoolean() ? 1 : 0};
        });
    }

    /** Sporadic pays at least what the average needs (as diurnal does), at least the minimum, and never more than steady's peak fleet. */
    @ParameterizedTest
    @MethodSource("seeded")
    void aSporadicFleetIsNeverSmallerThanItsAverageRateNeeds(long[] c) {
        Inference sporadic = inference("{ average: %d/day, peak: %s/s, pattern: sporadic }".formatted(c[0], c[1] / 1000.0),
                c[3] == 1 ? "multi-az" : "single");
        Inference diurnal = inference("{ average: %d/day, peak: %s/s, pattern: diurnal }".formatted(c[0], c[1] / 1000.0),
                c[3] == 1 ? "multi-az" : "single");
        double rate = c[2] / 1000.0;
        FleetSizing s = FleetSizing.of(sporadic, rate, FleetSizing.DEFAULT_HEADROOM);
        FleetSizing d = FleetSizing.of(diurnal, rate, FleetSizing.DEFAULT_HEADROOM);
        int min = c[3] == 1 ? 2 : 1;
        double forAverage = Math.max(min, Math.ceil(c[0] / 86_400.0 * 1.2 / rate - 1e-9));
        assertThat(s.mean()).isEqualTo(forAverage).isEqualTo(d.mean()).isGreaterThanOrEqualTo(min).isLessThanOrEqualTo(s.peak());
    }

    @Test
    void aQuietSporadicServiceStillKeepsOnlyOneWarm() {
        FleetSizing f = FleetSizing.of(inference("{ average: 100/day, peak: 1/s, pattern: sporadic }", "single"), 1.7, 0.20);
        assertThat(f.mean()).isEqualTo(1);
        assertThat(f.explanation()).isEqualTo("1 kept warm for sporadic traffic; up to 1 at peak");
    }

    /**
     * tiny-sporadic at 1,000,000 requests a day (11.574/s), peak 12/s, on c6g.medium at 1.7 requests/s
     * each: ceil(11.574 × 1.2 ÷ 1.7) = ceil(8.17) = 9 instances on average (and ceil(12 × 1.2 ÷ 1.7) = 9
     * at peak), so 9 × 730 h = 6,570 h × $0.034 = $223.38 a month, not 730 h × $0.034 = $24.82.
     */
    @Test
    void aMillionRequestsADaySporadicallyPayForTheFleetTheAverageKeepsBusy() {
        Planner planner = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(1000),
                LocalDate.of(2026, 12, 7));
        var w = PARSER.parse("t.yaml", """
                version: 1
                name: tiny-sporadic
                regions: [us-east-1]
                inference:
                  model: { preset: distilbert, precision: fp32 }
                  traffic: { average: 1000000/day, peak: 12/s, pattern: sporadic }
                  tokens_in: 128
                  latency_p99: 5s
                  availability: single
                """);
        Option o = planner.plan(w).parts().get(0).options().stream()
                .filter(x -> x.instanceType().equals("c6g.medium") && x.pricing().id().equals("on-demand")).findFirst().orElseThrow();
        assertThat(o.count()).isEqualTo(9);
        CostComponent hours = o.costs().stream().filter(x -> x.name().startsWith("Instance hours")).findFirst().orElseThrow();
        assertThat(hours.quantity()).isCloseTo(6570, within(1e-9));
        assertThat(hours.unitPriceUsd()).isCloseTo(0.034, within(1e-12));
        assertThat(hours.monthlyUsd()).isCloseTo(223.38, within(1e-9));
        assertThat(o.notes().get(0)).startsWith("fleet: 9 for the average 11.6/s + 20% headroom");
    }
}
