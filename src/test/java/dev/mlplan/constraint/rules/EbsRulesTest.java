package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import dev.mlplan.workload.DataSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ebs.iops, ebs.throughput and ebs.shared against the 2025 volume limits of LIMITS.md. */
class EbsRulesTest {

    @ParameterizedTest(name = "{0} max {1} IOPS, {2} MiB/s, multi-attach {3}")
    @CsvSource({"gp3,80000,2000,1", "gp2,16000,250,1", "io1,64000,1000,16", "io2,256000,4000,16", "st1,500,500,1", "sc1,250,250,1"})
    void catalogHasTheCurrentVolumeLimits(String type, double iops, double mibps, int attach) {
        var t = CATALOG.ebsVolumeType(type).orElseThrow();
        assertThat(t.maxIops()).isEqualTo(iops);
        assertThat(t.maxMiBps()).isEqualTo(mibps);
        assertThat(t.multiAttachMax()).isEqualTo(attach);
    }

    @Test
    void fiftyThousandIopsFitGp3SinceTwentyTwentyFive() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new EbsIopsRule().check(f)).isEmpty();
    }

    @Test
    void fiftyThousandIopsDoNotFitGp2() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp2", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new EbsIopsRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.iops");
            assertThat(v.reason()).isEqualTo("needs 50,000 IOPS; a gp2 volume delivers at most 16,000");
        });
    }

    @Test
    void ninetyThousandIopsExceedGp3() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 90000, 0, 1));
        assertThat(new EbsIopsRule().check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("needs 90,000 IOPS; a gp3 volume delivers at most 80,000"));
    }

    @Test
    void throughputOverTheVolumeMaximumIsEliminated() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp2", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EbsThroughputRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.throughput");
            assertThat(v.reason()).isEqualTo("needs 600 MiB/s; a gp2 volume delivers at most 250 MiB/s");
        });
        var gp3 = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EbsThroughputRule().check(gp3)).isEmpty();
    }

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
