package dev.mlplan.gate;

import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How two plans are matched and compared, the one comparison behind {@code check --baseline} and
 * {@code mlplan diff}: workloads are matched by name (the first of a name on each side), parts by
 * part label ("training", "inference: chat"), and each part's best (rank-1) option and monthly cost
 * are compared. A monthly difference under half a cent is rounding noise of a saved plan (written
 * with 10 significant digits) and counts as no change.
 */
public final class PlanComparison {
    /** A monthly difference smaller than this (half a cent) is no change. */
    public static final double EPSILON_USD = 0.005;

    private PlanComparison() {}

    /**
     * One workload on both sides.
     *
     * @param baseline the baseline's workload of this name (null: added)
     * @param current the current workload of this name (null: removed)
     */
    public record WorkloadPair(String name, WorkloadPlan baseline, WorkloadPlan current) {}

    /** One part on both sides; {@code baseline} null when added, {@code current} null when removed. */
    public record PartPair(String part, PartPlan baseline, PartPlan current) {}

    /**
     * The workloads of both plans matched by name: the current plan's (the first of each name) in its
     * order, then those only in the baseline, in its order.
     *
     * @param baseline null when there is none (every current workload is then unpaired)
     */
    public static List<WorkloadPair> workloads(PlanResult baseline, PlanResult current) {
        Map<String, WorkloadPlan> base = new LinkedHashMap<>();
        if (baseline != null) {
            for (WorkloadPlan w : baseline.workloads()) {
                base.putIfAbsent(w.name(), w);
            }
        }
        List<WorkloadPair> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (WorkloadPlan w : current.workloads()) {
            if (seen.add(w.name())) {
                out.add(new WorkloadPair(w.name(), base.get(w.name()), w));
            }
        }
        for (WorkloadPlan b : base.values()) {
            if (!seen.contains(b.name())) {
                out.add(new WorkloadPair(b.name(), b, null));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The parts of a workload on both sides, matched by label, in the order training, inference,
     * storage, then others (each group by label).
     */
    public static List<PartPair> parts(WorkloadPlan baseline, WorkloadPlan current) {
        Map<String, PartPlan> now = byPart(current);
        Map<String, PartPlan> before = byPart(baseline);
        List<String> names = new ArrayList<>(now.keySet());
        for (String k : before.keySet()) {
            if (!now.containsKey(k)) {
                names.add(k);
            }
        }
        names.sort(Comparator.comparingInt(PlanComparison::partOrder).thenComparing(Comparator.naturalOrder()));
        return names.stream().map(n -> new PartPair(n, before.get(n), now.get(n))).toList();
    }

    /** The part's best option and monthly cost, before and after, and whether it changed. */
    public static PartDiff diff(PartPair p) {
        PartPlan n = p.current();
        PartPlan o = p.baseline();
        Double cur = best(n);
        Double old = best(o);
        Change c;
        if (o == null) {
            c = Change.ADDED;
        } else if (n == null) {
            c = Change.REMOVED;
        } else if (!Objects.equals(bestId(n), bestId(o)) || cur == null != (old == null) || (cur != null && Math.abs(cur - old) >= EPSILON_USD)) {
            c = Change.CHANGED;
        } else {
            c = Change.UNCHANGED;
        }
        Double delta = cur == null && old == null ? null : snap(nz(cur) - nz(old));
        if ((cur == null && n != null) || (old == null && o != null)) {
            delta = null;
        }
        return new PartDiff(p.part(), c, old, cur, delta, bestId(o), bestId(n));
    }

    /** The rank-1 option of a part, or null (no part, or no feasible option). */
    public static Option chosen(PartPlan p) {
        return p == null || p.options().isEmpty() ? null : p.options().get(0);
    }

    /** The monthly cost of the part's rank-1 option, or null. */
    public static Double best(PartPlan p) {
        Option o = chosen(p);
        return o == null ? null : o.monthlyUsd();
    }

    /** The id of the part's rank-1 option, or null. */
    public static String bestId(PartPlan p) {
        Option o = chosen(p);
        return o == null ? null : o.id();
    }

    /** Differences under half a cent are rounding noise of a saved plan (10 significant digits): zero. */
    public static double snap(double d) {
        return Math.abs(d) < EPSILON_USD ? 0.0 : d;
    }

    static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static Map<String, PartPlan> byPart(WorkloadPlan w) {
        Map<String, PartPlan> m = new LinkedHashMap<>();
        if (w != null) {
            for (PartPlan p : w.parts()) {
                m.putIfAbsent(p.label(), p);
            }
        }
        return m;
    }

    /** Parts in the order training, inference, storage, then others (by name); a named item ("training: nightly") by its kind. */
    private static int partOrder(String part) {
        int colon = part.indexOf(':');
        return switch (colon < 0 ? part : part.substring(0, colon)) {
            case "training" -> 0;
            case "inference" -> 1;
            case "storage" -> 2;
            default -> 3;
        };
    }
}
