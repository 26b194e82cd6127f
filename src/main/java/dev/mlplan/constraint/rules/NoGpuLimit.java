package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import java.util.Optional;

/**
 * Shared logic of the "no GPU" rules of CPU-only services (Lambda, SageMaker Serverless Inference,
 * Fargate). mlplan treats two kinds of work as needing an accelerator: training (the
 * mixed-precision AdamW memory and time model assumes accelerator tensor units), and token-by-token
 * LLM generation, whose decode loop is bound by memory bandwidth that a CPU share cannot supply.
 * One-shot models (CNNs, BERT-style encoders) may still run on CPU. Each service's rule is its own class.
 */
abstract class NoGpuLimit implements Rule {
    private final Service service;
    private final String name;

    /** @param name the service's name in messages: "Lambda" */
    NoGpuLimit(Service service, String name) {
        this.service = service;
        this.name = name;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != service) {
            return Optional.empty();
        }
        if (f.trainingRequirements().isPresent()) {
            return violation("training " + f.trainingRequirements().get().model().name() + " needs an accelerator; " + name + " has no GPU");
        }
        if (f.inferenceRequirements().isPresent() && f.inferenceRequirements().get().llm()) {
            return violation("generating tokens with " + f.inferenceRequirements().get().model().name()
                    + " needs a GPU's memory bandwidth; " + name + " has no GPU");
        }
        return Optional.empty();
    }
}
