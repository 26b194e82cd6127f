package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.workload.Workload.Availability;
import java.util.Optional;

/**
 * {@code local.availability}: one owned machine in one place cannot serve a multi-AZ service, which
 * by definition survives the loss of a data centre.
 */
public final class LocalAvailabilityRule implements Rule {
    public static final String ID = "local.availability";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.LOCAL || f.inference().isEmpty()) {
            return Optional.empty();
        }
        var inference = f.workload().inference();
        if (inference.isPresent() && inference.get().availability() == Availability.MULTI_AZ) {
            return violation("the service must be multi-AZ; a local machine is one machine in one place");
        }
        if (f.instancesNeeded() > 1) {
            return violation("peak traffic needs " + f.instancesNeeded() + " machines like it; there is one");
        }
        return Optional.empty();
    }
}
