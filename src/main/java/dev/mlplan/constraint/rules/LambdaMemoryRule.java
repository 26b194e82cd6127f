package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code lambda.memory}: a Lambda function has at most 10,240 MB of memory (catalog limit
 * {@code lambda.memory.max}; source: AWS Lambda quotas page, see LIMITS.md). A model being loaded by
 * PyTorch needs about twice its weight size, which the inference estimate already includes.
 */
public final class LambdaMemoryRule implements Rule {
    public static final String ID = "lambda.memory";
    public static final String LIMIT = "lambda.memory.max";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.LAMBDA) {
            return Optional.empty();
        }
        Limit max = f.catalog().limit(LIMIT);
        double maxGiB = max.value() / 1024.0;
        if (f.inference().isPresent()) {
            double need = f.inference().get().neededGiB();
            if (need > maxGiB) {
                return violation("serving the model needs " + Fmt.sig(need) + " GiB (weights loaded with about 2× overhead);"
                        + " a Lambda function has at most " + Fmt.count(max.value()) + " MB");
            }
        }
        if (f.training().isPresent()) {
            double need = f.training().get().neededGiBPerAccelerator();
            if (need > maxGiB) {
                return violation("one training run needs " + Fmt.sig(need) + " GiB of memory;"
                        + " a Lambda function has at most " + Fmt.count(max.value()) + " MB");
            }
        }
        return Optional.empty();
    }
}
