package dev.mlplan.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.plan.Sweep.Axis;
import dev.mlplan.plan.Sweep.Best;
import dev.mlplan.plan.Sweep.Crossover;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Sensitivity ({@code recommend --sensitivity}): for one input of a part (a workload key or an
 * assumption), the nearest value below and above its current one at which the part's rank-1 option
 * changes. The input is moved from current ÷ {@value #SPAN} to current × {@value #SPAN} (clamped to
 * the key's bounds); each side is scanned outward in {@value #SCAN_STEPS} geometric steps (×√2 each
 * for a span of 4), and the first step whose best option differs is narrowed to the flip by the
 * sweep's own bisection ({@link Crossovers}, to {@link Sweep#RELATIVE_TOLERANCE}). A flip that goes
 * and comes back between two scan steps is not seen. The same {@link Planner} plans every point, so
 * a flip agrees with {@code mlplan sweep}'s crossover on the same key.
 */
public final class Sensitivity {
    /** How far each input is moved: from current ÷ SPAN to current × SPAN. */
    public static final double SPAN = 4;
    /** Scan steps on each side of the current value before bisection. */
    public static final int SCAN_STEPS = 4;

    private Sensitivity() {}

    /** A part's rank-1 option as the sweep identifies it (service, instance type, pricing model, region). */
    public static Best rankOne(PlanResult.PartPlan p) {
        return Best.of(p);
    }

    /**
     * One input of a part and where it flips the part's rank-1 option (or that it does not in the range).
     *
     * @param key the workload key, as docs/workload-reference.md names it
     * @param current the current value in the key's units (as the file writes it, or the key's default)
     * @param currentText the current value as text, with its unit ("500/day", "0.33")
     * @param flipsAt the value where the rank-1 option changes, in the same units; absent when it does not within the range
     * @param flipsAtText the same as text
     * @param direction lower or higher: the side of {@code current} the flip is on
     * @param ratio flipsAt ÷ current
     * @param from the rank-1 option now, with its monthly cost at the flip
     * @param to the option that ranks first past the flip, with its monthly cost there
     * @param noFlip when there is no flip on either side: the range searched ("×0.25–×4: 125/day to 2,000/day")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "current", "currentText", "flipsAt", "flipsAtText", "direction", "ratio", "from", "to", "noFlip"})
    public record Entry(String key, double current, String currentText, Double flipsAt, String flipsAtText, String direction, Double ratio,
            Best from, Best to, String noFlip) {}

    /**
     * One input to vary.
     *
     * @param key its path
     * @param current its value now, in its base unit
     * @param min lowest value it takes (base unit)
     * @param max highest value it takes (base unit)
     * @param integer whether it takes whole numbers only
     * @param unitFactor base units per display unit (86400⁻¹ for "/day")
     * @param unit the display unit ("/day"; empty for a bare number)
     * @param along plans the workload with the input at a value (base unit)
     */
    public record Input(String key, double current, double min, double max, boolean integer, double unitFactor, String unit,
            DoubleFunction<WorkloadPlan> along) {

        String text(double base) {
            return dev.mlplan.util.Fmt.sig(base / unitFactor) + unit;
        }
    }

    /**
     * The flips of {@code part}'s rank-1 option {@code now} as {@code in} moves down and up, counting
     * every plan made in {@code plans}.
     */
    public static List<Entry> of(String part, Best now, Input in, AtomicInteger plans) {
        DoubleFunction<WorkloadPlan> counted = v -> {
            plans.incrementAndGet();
            return in.along().apply(v);
        };
        double c = in.current();
        double lo = Math.max(c / SPAN, in.min());
        double hi = Math.min(c * SPAN, in.max());
        Axis axis = new Axis(in.key(), lo, hi, "", 2, true, 1, in.integer());
        List<Entry> out = new ArrayList<>();
        side(part, now, in, counted, axis, c, lo, false).ifPresent(out::add);
        side(part, now, in, counted, axis, c, hi, true).ifPresent(out::add);
        if (out.isEmpty()) {
            out.add(new Entry(in.key(), c / in.unitFactor(), in.text(c), null, null, null, null, null, null,
                    "×" + dev.mlplan.util.Fmt.sig(lo / c) + "–×" + dev.mlplan.util.Fmt.sig(hi / c) + ": " + in.text(lo) + " to " + in.text(hi)));
        }
        return out;
    }

    private static java.util.Optional<Entry> side(String part, Best now, Input in, DoubleFunction<WorkloadPlan> along, Axis axis, double c,
            double end, boolean up) {
        if (up ? end <= c : end >= c) {
            return java.util.Optional.empty();
        }
        DoubleUnaryOperator at = k -> {
            double v = c * Math.pow(end / c, k / SCAN_STEPS);
            return in.integer() ? Math.rint(v) : v;
        };
        double same = c;
        Best sameBest = now;
        for (int k = 1; k <= SCAN_STEPS; k++) {
            double v = k == SCAN_STEPS ? end : at.applyAsDouble(k);
            if (v == same) {
                continue;
            }
            Best b = Sweep.best(along.apply(v)).get(part);
            if (b == null || b.identity().equals(now.identity())) {
                same = v;
                sameBest = b;
                continue;
            }
            List<Crossover> found = up
                    ? Crossovers.between(axis, along, part, same, sameBest, v, b, List.of())
                    : Crossovers.between(axis, along, part, v, b, same, sameBest, List.of());
            // the flip nearest the current value: the first crossover going up, the last going down
            Crossover x = up ? found.get(0) : found.get(found.size() - 1);
            Best from = up ? x.from() : x.to();
            Best to = up ? x.to() : x.from();
            return java.util.Optional.of(new Entry(in.key(), c / in.unitFactor(), in.text(c), x.at() / in.unitFactor(), in.text(x.at()),
                    up ? "higher" : "lower", x.at() / c, from, to, null));
        }
        return java.util.Optional.empty();
    }
}
