package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.tpot}: see {@link TpotRule}. */
class TpotRuleTest {
    private final TpotRule rule = new TpotRule();

    @Test
    void eliminatesWhenTokensComeTooSlowly() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).tpotP99("50ms").batch(1).estimatedTpotMs(72)
                .on(instance("g4dn.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.tpot");
            assertThat(v.reason()).isEqualTo("estimated time per output token p99 is 72 ms on g4dn.xlarge (1 × T4) at batch 1 (a decode step"
                    + " reads the 14 GB of weights and the batch's KV cache, plus the other requests' prefills); the target is 50 ms");
        });
    }

    @Test
    void showsEnoughDigitsToTellTheEstimateFromTheTarget() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).tpotP99("50ms").estimatedTpotMs(50.4).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).startsWith("estimated time per output token p99 is 50.4 ms on"));
    }

    @Test
    void passesAtTheTarget() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).tpotP99("50ms").estimatedTpotMs(50).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutATarget() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).ttftP99("1s").estimatedTpotMs(900).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }
}
