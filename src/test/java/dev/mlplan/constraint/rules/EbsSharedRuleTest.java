package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.shared}: see {@link EbsSharedRule}. */
class EbsSharedRuleTest {
    private final EbsSharedRule rule = new EbsSharedRule();

    @Test
    void aGp3VolumeCannotBeSharedByEightInstances() {
        assertThat(rule.check(storage().sharedBy(8).on(volume("gp3")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.shared");
            assertThat(v.reason()).isEqualTo("8 instances read the same data at once; a gp3 volume attaches to one instance");
        });
    }

    @Test
    void io2MultiAttachReachesSixteenInstancesNotMore() {
        assertThat(rule.check(storage().sharedBy(16).on(volume("io2")))).isEmpty();
        assertThat(rule.check(storage().sharedBy(17).on(volume("io2")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("17 instances read the same data at once; a io2 volume attaches to at most 16 instances (Multi-Attach, one AZ)"));
    }

    @Test
    void rulesIgnoreOtherServices() {
        var f = storage().iops(500000).throughputMBps(1e6).sharedBy(100).on(s3("s3-standard"));
        assertThat(new EbsIopsRule().check(f)).isEmpty();
        assertThat(new EbsThroughputRule().check(f)).isEmpty();
        assertThat(rule.check(f)).isEmpty();
    }
}
