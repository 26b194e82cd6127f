package dev.mlplan.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The cost/time Pareto frontier ({@code recommend --frontier}): the points that no other point beats
 * on both axes, that is, no other is at most as costly and at most as slow and better on one of them.
 * Of points equal on both axes one is kept (the first in the input). Sorted fastest first, so the
 * cost falls along the list.
 */
public final class Frontier {
    private Frontier() {}

    /** A point's two axes: both lower is better. */
    public record Axes(double cost, double time) {}

    /**
     * The frontier of {@code points}, those without axes (empty optional: no time figure) left out.
     * O(n log n): sorted by time then cost, a point is kept when it is cheaper than every faster one.
     */
    public static <T> List<T> of(List<T> points, Function<T, java.util.Optional<Axes>> axes) {
        record P<T>(T item, Axes axes, int index) {}
        List<P<T>> ps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            axes.apply(points.get(i)).ifPresent(a -> ps.add(new P<>(points.get(index), a, index)));
        }
        ps.sort(Comparator.<P<T>>comparingDouble(p -> p.axes().time()).thenComparingDouble(p -> p.axes().cost()).thenComparingInt(P::index));
        List<T> out = new ArrayList<>();
        double cheapest = Double.POSITIVE_INFINITY;
        for (P<T> p : ps) {
            if (p.axes().cost() < cheapest) {
                out.add(p.item());
                cheapest = p.axes().cost();
            }
        }
        return List.copyOf(out);
    }
}
