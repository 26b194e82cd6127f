package dev.mlplan.plan;

import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.plan.Sweep.Axis;
import dev.mlplan.plan.Sweep.Best;
import dev.mlplan.plan.Sweep.Crossover;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The crossover search on its own: given a key (an {@link Axis}), a way to plan the workload at any
 * value of it, and two values where a part's best option differs, the exact value where it changes,
 * by bisection. {@link Sweep} uses it between adjacent steps; a sensitivity analysis (which input
 * flips a part's choice, and where) can use it between an input's current value and the end of its
 * range.
 */
public final class Crossovers {
    private static final int MAX_BISECTIONS = 80;

    private Crossovers() {}

    /**
     * The crossovers of {@code part} between lo (best {@code a}) and hi (best {@code b}): bisection
     * until the bracket is narrow; a third option met on the way is a crossover of its own.
     */
    public static List<Crossover> between(Axis axis, DoubleFunction<WorkloadPlan> along, String part, double lo, Best a, double hi, Best b,
            List<Double> row) {
        List<Crossover> out = new ArrayList<>();
        double l = lo;
        double h = hi;
        Best atH = b;
        for (int i = 0; i < MAX_BISECTIONS && !axis.narrow(l, h); i++) {
            double m = axis.mid(l, h);
            if (m <= l || m >= h) {
                break;
            }
            Best bm = Sweep.best(along.apply(m)).get(part);
            if (bm != null && bm.identity().equals(a.identity())) {
                l = m;
                a = bm;
            } else {
                h = m;
                atH = bm;
            }
        }
        double at = axis.integer() ? h : (l + h) / 2;
        out.add(new Crossover(part, at, axis.unit(), l, h, row, a, atH));
        if (atH != null && !atH.identity().equals(b.identity())) {
            out.addAll(between(axis, along, part, h, atH, hi, b, row));
        }
        return out;
    }

}
