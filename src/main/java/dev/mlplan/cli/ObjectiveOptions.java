package dev.mlplan.cli;

import dev.mlplan.plan.Objective;
import dev.mlplan.plan.PlanOptions;
import picocli.CommandLine.Option;

/** {@code --objective cost|time|balanced} and {@code --frontier}: what options are ranked by, and the cost/time frontier. */
final class ObjectiveOptions {
    @Option(names = "--objective", defaultValue = "cost", paramLabel = "cost|time|balanced",
            description = "Rank each part's options by cost (per month; the default), time (hours per run for training and batch,"
                    + " p99 latency for a service; ties by cost) or balanced (the cheapest option whose time is within 25%% of the fastest"
                    + " option's, then the slower ones by cost). Storage is ranked by cost.")
    String objective = "cost";

    @Option(names = "--frontier", description = "List each training and batch part's cost/time frontier, fastest first: the feasible options that no other"
            + " beats on both monthly cost and hours per run (chart in report's markdown and html).")
    boolean frontier;

    PlanOptions apply(PlanOptions options) {
        return options.withObjective(objective(), frontier);
    }

    /** @throws ExitException (exit code 2) for another word than cost, time or balanced */
    Objective objective() {
        for (Objective o : Objective.values()) {
            if (o.id().equals(objective)) {
                return o;
            }
        }
        throw new ExitException(ExitCode.USAGE, "--objective: expected cost, time or balanced, got '" + objective + "'");
    }
}
