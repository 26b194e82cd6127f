package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ebs.iops}: see {@link EbsIopsRule}. */
class EbsIopsRuleTest {
    private final EbsIopsRule rule = new EbsIopsRule();

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
        assertThat(rule.check(storage().iops(50000).on(volume("gp3")))).isEmpty();
    }

    @Test
    void fiftyThousandIopsDoNotFitGp2() {
        assertThat(rule.check(storage().iops(50000).on(volume("gp2")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.iops");
            assertThat(v.reason()).isEqualTo("needs 50,000 IOPS; a gp2 volume delivers at most 16,000");
        });
    }

    @Test
    void ninetyThousandIopsExceedGp3() {
        assertThat(rule.check(storage().iops(90000).on(volume("gp3"))))
                .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("needs 90,000 IOPS; a gp3 volume delivers at most 80,000"));
    }
}
