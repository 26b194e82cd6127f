package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class AcceleratorMemoryRuleTest {
    private final AcceleratorMemoryRule rule = new AcceleratorMemoryRule();

    @Test
    void eliminatesTrainingThatDoesNotFitEvenSharded() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("g5.12xlarge"), 4), training(false, 30.5, 22.4, 10), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.accelerator-memory");
            assertThat(v.reason()).isEqualTo("training needs 30.5 GiB per accelerator even sharded over 16 × A10G (4 × g5.12xlarge); one A10G has 22.4 GiB");
        });
    }

    @Test
    void eliminatesServingThatDoesNotFit() {
        var f = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 1),
                inferenceRequirements("llama-2-70b", true, 1, 0), inference(false, 160, 22.4, 0, 0), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("serving needs 160 GiB; g5.xlarge (1 × A10G) has 22.4 GiB"));
    }

    @Test
    void passesWhenItFits() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 20, 40, 10), 0);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void appliesToLambdaAtItsConfiguredMemory() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 512), inferenceRequirements("bert-base", false, 1, 0),
                inference(false, 0.9, 0.5, 0, 0), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("serving needs 0.9 GiB; 1 × lambda-512mb has 0.5 GiB"));
        var fits = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 2048), inferenceRequirements("bert-base", false, 1, 0),
                inference(true, 0.9, 2, 5, 100), 1);
        assertThat(rule.check(fits)).isEmpty();
    }
}
