package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.TimeSpan;
import java.util.Optional;

/**
 * {@code instance.deadline}: one training run must finish within {@code training.deadline}. The
 * run's wall time is the training estimate (FLOPs / (accelerators × peak × MFU × scaling)). A sweep
 * ({@code training.trials} above 1) must finish within it as a whole: ceil(trials ÷ concurrency) waves
 * of one run each.
 */
public final class DeadlineRule implements Rule {
    public static final String ID = "instance.deadline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        var training = f.workload().training();
        Optional<TimeSpan> deadline = training.isPresent() ? training.get().deadline() : Optional.empty();
        if (deadline.isEmpty() || f.training().isEmpty() || !f.training().get().fits()) {
            return Optional.empty();
        }
        double hours = f.training().get().hoursPerRun();
        double limit = deadline.get().hours();
        var t = training.get();
        if (t.sweepHours(hours) > limit) {
            // formatted only if shown: the planner tries more nodes while a run is too slow
            return violation(() -> (t.isSweep() ? "one sweep takes " + t.sweepText(hours) : "one run takes " + Fmt.hours(hours)) + " on "
                    + AcceleratorMemoryRule.describe(f) + "; the deadline is " + Fmt.hours(limit));
        }
        return Optional.empty();
    }
}
