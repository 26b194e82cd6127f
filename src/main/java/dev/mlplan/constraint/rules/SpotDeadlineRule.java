package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload;
import java.util.Optional;

/**
 * {@code spot.deadline}: on spot, a run also redoes the work lost at each interruption (back to the
 * last checkpoint, plus a restart). The run with that expected rework must still meet
 * {@code training.deadline} (a sweep: its waves of runs, each with its rework; {@code batch.deadline} for a batch job). The rework estimate comes from the Spot Advisor interruption bucket
 * (see the cost package's SpotRework).
 */
public final class SpotDeadlineRule implements Rule {
    public static final String ID = "spot.deadline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        Optional<TimeSpan> deadline = f.runDeadline();
        if (pricing != PricingModel.SPOT || deadline.isEmpty() || f.effectiveHoursPerRun() <= 0) {
            return Optional.empty();
        }
        double hours = f.effectiveHoursPerRun();
        // a training sweep's deadline covers all its waves; a batch run is one run
        var sweep = f.batch().isPresent() ? Optional.<Workload.Training>empty() : f.workload().training().filter(Workload.Training::isSweep);
        double total = sweep.map(t -> t.sweepHours(hours)).orElse(hours);
        if (total > deadline.get().hours()) {
            String run = sweep.map(t -> "one sweep takes " + t.sweepText(hours)).orElse("one run takes " + Fmt.hours(hours));
            return violation("with expected spot interruption rework " + run + "; the deadline is " + Fmt.hours(deadline.get().hours()));
        }
        return Optional.empty();
    }
}
