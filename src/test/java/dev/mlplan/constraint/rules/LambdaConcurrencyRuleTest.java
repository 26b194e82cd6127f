package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class LambdaConcurrencyRuleTest {
    private final LambdaConcurrencyRule rule = new LambdaConcurrencyRule();

    @Test
    void limitIsOneThousandByDefault() {
        assertThat(CATALOG.limit(LambdaConcurrencyRule.LIMIT).value()).isEqualTo(1000);
    }

    @Test
    void eliminatesWhenPeakTimesDurationExceedsTheLimit() {
        // 2,000 requests/s × 0.6 s each = 1,200 functions running at once
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 2048), inferenceRequirements("bert-base", false, 2000, 0),
                inference(true, 1, 2, 2, 600), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("lambda.concurrency");
            assertThat(v.reason()).isEqualTo("peak traffic needs about 1,200 concurrent functions; the default regional limit is 1,000");
        });
    }

    @Test
    void passesUnderTheLimit() {
        var f = inferenceFacts(workload(INFERENCE_YAML), lambda(Part.INFERENCE, 2048), inferenceRequirements("bert-base", false, 1000, 0),
                inference(true, 1, 2, 2, 1000), 1);
        assertThat(rule.check(f)).isEmpty();
    }
}
