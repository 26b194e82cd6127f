package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.accelerator-memory}: see {@link AcceleratorMemoryRule}. */
class AcceleratorMemoryRuleTest {
    private final AcceleratorMemoryRule rule = new AcceleratorMemoryRule();

    @Test
    void eliminatesTrainingThatDoesNotFitEvenSharded() {
        var f = training().needsGiBPerAccelerator(30.5).acceleratorHasGiB(22.4).on(instances(4, "g5.12xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.accelerator-memory");
            assertThat(v.reason()).isEqualTo("training needs 30.5 GiB per accelerator even sharded over 16 × A10G (4 × g5.12xlarge); one A10G has 22.4 GiB");
        });
    }

    @Test
    void eliminatesServingThatDoesNotFit() {
        var f = inference().model("llama-2-70b").needsGiB(160).hasGiB(22.4).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("serving needs 160 GiB; g5.xlarge (1 × A10G) has 22.4 GiB"));
    }

    @Test
    void passesWhenItFits() {
        var f = training().needsGiBPerAccelerator(20).acceleratorHasGiB(40).on(instance("p4d.24xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void appliesToLambdaAtItsConfiguredMemory() {
        assertThat(rule.check(inference().model("bert-base").needsGiB(0.9).hasGiB(0.5).on(lambda(512))))
                .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("serving needs 0.9 GiB; 1 × lambda-512mb has 0.5 GiB"));
        assertThat(rule.check(inference().model("bert-base").needsGiB(0.9).hasGiB(2).on(lambda(2048)))).isEmpty();
    }
}
