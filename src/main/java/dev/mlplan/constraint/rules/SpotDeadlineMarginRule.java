package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.SpotRework;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload;
import java.util.Optional;

/**
 * {@code spot.deadline-margin}: with {@code training.deadline_hard: true}, a multi-node spot run must
 * meet its deadline even after one interruption: the restart plus the work since the last checkpoint
 * (the whole run without checkpoints). AWS gives a spot instance two minutes' notice
 * (docs/limits.md, Spot); a multi-node job stops when any of its nodes is reclaimed. Without
 * {@code deadline_hard} the same case is a warning on the option.
 */
public final class SpotDeadlineMarginRule implements Rule {
    public static final String ID = "spot.deadline-margin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        Optional<Workload.Training> training = f.workload().training();
        if (pricing != PricingModel.SPOT || training.isEmpty() || !training.get().deadlineHard() || training.get().deadline().isEmpty()
                || f.candidate().count() < 2) {
            return Optional.empty();
        }
        double runHours = f.runHours();
        double checkpointHours = training.get().checkpointEvery().map(TimeSpan::hours).orElse(0.0);
        double restartHours = SpotRework.restartHours(f.workload());
        var one = SpotRework.OneInterruption.of(runHours, checkpointHours, restartHours);
        // in a sweep, the interrupted run is one of the last wave: the waves before it have used their share of the deadline
        double deadline = training.get().deadline().get().hours() - (training.get().waves() - 1) * runHours;
        if (runHours <= 0 || one.endHours() <= deadline) {
            return Optional.empty();
        }
        int waves = training.get().waves();
        // in a sweep, say where the whole sweep then ends: the waves before plus the interrupted last run
        String sweepEnd = waves > 1 ? " in the last of " + waves + " waves, so the sweep ends at " + (waves - 1) + " × " + Fmt.hours(runHours) + " + "
                + Fmt.hours(one.endHours()) + " = " + Fmt.hours((waves - 1) * runHours + one.endHours()) : "";
        return violation(one.explanation() + " on " + f.candidate().count() + " spot instances" + sweepEnd + "; training.deadline_hard asks the "
                + Fmt.hours(training.get().deadline().get().hours()) + " deadline to hold");
    }
}
