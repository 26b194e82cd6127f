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
 * of one run each. A batch job's run (facts with a {@link dev.mlplan.constraint.BatchRun}) must finish
 * within {@code batch.deadline}: items ÷ (instances × items/s each) plus setup.
 */
public final class DeadlineRule implements Rule {
    public static final String ID = "instance.deadline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.batch().isPresent()) {
            return batchRun(f);
        }
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

    /** A batch job: one run on the candidate's instances, at the estimate's items per second, against batch.deadline. */
    private Optional<Violation> batchRun(Facts f) {
        Optional<TimeSpan> deadline = f.runDeadline();
        if (deadline.isEmpty() || f.inference().isEmpty() || !f.inference().get().fits()) {
            return Optional.empty();
        }
        double hours = f.runHours();
        double limit = deadline.get().hours();
        if (hours > limit) {
            return violation(() -> "one run takes " + Fmt.hours(hours) + " on " + f.candidate().count() + " × " + f.candidate().resource() + " at "
                    + Fmt.sig(f.batch().get().itemsPerSecondEach()) + " items/s each; the deadline is " + Fmt.hours(limit));
        }
        return Optional.empty();
    }
}
