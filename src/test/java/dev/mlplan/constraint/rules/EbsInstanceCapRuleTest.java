package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Service;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code ebs.instance-cap}: see {@link EbsInstanceCapRule}; caps from LIMITS.md via the catalog. */
class EbsInstanceCapRuleTest {
    private final EbsInstanceCapRule rule = new EbsInstanceCapRule();

    private static Facts reading(String type, double iops, double bytesPerSecond) {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, iops, bytesPerSecond, 1));
        return new Facts(f.workload(), f.catalog(), f.candidate(), f.trainingRequirements(), f.training(), f.inferenceRequirements(), f.inference(),
                f.storage(), 0, 0, Optional.of(type(type)));
    }

    @Test
    void catalogHasTheDocumentedCaps() {
        assertThat(type("g5.xlarge").ebs().maxIops()).isEqualTo(15000);
        assertThat(type("p4d.24xlarge").ebs().maxIops()).isEqualTo(80000);
        assertThat(type("p4d.24xlarge").ebs().maxMbps()).isEqualTo(19000);
    }

    @Test
    void fiftyThousandIopsAreTooManyForAG5Xlarge() {
        assertThat(rule.check(reading("g5.xlarge", 50000, 0))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.instance-cap");
            assertThat(v.reason()).isEqualTo("needs 50,000 IOPS on one instance; g5.xlarge drives at most 15,000 IOPS to EBS, however many volumes are striped");
        });
    }

    @Test
    void throughputBeyondTheInstanceBandwidthIsRuledOut() {
        // p4d.24xlarge: 19,000 Mbps = 2,375 MB/s
        assertThat(rule.check(reading("p4d.24xlarge", 0, 3000e6))).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("needs 3,000 MB/s on one instance; p4d.24xlarge drives at most 2,375 MB/s (19,000 Mbps) to EBS"));
        assertThat(rule.check(reading("p4d.24xlarge", 50000, 2000e6))).isEmpty();
    }

    @Test
    void withoutAKnownReaderTheRuleStaysOut() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 500000, 1e10, 1));
        assertThat(rule.check(f)).isEmpty();
    }
}
