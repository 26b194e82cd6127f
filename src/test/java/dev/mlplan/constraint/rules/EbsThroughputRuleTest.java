package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.throughput}: see {@link EbsThroughputRule}. */
class EbsThroughputRuleTest {
    private final EbsThroughputRule rule = new EbsThroughputRule();

    @Test
    void throughputOverTheVolumeMaximumIsEliminated() {
        var need = storage().throughputMiBps(600);
        assertThat(rule.check(need.on(volume("gp2")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.throughput");
            assertThat(v.reason()).isEqualTo("needs 600 MiB/s; a gp2 volume delivers at most 250 MiB/s");
        });
        assertThat(rule.check(need.on(volume("gp3")))).isEmpty();
    }
}
