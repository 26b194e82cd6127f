package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.volume-size}: see {@link EbsVolumeSizeRule}. */
class EbsVolumeSizeRuleTest {
    private final EbsVolumeSizeRule rule = new EbsVolumeSizeRule();

    @Test
    void anSt1VolumeHoldsSixteenTiBNotMore() {
        assertThat(rule.check(storage().dataTiB(16).on(volume("st1")))).isEmpty();
        assertThat(rule.check(storage().dataTiB(20).on(volume("st1")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.volume-size");
            assertThat(v.reason()).isEqualTo("20 TiB of data; a st1 volume holds at most 16 TiB (16 TiB each)");
        });
    }

    @Test
    void twoStripedSc1VolumesHoldThirtyTwoTiB() {
        // 20 TiB over 2 × 16 TiB = 32 TiB fits; 40 TiB does not
        assertThat(rule.check(storage().dataTiB(20).on(volumes(2, "sc1")))).isEmpty();
        assertThat(rule.check(storage().dataTiB(40).on(volumes(2, "sc1")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("40 TiB of data; 2 striped sc1 volumes hold at most 32 TiB (16 TiB each)"));
    }

    @Test
    void gp2AndIo1StopAtSixteenTiBGp3AndIo2AtSixtyFour() {
        var data = storage().dataTiB(20);
        assertThat(rule.check(data.on(volume("gp2")))).isPresent();
        assertThat(rule.check(data.on(volume("io1")))).isPresent();
        assertThat(rule.check(data.on(volume("gp3")))).isEmpty();
        assertThat(rule.check(data.on(volume("io2")))).isEmpty();
        assertThat(rule.check(storage().dataTiB(65).on(volume("io2")))).isPresent();
    }
}
