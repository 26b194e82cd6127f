package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.latency}: see {@link LatencyRule}. */
class LatencyRuleTest {
    private final LatencyRule rule = new LatencyRule();

    @Test
    void eliminatesWhenP99MissesTheTarget() {
        var f = inference().model("llama-2-7b").latencyP99("3s").estimatedP99Ms(4200).on(instance("g4dn.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.latency");
            assertThat(v.reason()).isEqualTo("estimated p99 latency is 4.2 s on g4dn.xlarge (1 × T4); the target is 3 s");
        });
    }

    @Test
    void passesAtTheTarget() {
        var f = inference().model("llama-2-7b").latencyP99("3s").estimatedP99Ms(3000).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutATarget() {
        var f = inference().model("llama-2-7b").estimatedP99Ms(99_000).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }
}
