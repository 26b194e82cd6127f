package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class LambdaMemoryRuleTest {
    private final LambdaMemoryRule rule = new LambdaMemoryRule();

    @Test
    void limitIsTenGibibytesAsDocumented() {
        assertThat(CATALOG.limit(LambdaMemoryRule.LIMIT).value()).isEqualTo(10240);
        assertThat(CATALOG.limit(LambdaMemoryRule.LIMIT).unit()).isEqualTo("MB");
    }

    @Test
    void eliminatesAModelThatNeedsMoreThanTheMaximum() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 10240), inferenceRequirements("llama-2-7b", true, 20, 3000),
                inference(true, 28, 10, 1, 1000), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.memory");
            assertThat(v.reason()).isEqualTo("serving the model needs 28 GiB (weights loaded with about 2× overhead); a Lambda function has at most 10,240 MB");
        });
    }

    @Test
    void passesAModelJustUnderTheMaximum() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 10240), inferenceRequirements("llama-2-7b", true, 20, 3000),
                inference(true, 9.99, 10, 1, 1000), 1);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void eliminatesTrainingStateOverTheMaximum() {
        var f = trainingFacts(workload(TRAINING_YAML), lambda(Part.TRAINING, 10240), training(false, 112, 10, 300), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).contains("112 GiB").contains("10,240 MB"));
    }

    @Test
    void ignoresOtherServices() {
        var f = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 1),
                inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 28, 22, 1, 1000), 1);
        assertThat(rule.check(f)).isEmpty();
    }
}
