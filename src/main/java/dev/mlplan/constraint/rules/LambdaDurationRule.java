package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code lambda.duration}: Lambda stops a function after 900 s (15 min), and the timeout cannot be
 * extended (catalog limit {@code lambda.timeout}; source: AWS Lambda quotas page, see LIMITS.md). A
 * training run, or one inference request, must finish within it.
 */
public final class LambdaDurationRule implements Rule {
    public static final String ID = "lambda.duration";
    public static final String LIMIT = "lambda.timeout";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.LAMBDA) {
            return Optional.empty();
        }
        Limit timeout = f.catalog().limit(LIMIT);
        if (f.training().isPresent()) {
            double seconds = f.training().get().hoursPerRun() * 3600;
            if (seconds > timeout.value()) {
                return violation("one run takes " + Fmt.hours(seconds / 3600) + " on " + Fmt.sig(f.candidate().memoryMb() / 1769.0)
                        + " vCPUs; Lambda stops a function after " + Fmt.hours(timeout.value() / 3600));
            }
        }
        if (f.inference().isPresent()) {
            double seconds = f.inference().get().latencyMsP99() / 1000;
            if (seconds > timeout.value()) {
                return violation("one request takes " + Fmt.hours(seconds / 3600) + "; Lambda stops a function after "
                        + Fmt.hours(timeout.value() / 3600));
            }
        }
        return Optional.empty();
    }
}
