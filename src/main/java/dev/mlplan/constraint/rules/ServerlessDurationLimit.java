package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * Shared logic of the time-limit rules of serverless services: a training run, or one request,
 * must end before the service stops it. Each service's rule is its own class.
 */
abstract class ServerlessDurationLimit implements Rule {
    private final Service service;
    private final String limitId;
    private final String who;

    /** @param who the service, for messages: "Lambda stops a function" */
    ServerlessDurationLimit(Service service, String limitId, String who) {
        this.service = service;
        this.limitId = limitId;
        this.who = who;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != service) {
            return Optional.empty();
        }
        Limit timeout = f.catalog().limit(limitId);
        if (f.training().isPresent()) {
            double seconds = f.training().get().hoursPerRun() * 3600;
            if (seconds > timeout.value()) {
                return violation("one run takes " + Fmt.hours(seconds / 3600) + " on " + Fmt.sig(f.candidate().memoryMb() / 1769.0)
                        + " vCPUs; " + who + " after " + Fmt.hours(timeout.value() / 3600));
            }
        }
        if (f.inference().isPresent()) {
            double seconds = f.inference().get().latencyMsP99() / 1000;
            if (seconds > timeout.value()) {
                return violation("one request takes " + Fmt.hours(seconds / 3600) + "; " + who + " after " + Fmt.hours(timeout.value() / 3600));
            }
        }
        return Optional.empty();
    }
}
