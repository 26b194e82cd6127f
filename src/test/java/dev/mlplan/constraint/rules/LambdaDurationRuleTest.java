package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code lambda.duration}: see {@link LambdaDurationRule}. */
class LambdaDurationRuleTest {
    private final LambdaDurationRule rule = new LambdaDurationRule();

    @Test
    void limitIsFifteenMinutes() {
        assertThat(CATALOG.limit(LambdaDurationRule.LIMIT).value()).isEqualTo(900);
    }

    @Test
    void eliminatesARunLongerThanFifteenMinutes() {
        assertThat(rule.check(training().hoursPerRun(3.1).on(lambda(10240)))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.duration");
            assertThat(v.reason()).isEqualTo("one run takes 3.1 h on 5.79 vCPUs; Lambda stops a function after 15 min");
        });
    }

    @Test
    void passesARunOfExactlyFifteenMinutes() {
        assertThat(rule.check(training().hoursPerRun(0.25).on(lambda(10240)))).isEmpty();
    }

    @Test
    void eliminatesARequestLongerThanTheTimeout() {
        var f = inference().model("llama-2-7b").tokensOut(256).estimatedP99Ms(1_000_000).on(lambda(2048));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("one request takes 16.7 min; Lambda stops a function after 15 min"));
    }

    @Test
    void passesARequestWithinTheTimeout() {
        var f = inference().model("bert-base").estimatedP99Ms(900_000).on(lambda(2048));
        assertThat(rule.check(f)).isEmpty();
    }
}
