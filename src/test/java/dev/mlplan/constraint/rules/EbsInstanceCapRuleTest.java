package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.instance-cap}: see {@link EbsInstanceCapRule}; the caps are the catalog's (docs/limits.md). */
class EbsInstanceCapRuleTest {
    private final EbsInstanceCapRule rule = new EbsInstanceCapRule();

    @Test
    void catalogHasTheDocumentedCaps() {
        assertThat(type("g5.xlarge").ebs().maxIops()).isEqualTo(15000);
        assertThat(type("p4d.24xlarge").ebs().maxIops()).isEqualTo(80000);
        assertThat(type("p4d.24xlarge").ebs().maxMbps()).isEqualTo(19000);
    }

    @Test
    void fiftyThousandIopsAreTooManyForAG5Xlarge() {
        assertThat(rule.check(storage().iops(50000).readBy("g5.xlarge").on(volume("gp3")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.instance-cap");
            assertThat(v.reason()).isEqualTo("needs 50,000 IOPS on one instance; g5.xlarge drives at most 15,000 IOPS to EBS, however many volumes are striped");
        });
    }

    @Test
    void throughputBeyondTheInstanceBandwidthIsRuledOut() {
        // p4d.24xlarge: 19,000 Mbps = 2,375 MB/s
        assertThat(rule.check(storage().throughputMBps(3000).readBy("p4d.24xlarge").on(volume("gp3")))).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("needs 3,000 MB/s on one instance; p4d.24xlarge drives at most 2,375 MB/s (19,000 Mbps) to EBS"));
        assertThat(rule.check(storage().iops(50000).throughputMBps(2000).readBy("p4d.24xlarge").on(volume("gp3")))).isEmpty();
    }

    @Test
    void withoutAKnownReaderTheRuleStaysOut() {
        assertThat(rule.check(storage().iops(500000).throughputMBps(10000).on(volume("gp3")))).isEmpty();
    }
}
