package dev.mlplan.plan;

import dev.mlplan.plan.PlanResult.Option;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a part's options are ranked by ({@code recommend --objective}); the one place the ranking rule
 * lives. An option's time is its hours per run (training, batch) or, for a service, which has no run,
 * its estimated p99 latency; storage has neither, so every objective ranks it by cost.
 *
 * <ul>
 *   <li>{@link #COST}: cheapest per month first; ties: shorter run, then id (mlplan's ranking since
 *       version 1).
 *   <li>{@link #TIME}: fastest first (fewest hours per run, or lowest p99 latency); ties: cheaper,
 *       then id; options without a time last, by cost.
 *   <li>{@link #BALANCED}: the options whose time is within {@link #BALANCED_SLACK} (25%) of the
 *       fastest feasible option's first, cheapest first; then the slower ones, cheapest first. So rank
 *       1 is the cheapest option at most 1.25 × the fastest time.
 * </ul>
 */
public enum Objective {
    COST,
    TIME,
    BALANCED;

    /** Balanced: how much slower than the fastest option an option may be and still rank among the fast ones. */
    public static final double BALANCED_SLACK = 0.25;

    /** Cheapest per month first; ties: shorter run (none counts as 0), then id. */
    static final Comparator<Option> COST_ORDER = (a, b) -> {
        // one comparison instead of a chain of comparators: every part's offers are sorted at every step of a sweep
        int c = Double.compare(a.monthlyUsd(), b.monthlyUsd());
        if (c == 0) {
            c = Double.compare(a.hoursPerRun() == null ? 0 : a.hoursPerRun(), b.hoursPerRun() == null ? 0 : b.hoursPerRun());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    /** Fastest first; options without a time after the others; ties: the cost order. */
    static final Comparator<Option> TIME_ORDER = Comparator.<Option, Double>comparing(Objective::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(COST_ORDER);

    /** The option's time: hours per run, else its p99 latency in milliseconds, else null (storage). */
    public static Double time(Option o) {
        return o.hoursPerRun() != null ? o.hoursPerRun() : o.latencyMsP99();
    }

    /**
     * Which of two offers of the same resource and pricing model in different regions a part keeps:
     * the fastest under {@link #TIME} (a spot run's rework differs by region), else the cheapest.
     */
    Comparator<Option> groupOrder() {
        return this == TIME ? TIME_ORDER : COST_ORDER;
    }

    /** As written on the command line and in the plan JSON: cost, time, balanced. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code items} ranked by this objective, their options given by {@code option}: the whole
     * feasible set, as balanced measures each time against the fastest of all.
     */
    <T> List<T> rank(List<T> items, Function<T, Option> option) {
        Comparator<Option> order = switch (this) {
            case COST -> COST_ORDER;
            case TIME -> TIME_ORDER;
            case BALANCED -> balanced(items.stream().map(option).map(Objective::time).filter(t -> t != null).min(Double::compare).orElse(null));
        };
        return items.stream().sorted(Comparator.comparing(option, order)).toList();
    }

    /** Within 25% of {@code fastest} first, then the others, each cheapest first; the cost order when no option has a time. */
    private static Comparator<Option> balanced(Double fastest) {
        if (fastest == null) {
            return COST_ORDER;
        }
        double limit = fastest * (1 + BALANCED_SLACK);
        return Comparator.<Option, Boolean>comparing(o -> time(o) == null || time(o) > limit).thenComparing(COST_ORDER);
    }
}
