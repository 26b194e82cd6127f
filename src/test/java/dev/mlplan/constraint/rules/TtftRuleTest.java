package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.ttft}: see {@link TtftRule}. */
class TtftRuleTest {
    private final TtftRule rule = new TtftRule();

    @Test
    void eliminatesWhenTheFirstTokenComesTooLate() {
        var f = inference().model("llama-3.1-8b").tokensIn(2048).tokensOut(256).ttftP99("1s").batch(32).estimatedTtftMs(1900)
                .on(instance("g5.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.ttft");
            assertThat(v.reason()).isEqualTo("estimated time to first token p99 is 1.9 s on g5.xlarge (1 × A10G) at batch 32 (prefill of"
                    + " 2,048 prompt tokens plus the wait for the other requests' prefills ahead); the target is 1 s");
        });
    }

    @Test
    void passesAtTheTarget() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).ttftP99("1s").estimatedTtftMs(1000).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutATargetHoweverLate() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).latencyP99("10s").estimatedTtftMs(60_000).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void leavesAModelThatDoesNotFitToTheMemoryRule() {
        var f = inference().model("llama-3.1-8b").tokensOut(256).ttftP99("1s").estimatedTtftMs(5000).needsGiB(20).hasGiB(15)
                .on(instance("g4dn.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }
}
