package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code lambda.concurrency}: an account runs at most 1,000 function instances at once per region by
 * default (catalog limit {@code lambda.concurrency.default}; source: AWS Lambda quotas page, see
 * LIMITS.md). Concurrency needed = peak requests per second × seconds per request (Little's law).
 */
public final class LambdaConcurrencyRule implements Rule {
    public static final String ID = "lambda.concurrency";
    public static final String LIMIT = "lambda.concurrency.default";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.LAMBDA || f.inference().isEmpty() || f.inferenceRequirements().isEmpty()) {
            return Optional.empty();
        }
        Limit limit = f.catalog().limit(LIMIT);
        double concurrency = f.inferenceRequirements().get().peakRps() * f.inference().get().latencyMsP99() / 1000.0;
        if (concurrency > limit.value()) {
            return violation("peak traffic needs about " + Fmt.count(Math.ceil(concurrency)) + " concurrent functions;"
                    + " the default regional limit is " + Fmt.count(limit.value()));
        }
        return Optional.empty();
    }
}
