package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code lambda.memory}: see {@link LambdaMemoryRule}. */
class LambdaMemoryRuleTest {
    private final LambdaMemoryRule rule = new LambdaMemoryRule();

    @Test
    void limitIsTenGibibytesAsDocumented() {
        assertThat(CATALOG.limit(LambdaMemoryRule.LIMIT).value()).isEqualTo(10240);
        assertThat(CATALOG.limit(LambdaMemoryRule.LIMIT).unit()).isEqualTo("MB");
    }

    @Test
    void eliminatesAModelThatNeedsMoreThanTheMaximum() {
        assertThat(rule.check(inference().model("llama-2-7b").needsGiB(28).hasGiB(10).on(lambda(10240)))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.memory");
            assertThat(v.reason()).isEqualTo("serving the model needs 28 GiB (weights loaded with about 2× overhead); a Lambda function has at most 10,240 MB");
        });
    }

    @Test
    void passesAModelJustUnderTheMaximum() {
        assertThat(rule.check(inference().model("llama-2-7b").needsGiB(9.99).hasGiB(10).on(lambda(10240)))).isEmpty();
    }

    @Test
    void eliminatesTrainingStateOverTheMaximum() {
        var f = training().needsGiBPerAccelerator(112).acceleratorHasGiB(10).on(lambda(10240));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).contains("112 GiB").contains("10,240 MB"));
    }

    @Test
    void ignoresOtherServices() {
        assertThat(rule.check(inference().model("llama-2-7b").needsGiB(28).hasGiB(22).on(instance("g5.xlarge")))).isEmpty();
    }
}
