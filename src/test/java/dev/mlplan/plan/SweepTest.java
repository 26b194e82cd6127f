package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.testing.TestPlans;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sweep's crossover search on hand-made cost curves: an instance type changing at a known value,
 * a count change that is no crossover, a third option inside a bracket, and whole numbers for an
 * integer key.
 */
class SweepTest {
    /** A one-part workload whose best option is {@code type} × {@code count} at {@code monthly}. */
    private static WorkloadPlan best(String type, int count, double monthly) {
        var part = TestPlans.part("inference", List.of(TestPlans.inference(1, type, "on-demand", count, monthly)));
        return new WorkloadPlan("w", "w.yaml", "", List.of("us-east-1"), List.of(part), List.of(), monthly, null, List.of());
    }

    private static Sweep.Axis axis(double from, double to, int steps, boolean integer) {
        return new Sweep.Axis("inference.traffic.average", from, to, "/s", steps, false, 1, integer);
    }

    private static Sweep.Result run(Sweep.Axis axis, Sweep.PointPlanner planner) {
        return Sweep.run(List.of(axis), planner, "0.1.0", TestPlans.CATALOG, "w", "w.yaml");
    }

    @Test
    void aChangeOfInstanceTypeIsFoundToTheTolerance() {
        Sweep.Result r = run(axis(0, 100, 11, false), v -> v[0] < 37.25 ? best("t3.small", 1, v[0]) : best("c5.large", 1, 37.25));
        assertThat(r.crossovers()).hasSize(1);
        Sweep.Crossover c = r.crossovers().get(0);
        assertThat(c.from().instanceType()).isEqualTo("t3.small");
        assertThat(c.to().instanceType()).isEqualTo("c5.large");
        assertThat(c.below()).isLessThan(37.25);
        assertThat(c.above()).isGreaterThanOrEqualTo(37.25);
        assertThat((c.above() - c.below()) / c.above()).isLessThanOrEqualTo(Sweep.RELATIVE_TOLERANCE);
    }

    @Test
    void moreOfTheSameInstanceIsNoCrossover() {
        Sweep.Result r = run(axis(1, 100, 10, false), v -> best("g5.xlarge", (int) Math.ceil(v[0] / 10), v[0]));
        assertThat(r.crossovers()).isEmpty();
        assertThat(r.steps()).hasSize(10);
    }

    @Test
    void aThirdOptionInsideOneStepIsACrossoverOfItsOwn() {
        // t3 below 40, m5 from 40 to 42, c5 from 42: one coarse step spans both changes
        Sweep.Result r = run(axis(0, 100, 3, false), v -> v[0] < 40 ? best("t3.small", 1, 1) : v[0] < 42 ? best("m5.large", 1, 2) : best("c5.large", 1, 3));
        assertThat(r.crossovers()).extracting(c -> c.from().instanceType() + ">" + c.to().instanceType())
                .containsExactly("t3.small>m5.large", "m5.large>c5.large");
        assertThat(r.crossovers().get(0).at()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.01));
        assertThat(r.crossovers().get(1).at()).isCloseTo(42, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anIntegerKeyStopsAtAdjacentWholeNumbers() {
        AtomicInteger plans = new AtomicInteger();
        Sweep.Result r = run(axis(1, 60, 5, true), v -> {
            plans.incrementAndGet();
            assertThat(v[0]).isEqualTo(Math.rint(v[0]));
            return v[0] < 23 ? best("t3.small", 1, v[0]) : best("c5.large", 1, 23);
        });
        Sweep.Crossover c = r.crossovers().get(0);
        assertThat(c.below()).isEqualTo(22);
        assertThat(c.above()).isEqualTo(23);
        assertThat(c.at()).isEqualTo(23);
        assertThat(plans.get()).isLessThan(5 + 10);
    }
}
