package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

/** {@code ebs.shared}: see {@link EbsSharedRule}. */
class EbsSharedRuleTest {
    @Test
    void aGp3VolumeCannotBeSharedByEightInstances() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 0, 0, 8));
        assertThat(new EbsSharedRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.shared");
            assertThat(v.reason()).isEqualTo("8 instances read the same data at once; a gp3 volume attaches to one instance");
        });
    }

    @Test
    void io2MultiAttachReachesSixteenInstancesNotMore() {
        var sixteen = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "io2", 1), storage(0, 0, 1, 1, 0, 0, 16));
        assertThat(new EbsSharedRule().check(sixteen)).isEmpty();
        var seventeen = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "io2", 1), storage(0, 0, 1, 1, 0, 0, 17));
        assertThat(new EbsSharedRule().check(seventeen)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("17 instances read the same data at once; a io2 volume attaches to at most 16 instances (Multi-Attach, one AZ)"));
    }

    @Test
    void rulesIgnoreOtherServices() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(0, 0, 1, 1, 500000, 1e12, 100));
        assertThat(new EbsIopsRule().check(f)).isEmpty();
        assertThat(new EbsThroughputRule().check(f)).isEmpty();
        assertThat(new EbsSharedRule().check(f)).isEmpty();
    }
}
