package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import java.util.Optional;

/**
 * {@code lambda.gpu}: Lambda has no GPU or other accelerator (source: AWS Lambda quotas and
 * function-configuration pages, see LIMITS.md). mlplan treats two kinds of work as needing one:
 * training (the mixed-precision AdamW memory and time model assumes accelerator tensor units), and
 * token-by-token LLM generation, whose decode loop is bound by memory bandwidth that a function's
 * CPU share cannot supply. One-shot models (CNNs, BERT-style encoders) may still run on Lambda's CPU.
 */
public final class LambdaGpuRule implements Rule {
    public static final String ID = "lambda.gpu";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.LAMBDA) {
            return Optional.empty();
        }
        if (f.trainingRequirements().isPresent()) {
            return violation("training " + f.trainingRequirements().get().model().name()
                    + " needs an accelerator; Lambda has no GPU");
        }
        if (f.inferenceRequirements().isPresent() && f.inferenceRequirements().get().llm()) {
            return violation("generating tokens with " + f.inferenceRequirements().get().model().name()
                    + " needs a GPU's memory bandwidth; Lambda has no GPU");
        }
        return Optional.empty();
    }
}
