package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class LambdaDurationRuleTest {
    private final LambdaDurationRule rule = new LambdaDurationRule();

    @Test
    void limitIsFifteenMinutes() {
        assertThat(CATALOG.limit(LambdaDurationRule.LIMIT).value()).isEqualTo(900);
    }

    @Test
    void eliminatesARunLongerThanFifteenMinutes() {
        var f = trainingFacts(workload(TRAINING_YAML), lambda(Part.TRAINING, 10240), training(true, 1, 10, 3.1), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.duration");
            assertThat(v.reason()).isEqualTo("one run takes 3.1 h on 5.79 vCPUs; Lambda stops a function after 15 min");
        });
    }

    @Test
    void passesARunOfExactlyFifteenMinutes() {
        var f = trainingFacts(workload(TRAINING_YAML), lambda(Part.TRAINING, 10240), training(true, 1, 10, 0.25), 0);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void eliminatesARequestLongerThanTheTimeout() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 2048), inferenceRequirements("llama-2-7b", true, 1, 0),
                inference(true, 1, 2, 0.001, 1_000_000), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("one request takes 16.7 min; Lambda stops a function after 15 min"));
    }
}
