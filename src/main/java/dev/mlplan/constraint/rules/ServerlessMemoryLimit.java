package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * Shared logic of the memory-ceiling rules of serverless services (Lambda, SageMaker Serverless
 * Inference, Fargate): the part's memory need must be within the service's maximum. Each service's
 * rule is its own class, named after its id, with its limit and source.
 */
abstract class ServerlessMemoryLimit implements Rule {
    private final Service service;
    private final String limitId;
    private final String what;

    /**
     * @param limitId catalog limit holding the maximum (unit MB or GB)
     * @param what the service's unit of compute, for messages: "a Lambda function"
     */
    ServerlessMemoryLimit(Service service, String limitId, String what) {
        this.service = service;
        this.limitId = limitId;
        this.what = what;
    }

    private static String shown(Limit max) {
        return Fmt.count(max.value()) + " " + max.unit();
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != service) {
            return Optional.empty();
        }
        Limit max = f.catalog().limit(limitId);
        double maxGiB = "GB".equals(max.unit()) ? max.value() * 1e9 / (1024.0 * 1024 * 1024) : max.value() / 1024.0;
        if (f.inference().isPresent() && f.inference().get().neededGiB() > maxGiB) {
            return violation("serving the model needs " + Fmt.sig(f.inference().get().neededGiB())
                    + " GiB (weights loaded with about 2× overhead); " + what + " has at most " + shown(max));
        }
        if (f.training().isPresent() && f.training().get().neededGiBPerAccelerator() > maxGiB) {
            return violation("one training run needs " + Fmt.sig(f.training().get().neededGiBPerAccelerator()) + " GiB of memory; "
                    + what + " has at most " + shown(max));
        }
        return Optional.empty();
    }
}
