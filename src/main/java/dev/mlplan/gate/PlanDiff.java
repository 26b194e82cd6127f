package dev.mlplan.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.CatalogRef;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two plans ({@code mlplan diff BASE NEW}), the JSON document of docs/design.md
 * ("schemaVersion": 1): per workload (matched by name) and part (matched by label), as
 * {@link PlanComparison} matches them for {@code check --baseline}, the requirements whose values
 * differ, the rank-1 option before and after with its unit price, the rules that eliminate more or
 * fewer candidates, and the monthly delta; then the workload and total deltas.
 *
 * @param baseline what BASE was: the file as given, whether a workload (planned now) or a saved plan, and its catalog
 * @param current the same for NEW
 * @param summary one line: the total before and after, the delta and how many workloads changed
 * @param baselineUsd the sum of BASE's workloads' monthly totals (null when one is unknown)
 * @param deltaUsd current minus baseline (null when either total is unknown)
 * @param deltaPercent the delta as a percentage of the baseline (null when the baseline is 0 or unknown)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "mlplanVersion", "baseline", "current", "summary", "baselineUsd", "currentUsd", "deltaUsd", "deltaPercent",
    "workloads"})
public record PlanDiff(int schemaVersion, String mlplanVersion, Side baseline, Side current, String summary, Double baselineUsd,
        Double currentUsd, Double deltaUsd, Double deltaPercent, List<WorkloadDiff> workloads) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param source the file as the user gave it
     * @param kind "workload" (planned now) or "plan" (a saved {@code recommend --format json})
     */
    @JsonPropertyOrder({"source", "kind", "catalog"})
    public record Side(String source, String kind, CatalogRef catalog) {}

    /** One workload: its change, monthly totals before and after, and its parts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "change", "baselineUsd", "currentUsd", "deltaUsd", "deltaPercent", "parts"})
    public record WorkloadDiff(String name, Change change, Double baselineUsd, Double currentUsd, Double deltaUsd, Double deltaPercent,
            List<PartChange> parts) {}

    /**
     * One part.
     *
     * @param change as check --baseline decides it (the rank-1 option or its monthly cost), and also
     *     "changed" when only requirements or eliminations differ
     * @param requirements the requirement keys whose values differ (absent on one side: null there)
     * @param eliminations the rules whose count of eliminated candidates differs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"part", "change", "baselineUsd", "currentUsd", "deltaUsd", "deltaPercent", "baselineOption", "currentOption",
        "requirements", "eliminations"})
    public record PartChange(String part, Change change, Double baselineUsd, Double currentUsd, Double deltaUsd, Double deltaPercent,
            Chosen baselineOption, Chosen currentOption, List<RequirementChange> requirements, List<EliminationChange> eliminations) {}

    /**
     * A part's rank-1 option.
     *
     * @param unit the unit of its principal cost line (the first), e.g. "hours"
     * @param unitPriceUsd USD per {@code unit} of that line
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "service", "instanceType", "count", "region", "pricing", "unit", "unitPriceUsd", "monthlyUsd"})
    public record Chosen(String id, String service, String instanceType, int count, String region, String pricing, String unit,
            Double unitPriceUsd, double monthlyUsd) {

        static Chosen of(Option o) {
            if (o == null) {
                return null;
            }
            CostComponent line = o.costs() == null || o.costs().isEmpty() ? null : o.costs().get(0);
            return new Chosen(o.id(), o.service() == null ? null : o.service().id(), o.instanceType(), o.count(), o.region(),
                    o.pricing() == null ? null : o.pricing().id(), line == null ? null : line.unit(), line == null ? null : line.unitPriceUsd(),
                    o.monthlyUsd());
        }
    }

    /** A requirement whose value differs; null on the side that does not have the key. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"key", "baseline", "current"})
    public record RequirementChange(String key, Object baseline, Object current) {}

    /** A rule's count of eliminated candidates (the sum of its occurrences in the part) before and after. */
    @JsonPropertyOrder({"rule", "baseline", "current"})
    public record EliminationChange(String rule, int baseline, int current) {}

    /** Compares two plans; {@code base} and {@code now} name them. */
    public static PlanDiff of(PlanResult before, Side base, PlanResult after, Side now) {
        List<WorkloadDiff> ws = new ArrayList<>();
        for (PlanComparison.WorkloadPair pair : PlanComparison.workloads(before, after)) {
            ws.add(workload(pair));
        }
        ws.sort(java.util.Comparator.comparing(WorkloadDiff::name));
        Double b = total(before);
        Double a = total(after);
        Double delta = a == null || b == null ? null : PlanComparison.snap(a - b);
        Double pct = delta == null || b <= 0 ? null : delta / b * 100;
        return new PlanDiff(SCHEMA_VERSION, after.mlplanVersion(), base, now, summary(b, a, delta, pct, ws), b, a, delta, pct, List.copyOf(ws));
    }

    private static Double total(PlanResult p) {
        List<WorkloadPlan> firsts = PlanComparison.workloads(null, p).stream().map(PlanComparison.WorkloadPair::current).toList();
        return PlanResult.Portfolio.of(firsts).monthlyUsd();
    }

    private static WorkloadDiff workload(PlanComparison.WorkloadPair pair) {
        WorkloadPlan b = pair.baseline();
        WorkloadPlan a = pair.current();
        List<PartChange> parts = PlanComparison.parts(b, a).stream().map(PlanDiff::part).toList();
        Double before = b == null ? null : b.monthlyUsd();
        Double after = a == null ? null : a.monthlyUsd();
        Double delta;
        if (a == null) {
            delta = before == null ? null : -before;
        } else if (b == null) {
            delta = after;
        } else {
            delta = after == null || before == null ? null : PlanComparison.snap(after - before);
        }
        Double pct = delta == null || before == null || before <= 0 ? null : delta / before * 100;
        Change change;
        if (b == null) {
            change = Change.ADDED;
        } else if (a == null) {
            change = Change.REMOVED;
        } else {
            boolean same = parts.stream().allMatch(p -> p.change() == Change.UNCHANGED) && (delta == null || delta == 0)
                    && Objects.equals(before == null, after == null);
            change = same ? Change.UNCHANGED : Change.CHANGED;
        }
        return new WorkloadDiff(pair.name(), change, before, after, delta, pct, parts);
    }

    private static PartChange part(PlanComparison.PartPair pair) {
        PartDiff d = PlanComparison.diff(pair);
        List<RequirementChange> reqs = requirements(pair.baseline(), pair.current());
        List<EliminationChange> elims = eliminations(pair.baseline(), pair.current());
        Change change = d.change() == Change.UNCHANGED && (!reqs.isEmpty() || !elims.isEmpty()) ? Change.CHANGED : d.change();
        Double delta = d.deltaUsd();
        Double pct = delta == null || d.baselineUsd() == null || d.baselineUsd() <= 0 ? null : delta / d.baselineUsd() * 100;
        return new PartChange(d.part(), change, d.baselineUsd(), d.currentUsd(), delta, pct, Chosen.of(PlanComparison.chosen(pair.baseline())),
                Chosen.of(PlanComparison.chosen(pair.current())), reqs, elims);
    }

    private static List<RequirementChange> requirements(PartPlan b, PartPlan a) {
        Map<String, Object> before = b == null ? Map.of() : b.requirements();
        Map<String, Object> after = a == null ? Map.of() : a.requirements();
        List<String> keys = new ArrayList<>(after.keySet());
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                keys.add(k);
            }
        }
        List<RequirementChange> out = new ArrayList<>();
        if (b == null || a == null) {
            return out;
        }
        for (String k : keys) {
            Object x = before.get(k);
            Object y = after.get(k);
            if (!same(x, y)) {
                out.add(new RequirementChange(k, x, y));
            }
        }
        return List.copyOf(out);
    }

    /** Equal values; numbers equal to 10 significant digits (a saved plan's precision). */
    static boolean same(Object x, Object y) {
        if (x instanceof Number m && y instanceof Number n) {
            double p = m.doubleValue();
            double q = n.doubleValue();
            return p == q || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q));
        }
        return Objects.equals(x, y);
    }

    private static List<EliminationChange> eliminations(PartPlan b, PartPlan a) {
        if (b == null || a == null) {
            return List.of();
        }
        Map<String, Integer> before = counts(b);
        Map<String, Integer> after = counts(a);
        TreeSet<String> rules = new TreeSet<>(before.keySet());
        rules.addAll(after.keySet());
        List<EliminationChange> out = new ArrayList<>();
        for (String r : rules) {
            int x = before.getOrDefault(r, 0);
            int y = after.getOrDefault(r, 0);
            if (x != y) {
                out.add(new EliminationChange(r, x, y));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> counts(PartPlan p) {
        Map<String, Integer> m = new TreeMap<>();
        for (Elimination e : p.eliminated()) {
            m.merge(e.rule(), e.occurrences(), Integer::sum);
        }
        return m;
    }

    private static String summary(Double b, Double a, Double delta, Double pct, List<WorkloadDiff> ws) {
        String total = "total " + usd(b) + " → " + usd(a) + " a month (" + (delta == null ? "delta unknown: a part has no feasible option"
                : Gate.signedUsd(delta) + (pct == null ? "" : ", " + Gate.signedPct(pct))) + ")";
        long changed = ws.stream().filter(w -> w.change() == Change.CHANGED).count();
        long unchanged = ws.stream().filter(w -> w.change() == Change.UNCHANGED).count();
        long added = ws.stream().filter(w -> w.change() == Change.ADDED).count();
        long removed = ws.stream().filter(w -> w.change() == Change.REMOVED).count();
        return total + "; " + ws.size() + (ws.size() == 1 ? " workload: " : " workloads: ") + changed + " changed, " + unchanged + " unchanged, "
                + added + " added, " + removed + " removed";
    }

    private static String usd(Double v) {
        return v == null ? "unknown" : Fmt.usd(v);
    }

    /** Whether nothing differs: no workload added, removed or changed. */
    public boolean unchanged() {
        return workloads.stream().allMatch(w -> w.change() == Change.UNCHANGED);
    }
}
