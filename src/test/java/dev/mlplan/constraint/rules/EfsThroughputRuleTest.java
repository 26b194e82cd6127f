package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code efs.throughput}: see {@link EfsThroughputRule}. */
class EfsThroughputRuleTest {
    private final EfsThroughputRule rule = new EfsThroughputRule();

    @Test
    void efsClientThroughputIsCapped() {
        assertThat(rule.check(storage().throughputMiBps(600).on(efs("efs-standard")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("efs.throughput");
            assertThat(v.reason()).isEqualTo("each instance needs 600 MiB/s; one EFS client reads at most 500 MiB/s");
        });
        assertThat(rule.check(storage().throughputMiBps(400).sharedBy(8).on(efs("efs-standard")))).isEmpty();
    }

    @Test
    void efsFileSystemThroughputIsCapped() {
        // 30 clients × 400 MiB/s = 12,000 MiB/s, over the 10 GiB/s of an elastic file system
        assertThat(rule.check(storage().throughputMiBps(400).sharedBy(30).on(efs("efs-standard"))))
                .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("30 instances need 12,000 MiB/s together; an EFS file system reads at most 10,240 MiB/s"));
    }
}
