package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * Shared logic of the concurrency rules of serverless services. Concurrency needed = peak requests
 * per second × seconds per request (Little's law). Each service's rule is its own class.
 */
abstract class ServerlessConcurrencyLimit implements Rule {
    private final Service service;
    private final String limitId;
    private final String what;

    /** @param what the limit, for messages: "the default regional limit" */
    ServerlessConcurrencyLimit(Service service, String limitId, String what) {
        this.service = service;
        this.limitId = limitId;
        this.what = what;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != service || f.inference().isEmpty() || f.inferenceRequirements().isEmpty()) {
            return Optional.empty();
        }
        Limit limit = f.catalog().limit(limitId);
        double concurrency = f.inferenceRequirements().get().peakRps() * f.inference().get().latencyMsP99() / 1000.0;
        if (concurrency > limit.value()) {
            return violation((f.batch().isPresent() ? "finishing by the deadline needs about " : "peak traffic needs about ") + Fmt.count(Math.ceil(concurrency)) + " concurrent " + noun() + "; " + what + " is "
                    + Fmt.count(limit.value()));
        }
        return Optional.empty();
    }

    /** What runs concurrently: "functions", "invocations". */
    abstract String noun();
}
