package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class LambdaGpuRuleTest {
    private final LambdaGpuRule rule = new LambdaGpuRule();

    @Test
    void eliminatesTrainingOnLambda() {
        var f = trainingFacts(workload(TRAINING_YAML), lambda(Part.TRAINING, 10240), training(true, 1, 10, 0.1), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.gpu");
            assertThat(v.reason()).isEqualTo("training llama-2-7b needs an accelerator; Lambda has no GPU");
        });
    }

    @Test
    void eliminatesLlmGenerationOnLambda() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 10240), inferenceRequirements("llama-2-7b", true, 20, 3000),
                inference(true, 9, 10, 1, 1000), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).contains("Lambda has no GPU"));
    }

    @Test
    void allowsOneShotModelsOnLambda() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 2048), inferenceRequirements("bert-base", false, 20, 3000),
                inference(true, 1, 2, 10, 100), 1);
        assertThat(rule.check(f)).isEmpty();
    }
}
