package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code instance.latency}: the estimated p99 latency of one request must meet
 * {@code inference.latency_p99}. The estimate is taken at the smallest batch (batch 1) when even that
 * misses the target: larger batches only raise latency.
 */
public final class LatencyRule implements Rule {
    public static final String ID = "instance.latency";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.inference().isEmpty() || f.inferenceRequirements().isEmpty() || !f.inference().get().fits()) {
            return Optional.empty();
        }
        double target = f.inferenceRequirements().get().latencyTargetMs();
        double p99 = f.inference().get().latencyMsP99();
        if (target > 0 && p99 > target) {
            return violation("estimated p99 latency is " + Fmt.millisBeside(p99, target) + " on " + AcceleratorMemoryRule.describe(f)
                    + "; the target is " + Fmt.millis(target));
        }
        return Optional.empty();
    }
}
