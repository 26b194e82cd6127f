package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code lambda.gpu}: see {@link LambdaGpuRule}. */
class LambdaGpuRuleTest {
    private final LambdaGpuRule rule = new LambdaGpuRule();

    @Test
    void eliminatesTrainingOnLambda() {
        assertThat(rule.check(training().model("llama-2-7b").on(lambda(10240)))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.gpu");
            assertThat(v.reason()).isEqualTo("training llama-2-7b needs an accelerator; Lambda has no GPU");
        });
    }

    @Test
    void eliminatesLlmGenerationOnLambda() {
        var f = inference().model("llama-2-7b").tokensOut(256).on(lambda(10240));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).contains("Lambda has no GPU"));
    }

    @Test
    void allowsOneShotModelsOnLambda() {
        var f = inference().model("bert-base").on(lambda(2048));
        assertThat(rule.check(f)).isEmpty();
    }
}
