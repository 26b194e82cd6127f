package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code instance.max-nodes}: an inference fleet may not need more instances than
 * {@code constraints.max_nodes} (training never exceeds it: mlplan only tries node counts up to it),
 * nor may a batch job's deadline need more instances than that.
 */
public final class MaxNodesRule implements Rule {
    public static final String ID = "instance.max-nodes";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        int max = f.workload().constraints().maxNodes();
        if (f.batch().isPresent()) {
            var run = f.batch().get();
            if (run.nodesNeeded() <= max || run.batch().deadline().isEmpty()) {
                return Optional.empty();
            }
            return violation("the " + Fmt.hours(run.batch().deadline().get().hours()) + " deadline needs " + run.nodesNeeded() + " × "
                    + f.candidate().resource() + " at " + Fmt.sig(run.itemsPerSecondEach()) + " items/s each; constraints.max_nodes is " + max);
        }
        if (f.inference().isPresent() && f.instancesNeeded() > max && f.inferenceRequirements().isPresent()) {
            return violation("peak traffic of " + Fmt.sig(f.inferenceRequirements().get().peakRps()) + "/s needs "
                    + f.instancesNeeded() + " × " + f.candidate().resource() + " at "
                    + Fmt.sig(f.inference().get().requestsPerSecond()) + " requests/s each; constraints.max_nodes is " + max);
        }
        return Optional.empty();
    }
}
