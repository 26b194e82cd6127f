package dev.mlplan.gate;

import static dev.mlplan.testing.TestPlans.finetune;
import static dev.mlplan.testing.TestPlans.infeasible;
import static dev.mlplan.testing.TestPlans.plan;
import static dev.mlplan.testing.TestPlans.serving;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.PlanDiff.PartChange;
import dev.mlplan.gate.PlanDiff.Side;
import dev.mlplan.gate.PlanDiff.WorkloadDiff;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.testing.TestPlans;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PlanDiff} on hand-built plans, and that it agrees with {@code check --baseline} ({@link Gate}) part by part. */
class PlanDiffTest {
    static final Side BASE = new Side("base.json", "plan", TestPlans.CATALOG);
    static final Side NEW = new Side("new.json", "plan", TestPlans.CATALOG);

    private static WorkloadDiff only(PlanDiff d, String name) {
        return d.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void addedRemovedAndChangedWorkloadsWithSignedDeltas() {
        PlanDiff d = PlanDiff.of(plan(finetune(200, 10, null), serving(50, null)), BASE, plan(finetune(300, 10, null), infeasible(null)), NEW);
        assertThat(d.workloads()).extracting(WorkloadDiff::name).containsExactly("finetune", "infeasible", "serving");
        WorkloadDiff ft = only(d, "finetune");
        assertThat(ft.change()).isEqualTo(Change.CHANGED);
        assertThat(ft.deltaUsd()).isEqualTo(100.0);
        assertThat(ft.deltaPercent()).isCloseTo(47.619, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ft.parts()).extracting(PartChange::part, PartChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("training", Change.CHANGED), org.assertj.core.groups.Tuple.tuple("storage", Change.UNCHANGED));
        PartChange training = ft.parts().get(0);
        assertThat(training.baselineOption().unitPriceUsd()).isNotEqualTo(training.currentOption().unitPriceUsd());
        assertThat(training.baselineOption().unit()).isEqualTo("hours");
        assertThat(only(d, "serving").change()).isEqualTo(Change.REMOVED);
        assertThat(only(d, "serving").deltaUsd()).isEqualTo(-50.0);
        assertThat(only(d, "infeasible").change()).isEqualTo(Change.ADDED);
        // the new plan's total is unknown (a part with no feasible option): no total delta
        assertThat(d.currentUsd()).isNull();
        assertThat(d.deltaUsd()).isNull();
        assertThat(d.summary()).isEqualTo("total $260.00 → unknown a month (delta unknown: a part has no feasible option); 3 workloads: 1 changed,"
                + " 0 unchanged, 1 added, 1 removed");
    }

    @Test
    void partsAreComparedAsCheckBaselineComparesThem() {
        PlanResult before = plan(finetune(200, 10, null), serving(50, null));
        PlanResult after = plan(finetune(300, 12, null), serving(50, null));
        PlanDiff d = PlanDiff.of(before, BASE, after, NEW);
        GateResult g = Gate.check(after, Optional.of(before), Gate.Thresholds.none());
        for (GateResult.WorkloadGate w : g.workloads()) {
            List<PartChange> mine = only(d, w.name()).parts();
            assertThat(mine).hasSameSizeAs(w.parts());
            for (int i = 0; i < mine.size(); i++) {
                PartDiff p = w.parts().get(i);
                assertThat(mine.get(i).part()).isEqualTo(p.part());
                assertThat(mine.get(i).change()).isEqualTo(p.change());
                assertThat(mine.get(i).deltaUsd()).isEqualTo(p.deltaUsd());
            }
        }
    }

    @Test
    void requirementAndEliminationChangesMakeAPartChangedEvenWithTheSameOption() {
        WorkloadPlan base = finetune(200, 10, null);
        PartPlan t = base.parts().get(0);
        Map<String, Object> req = new LinkedHashMap<>(t.requirements());
        req.put("runsPerMonth", 8);
        req.put("deadlineHours", 24.0);
        List<PlanResult.Elimination> elim = new java.util.ArrayList<>(t.eliminated());
        elim.add(new PlanResult.Elimination(dev.mlplan.constraint.Service.EC2, "g6.xlarge", "instance.deadline", "too slow", 4));
        PartPlan t2 = new PartPlan(t.part(), req, t.options(), elim, t.assumptions(), t.considered(), t.feasible());
        WorkloadPlan now = new WorkloadPlan(base.name(), base.file(), base.description(), base.regions(), List.of(t2, base.parts().get(1)),
                base.breakEven(), base.monthlyUsd(), base.budget(), base.warnings());
        PlanDiff d = PlanDiff.of(plan(base), BASE, plan(now), NEW);
        PartChange p = only(d, "finetune").parts().get(0);
        assertThat(p.change()).isEqualTo(Change.CHANGED);
        assertThat(p.deltaUsd()).isZero();
        assertThat(p.requirements()).containsExactly(new PlanDiff.RequirementChange("runsPerMonth", 4, 8),
                new PlanDiff.RequirementChange("deadlineHours", null, 24.0));
        assertThat(p.eliminations()).containsExactly(new PlanDiff.EliminationChange("instance.deadline", 0, 4));
        assertThat(only(d, "finetune").change()).isEqualTo(Change.CHANGED);
        assertThat(d.deltaUsd()).isZero();
    }

    @Test
    void numbersEqualToTenSignificantDigitsAreTheSame() {
        assertThat(PlanDiff.same(8030000000L, 8.03e9)).isTrue();
        assertThat(PlanDiff.same(15, 15.0)).isTrue();
        assertThat(PlanDiff.same(0.1234567891, 0.1234567890)).isTrue();
        assertThat(PlanDiff.same(60, 61)).isFalse();
        assertThat(PlanDiff.same("fp16", "bf16")).isFalse();
    }

    @Test
    void aPlanAgainstItselfIsUnchanged() {
        PlanResult p = plan(finetune(200, 10, 1000.0), serving(50, null), infeasible(null));
        PlanDiff d = PlanDiff.of(p, BASE, p, NEW);
        assertThat(d.unchanged()).isTrue();
        assertThat(d.workloads()).allSatisfy(w -> assertThat(w.parts()).allSatisfy(x -> {
            assertThat(x.requirements()).isEmpty();
            assertThat(x.eliminations()).isEmpty();
        }));
    }
}
