package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code lambda.concurrency}: see {@link LambdaConcurrencyRule}. */
class LambdaConcurrencyRuleTest {
    private final LambdaConcurrencyRule rule = new LambdaConcurrencyRule();

    @Test
    void limitIsOneThousandByDefault() {
        assertThat(CATALOG.limit(LambdaConcurrencyRule.LIMIT).value()).isEqualTo(1000);
    }

    @Test
    void eliminatesWhenPeakTimesDurationExceedsTheLimit() {
        // 2,000 requests/s × 0.6 s each = 1,200 functions running at once
        var f = inference().model("bert-base").peak(2000).estimatedP99Ms(600).on(lambda(2048));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.concurrency");
            assertThat(v.reason()).isEqualTo("peak traffic needs about 1,200 concurrent functions; the default regional limit is 1,000");
        });
    }

    @Test
    void passesUnderTheLimit() {
        var f = inference().model("bert-base").peak(1000).estimatedP99Ms(1000).on(lambda(2048));
        assertThat(rule.check(f)).isEmpty();
    }
}
