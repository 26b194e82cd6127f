package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.CapacityBlock;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code capacity-block.limits}: an EC2 Capacity Block for ML lasts at most 182 days and holds at
 * most 64 instances (AWS EC2 User Guide, "Find and purchase Capacity Blocks"; docs/limits.md). mlplan
 * prices training runs on blocks; a service runs every hour, which a reservation fits.
 */
public final class CapacityBlockRule implements Rule {
    public static final String ID = "capacity-block.limits";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        if (pricing != PricingModel.CAPACITY_BLOCK) {
            return Optional.empty();
        }
        if (f.candidate().part() != Part.TRAINING) {
            return Optional.empty();
        }
        // a sweep books one block for its concurrent trials, for all its waves
        int instances = f.instancesAtOnce();
        if (instances > CapacityBlock.MAX_INSTANCES) {
            return violation(instances + " instances" + (f.sweep().isPresent() ? " (" + f.sweep().get().concurrency() + " concurrent trials × "
                    + f.candidate().count() + ")" : "") + "; a capacity block holds at most " + CapacityBlock.MAX_INSTANCES);
        }
        double hours = f.jobHours();
        if (hours > 0 && CapacityBlock.forRun(hours).isEmpty()) {
            return violation((f.sweep().isPresent() ? "one sweep takes " : "one run takes ") + Fmt.hours(hours) + "; a capacity block lasts at most "
                    + CapacityBlock.MAX_DAYS + " days");
        }
        return Optional.empty();
    }
}
