package dev.mlplan.cli;

import dev.mlplan.plan.Objective;
import dev.mlplan.plan.PlanOptions;
import picocli.CommandLine.Option;

/** {@code --objective cost|time|balanced} and {@code --frontier}: what options are ranked by, and the cost/time frontier. */
final class ObjectiveOptions {
    @Option(names = "--objective", defaultValue = "cost", paramLabel = "cost|time|balanced", converter = ObjectiveConverter.class,
            description = "Rank each part's options by cost (per month; the default), time (hours per run for training and batch,"
                    + " p99 latency for a service; ties by cost) or balanced (the cheapest option whose time is within 25%% of the fastest"
                    + " option's, then the slower ones by cost). Storage is ranked by cost.")
    Objective objective = Objective.COST;

    @Option(names = "--frontier", description = "List each training and batch part's cost/time frontier, fastest first: the feasible options that no other"
                    + " beats on both monthly cost and hours per run (chart in report's markdown and html).")
    boolean frontier;

    PlanOptions apply(PlanOptions options) {
        return options.withObjective(objective, frontier);
    }

    /** The lower-case ids, with the valid ones in the error. */
    static final class ObjectiveConverter implements picocli.CommandLine.ITypeConverter<Objective> {
        @Override
        public Objective convert(String value) {
            for (Objective o : Objective.values()) {
                if (o.id().equals(value)) {
                    return o;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected cost, time or balanced, got '" + value + "'");
        }
    }
}
