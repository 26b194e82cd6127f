package dev.mlplan.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * A what-if sweep: one workload planned at each value of one key (or each cell of a grid of two),
 * the best option of every part at each step, and the crossovers, where a part's best option
 * changes, found by bisection on the key.
 *
 * <p>"The best option changes" means its service, instance type, pricing model or region changes;
 * a change in instance count alone (more of the same instance as traffic grows) is not a
 * crossover. The sweep re-runs the one {@link Planner} at every value: no second cost model.
 */
public final class Sweep {
    /** The version of the sweep document; it changes when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;
    /** Most steps along one key, and most cells of a grid. */
    public static final int MAX_STEPS = 10_000;
    /** Bisection stops when the bracket is this narrow relative to its upper end (or one whole unit of an integer key). */
    public static final double RELATIVE_TOLERANCE = 1e-4;

    private Sweep() {}

    /**
     * One swept key.
     *
     * @param key its path, such as inference.traffic.average
     * @param from first value, in {@code unit}
     * @param to last value, in {@code unit}
     * @param unit the unit FROM was written in ("/day"; empty for a bare number)
     * @param factor base units per {@code unit}
     * @param integer whether the key takes whole numbers only
     */
    @JsonPropertyOrder({"key", "from", "to", "unit", "steps", "log"})
    public record Axis(String key, double from, double to, String unit, int steps, boolean log,
            @com.fasterxml.jackson.annotation.JsonIgnore double factor, @com.fasterxml.jackson.annotation.JsonIgnore boolean integer) {

        /** The values of the steps, in {@code unit}: linear, or geometric with {@code log}. */
        public List<Double> values() {
            List<Double> out = new ArrayList<>(steps);
            for (int i = 0; i < steps; i++) {
                double t = steps == 1 ? 0 : (double) i / (steps - 1);
                double v = log ? from * Math.pow(to / from, t) : from + (to - from) * t;
                out.add(integer ? Math.rint(v * factor) / factor : v);
            }
            return out;
        }

        double base(double v) {
            return v * factor;
        }

        double mid(double lo, double hi) {
            double m = log && lo > 0 && hi > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
            return integer ? Math.floor(m) : m;
        }

        boolean narrow(double lo, double hi) {
            if (integer) {
                return Math.abs(hi - lo) <= 1;
            }
            return Math.abs(hi - lo) <= RELATIVE_TOLERANCE * Math.max(Math.abs(lo), Math.abs(hi));
        }
    }

    /** A part's best option at one value: what identifies it and its monthly cost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"part", "id", "service", "instanceType", "count", "region", "pricing", "monthlyUsd"})
    public record Best(String part, String id, String service, String instanceType, Integer count, String region, String pricing, Double monthlyUsd) {
        static Best of(PartPlan p) {
            if (p.options().isEmpty()) {
                return new Best(p.label(), null, null, null, null, null, null, null);
            }
            Option o = p.options().get(0);
            return new Best(p.label(), o.id(), o.service().id(), o.instanceType(), o.count(), o.region(), o.pricing().id(), o.monthlyUsd());
        }

        /** What must change for a crossover: service, instance type, pricing model and region (not the count). */
        String identity() {
            return id == null ? "none" : service + "|" + instanceType + "|" + pricing + "|" + region;
        }

        /** "ec2 t3.small × 2 on-demand", "lambda per-request", "none feasible". */
        public String label() {
            if (id == null) {
                return "none feasible";
            }
            return service + (instanceType == null ? "" : " " + instanceType) + (count != null && count > 1 ? " × " + count : "") + " " + pricing;
        }
    }

    /**
     * One step.
     *
     * @param at the value of each axis, in its unit
     * @param monthlyUsd the workload's monthly total (null when a part has no feasible option)
     */
    @JsonPropertyOrder({"at", "monthlyUsd", "best"})
    public record Step(List<Double> at, @JsonInclude(JsonInclude.Include.ALWAYS) Double monthlyUsd, List<Best> best) {}

    /**
     * Where a part's best option changes along the first axis.
     *
     * @param at the value, in the first axis's unit: the bracket's midpoint (for an integer key, the
     *     first whole value where {@code to} ranks first)
     * @param below a value just below {@code at} where {@code from} ranks first
     * @param above a value just above {@code at} where {@code to} ranks first
     * @param row the other axes' values (a grid's row); empty for one axis
     * @param from the best option just below, with its monthly cost there
     * @param to the best option just above, with its monthly cost there
     */
    @JsonPropertyOrder({"part", "at", "unit", "below", "above", "row", "from", "to"})
    public record Crossover(String part, double at, String unit, double below, double above,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> row, Best from, Best to) {}

    /** The sweep document ({@code sweep --format json}). */
    @JsonPropertyOrder({"schemaVersion", "mlplanVersion", "catalog", "workload", "file", "vary", "steps", "crossovers"})
    public record Result(int schemaVersion, String mlplanVersion, PlanResult.CatalogRef catalog, String workload, String file, List<Axis> vary,
            List<Step> steps, List<Crossover> crossovers) {}

    /**
     * Plans one workload at a point: the values of the axes in their base units, in axis order. Called
     * from several threads at once (the steps are planned in parallel), so it must be thread-safe.
     */
    public interface PointPlanner {
        WorkloadPlan plan(double[] baseValues);
    }

    /**
     * Sweeps the axes (one, or two for a grid: the first along rows, the second across) and finds the
     * crossovers along the first axis (in every row of a grid).
     */
    public static Result run(List<Axis> axes, PointPlanner planner, String mlplanVersion, PlanResult.CatalogRef catalog, String workload, String file) {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("one or two axes");
        }
        Axis first = axes.get(0);
        List<Double> rows = axes.size() == 2 ? axes.get(1).values() : List.of(Double.NaN);
        List<Step> steps = new ArrayList<>();
        List<Crossover> crossovers = new ArrayList<>();
        for (double row : rows) {
            DoubleFunction<WorkloadPlan> along = v -> planner.plan(axes.size() == 2
                    ? new double[] {first.base(v), axes.get(1).base(row)} : new double[] {first.base(v)});
            List<Double> rowAt = axes.size() == 2 ? List.of(row) : List.of();
            List<Double> values = first.values();
            // the steps are independent plans: planned in parallel (the catalog is read-only and the planner keeps no
            // state between plans), collected in order, so the output does not depend on the number of cores
            List<WorkloadPlan> plans = IntStream.range(0, values.size()).parallel().mapToObj(i -> along.apply(values.get(i))).toList();
            Map<String, Best> previous = null;
            double previousAt = Double.NaN;
            for (int i = 0; i < values.size(); i++) {
                double v = values.get(i);
                WorkloadPlan w = plans.get(i);
                Map<String, Best> best = best(w);
                List<Double> at = new ArrayList<>();
                at.add(v);
                at.addAll(rowAt);
                steps.add(new Step(List.copyOf(at), w.monthlyUsd(), List.copyOf(best.values())));
                if (previous != null) {
                    for (String part : best.keySet()) {
                        Best before = previous.get(part);
                        if (before != null && !before.identity().equals(best.get(part).identity())) {
                            crossovers.addAll(Crossovers.between(first, along, part, previousAt, before, v, best.get(part), rowAt));
                        }
                    }
                }
                previous = best;
                previousAt = v;
            }
        }
        return new Result(SCHEMA_VERSION, mlplanVersion, catalog, workload, file, List.copyOf(axes), List.copyOf(steps), List.copyOf(crossovers));
    }

    static Map<String, Best> best(WorkloadPlan w) {
        Map<String, Best> out = new LinkedHashMap<>();
        for (PartPlan p : w.parts()) {
            out.put(p.label(), Best.of(p));
        }
        return out;
    }
}
