package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.Frontier.Axes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cost/time Pareto frontier on random points: nothing on it is beaten, everything off it is. */
class FrontierTest {

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    /** Random points; a coarse grid for some seeds, so that ties on one axis and duplicates occur. */
    private static List<Axes> points(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(200);
        boolean grid = seed % 2 == 0;
        List<Axes> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cost = grid ? random.nextInt(12) * 100.0 : random.nextDouble() * 10_000;
            double hours = grid ? 1 + random.nextInt(12) : 0.5 + random.nextDouble() * 100;
            ps.add(new Axes(cost, hours));
        }
        return ps;
    }

    /** q beats p: at most as costly and at most as slow, and better on one of them. */
    private static boolean beats(Axes q, Axes p) {
        return q.cost() <= p.cost() && q.time() <= p.time() && (q.cost() < p.cost() || q.time() < p.time());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noPointOnTheFrontierIsBeaten(long seed) {
        List<Axes> ps = points(seed);
        List<Axes> frontier = Frontier.of(ps, Optional::of);
        assertThat(frontier).isNotEmpty();
        for (Axes f : frontier) {
            assertThat(ps).as("seed %d: a point beating %s", seed, f).noneMatch(q -> beats(q, f));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyPointOffTheFrontierIsMatchedOrBeatenByOneOnIt(long seed) {
        List<Axes> ps = points(seed);
        List<Axes> frontier = Frontier.of(ps, Optional::of);
        for (Axes p : ps) {
            if (frontier.stream().noneMatch(f -> f == p)) {
                assertThat(frontier).as("seed %d: %s is off the frontier", seed, p)
                        .anyMatch(f -> f.cost() <= p.cost() && f.time() <= p.time());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sortedFastestFirstWithTheCostFalling(long seed) {
        List<Axes> frontier = Frontier.of(points(seed), Optional::of);
        for (int i = 1; i < frontier.size(); i++) {
            assertThat(frontier.get(i).time()).isGreaterThan(frontier.get(i - 1).time());
            assertThat(frontier.get(i).cost()).isLessThan(frontier.get(i - 1).cost());
        }
    }

    @Test
    void pointsWithoutATimeAreLeftOutAndEqualPointsKeptOnce() {
        List<Optional<Axes>> ps = List.of(Optional.of(new Axes(100, 2)), Optional.empty(), Optional.of(new Axes(100, 2)), Optional.of(new Axes(50, 4)),
                Optional.of(new Axes(60, 5)));
        assertThat(Frontier.of(ps, p -> p)).containsExactly(ps.get(0), ps.get(3));
    }
}
