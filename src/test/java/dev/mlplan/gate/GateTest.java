package dev.mlplan.gate;

import static dev.mlplan.testing.TestPlans.finetune;
import static dev.mlplan.testing.TestPlans.infeasible;
import static dev.mlplan.testing.TestPlans.plan;
import static dev.mlplan.testing.TestPlans.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.gate.Gate.Thresholds;
import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.plan.PlanResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {
    private static WorkloadGate only(GateResult r, String name) {
        return r.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void workloadBudgetPassWarnFail() {
        // finetune totals 300 + 10 = 310; warn_at of the workload is 80%
        assertThat(Gate.check(plan(finetune(300, 10, 1000.0)), Optional.empty(), Thresholds.none()).status()).isEqualTo(Status.PASS);
        GateResult warn = Gate.check(plan(finetune(300, 10, 350.0)), Optional.empty(), Thresholds.none());
        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(only(warn, "finetune").reason()).isEqualTo("$310.00 a month is 89% of the budget of $350.00 (warns at 80%)");
        GateResult fail = Gate.check(plan(finetune(300, 10, 300.0)), Optional.empty(), Thresholds.none());
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(only(fail, "finetune").reason()).isEqualTo("$310.00 a month is over the budget of $300.00 by $10.00");
        assertThat(fail.summary()).isEqualTo("FAIL: 1 workload, 0 passed, 0 warned, 1 failed");
    }

    @Test
    void exactlyAtTheBudgetIsAWarningNotAFailure() {
        GateResult r = Gate.check(plan(finetune(300, 10, 310.0)), Optional.empty(), Thresholds.none());
        assertThat(r.status()).isEqualTo(Status.WARN);
    }

    @Test
    void noBudgetPasses() {
        GateResult r = Gate.check(plan(finetune(300, 10, null), infeasible(null)), Optional.empty(), Thresholds.none());
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(only(r, "finetune").reason()).isEqualTo("no budget ($310.00 a month)");
        assertThat(only(r, "infeasible").reason()).startsWith("no budget (monthly cost unknown");
        assertThat(only(r, "finetune").budgetUsd()).isNull();
    }

    @Test
    void budgetAndWarnAtFlagsOverrideTheWorkloads() {
        Thresholds t = new Thresholds(400.0, 0.5, null);
        GateResult r = Gate.check(plan(finetune(300, 10, 1000.0), serving(100, null)), Optional.empty(), t);
        assertThat(only(r, "finetune").status()).isEqualTo(Status.WARN);
        assertThat(only(r, "finetune").budgetUsd()).isEqualTo(400.0);
        assertThat(only(r, "finetune").warnAtUsd()).isEqualTo(200.0);
        assertThat(only(r, "serving").status()).isEqualTo(Status.PASS);
        assertThat(only(r, "serving").reason()).isEqualTo("$100.00 a month is 25% of the budget of $400.00");
    }

    @Test
    void theWorkloadsOwnWarnAtIsKeptWhenOnlyTheBudgetIsOverridden() {
        // serving's budget says warn at 75%; --budget 120 → warns above 90
        GateResult r = Gate.check(plan(serving(100, 1000.0)), Optional.empty(), new Thresholds(120.0, null, null));
        assertThat(only(r, "serving").warnAtUsd()).isEqualTo(90.0);
        assertThat(r.status()).isEqualTo(Status.WARN);
        // no workload budget: default 80%
        GateResult d = Gate.check(plan(serving(100, null)), Optional.empty(), new Thresholds(120.0, null, null));
        assertThat(only(d, "serving").warnAtUsd()).isEqualTo(96.0);
    }

    @Test
    void unknownMonthlyCostFailsAgainstABudget() {
        GateResult r = Gate.check(plan(infeasible(500.0)), Optional.empty(), Thresholds.none());
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(only(r, "infeasible").reason()).contains("no feasible option");
    }

    @Test
    void increaseOverBaselineByPercentAndUsd() {
        PlanResult base = plan(finetune(300, 10, 10000.0));
        PlanResult now = plan(finetune(330, 10, 10000.0)); // +30 = +9.68%
        assertThat(Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("10%"))).status()).isEqualTo(Status.PASS);
        GateResult fail = Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("9%")));
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        WorkloadGate w = only(fail, "finetune");
        assertThat(w.reason()).isEqualTo("+$30.00 (+9.7%) vs baseline $310.00 is more than the allowed +9%");
        assertThat(w.deltaUsd()).isEqualTo(30.0);
        assertThat(w.deltaPercent()).isCloseTo(9.677, org.assertj.core.data.Offset.offset(0.001));
        assertThat(w.change()).isEqualTo(Change.CHANGED);
        assertThat(Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("29 USD"))).status()).isEqualTo(Status.FAIL);
        assertThat(Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("30USD"))).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDecreaseAlwaysPasses() {
        GateResult r = Gate.check(plan(finetune(100, 10, null)), Optional.of(plan(finetune(300, 10, null))),
                new Thresholds(null, null, Threshold.parse("0%")));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(only(r, "finetune").deltaUsd()).isEqualTo(-200.0);
    }

    @Test
    void budgetFailureWinsOverAPassingIncrease() {
        GateResult r = Gate.check(plan(finetune(300, 10, 100.0)), Optional.of(plan(finetune(300, 10, 100.0))),
                new Thresholds(null, null, Threshold.parse("10%")));
        WorkloadGate w = only(r, "finetune");
        assertThat(w.status()).isEqualTo(Status.FAIL);
        assertThat(w.rules()).extracting(GateResult.RuleResult::rule).containsExactly("budget", "max-increase");
        assertThat(w.reason()).startsWith("$310.00 a month is over the budget");
        assertThat(w.change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void partsAreMatchedByPartAndWorkloadsByName() {
        PlanResult base = plan(finetune(300, 10, null), serving(50, null));
        PlanResult now = plan(finetune(300, 12, null), infeasible(null));
        GateResult r = Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("200USD")));
        assertThat(r.workloads()).extracting(WorkloadGate::name).containsExactly("finetune", "infeasible", "serving");
        WorkloadGate f = only(r, "finetune");
        assertThat(f.parts()).extracting(PartDiff::part, PartDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("training", Change.UNCHANGED), org.assertj.core.groups.Tuple.tuple("storage", Change.CHANGED));
        assertThat(f.parts().get(1).deltaUsd()).isEqualTo(2.0);
        WorkloadGate removed = only(r, "serving");
        assertThat(removed.change()).isEqualTo(Change.REMOVED);
        assertThat(removed.status()).isEqualTo(Status.PASS);
        assertThat(removed.reason()).isEqualTo("removed: was $50.00 a month in the baseline");
        WorkloadGate added = only(r, "infeasible");
        assertThat(added.change()).isEqualTo(Change.ADDED);
        assertThat(added.status()).as("unknown cost cannot be checked against an allowed increase").isEqualTo(Status.FAIL);
    }

    @Test
    void aNewWorkloadCountsItsWholeCostAgainstAnAmountButNotAPercentage() {
        PlanResult base = plan(serving(50, null));
        PlanResult now = plan(serving(50, null), finetune(300, 10, null));
        assertThat(only(Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("100USD"))), "finetune").status())
                .isEqualTo(Status.FAIL);
        WorkloadGate pct = only(Gate.check(now, Optional.of(base), new Thresholds(null, null, Threshold.parse("10%"))), "finetune");
        assertThat(pct.status()).isEqualTo(Status.PASS);
        assertThat(pct.reason()).isEqualTo("no budget ($310.00 a month); new workload: $310.00 a month, not in the baseline");
        assertThat(pct.parts()).allSatisfy(p -> assertThat(p.change()).isEqualTo(Change.ADDED));
    }

    @Test
    void roundingNoiseOfASavedPlanIsNoChange() {
        PlanResult base = plan(finetune(300.0000000004, 10, null));
        GateResult r = Gate.check(plan(finetune(300, 10, null)), Optional.of(base), new Thresholds(null, null, Threshold.parse("0%")));
        assertThat(only(r, "finetune").deltaUsd()).isEqualTo(0.0);
        assertThat(only(r, "finetune").change()).isEqualTo(Change.UNCHANGED);
        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    void baselineWithoutMaxIncreaseReportsTheDifferenceOnly() {
        GateResult r = Gate.check(plan(finetune(600, 10, null)), Optional.of(plan(finetune(300, 10, null))), Thresholds.none());
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.maxIncrease()).isNull();
        assertThat(only(r, "finetune").rules().get(1).reason()).isEqualTo("+$300.00 (+96.8%) vs baseline $310.00 (no --max-increase)");
    }

    @Test
    void thresholdParsing() {
        assertThat(Threshold.parse("10%")).isEqualTo(Threshold.percent(0.1));
        assertThat(Threshold.parse("200USD")).isEqualTo(Threshold.usd(200));
        assertThat(Threshold.parse("200 USD")).isEqualTo(Threshold.usd(200));
        assertThat(Threshold.parse(" $200 ")).isEqualTo(Threshold.usd(200));
        assertThat(Threshold.parse("12.5%").describe()).isEqualTo("+12.5%");
        assertThat(Threshold.parse("1500USD").describe()).isEqualTo("+$1,500.00");
        assertThatThrownBy(() -> Threshold.parse("10")).hasMessageContaining("'10' is not a percentage or an amount in USD");
        assertThatThrownBy(() -> Threshold.parse("10 EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.parse("-5%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overallIsTheWorstAndWorkloadsAreSorted() {
        GateResult r = Gate.check(plan(serving(100, 1000.0), finetune(300, 10, 350.0), infeasible(10.0)), Optional.empty(), Thresholds.none());
        assertThat(r.workloads()).extracting(WorkloadGate::name).containsExactly("finetune", "infeasible", "serving");
        assertThat(r.workloads()).extracting(WorkloadGate::status).containsExactly(Status.WARN, Status.FAIL, Status.PASS);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).isEqualTo("FAIL: 3 workloads, 1 passed, 1 warned, 1 failed");
    }
}
