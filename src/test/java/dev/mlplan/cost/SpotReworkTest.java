package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.SpotInfo;
import org.junit.jupiter.api.Test;

class SpotReworkTest {
    private static SpotInfo bucket(String b) {
        return new SpotInfo("us-east-1", "p4d.24xlarge", 10.0, 9.0, b, 60, "test", "test");
    }

    @Test
    void reworkFromTheBucketTheCheckpointIntervalAndTheRestart() {
        // 4 instances × 10 h × 0.10 / 730 = 0.005479 interruptions; each loses 15 min + 10 min = 0.4167 h
        var e = SpotRework.estimate(bucket("5-10%"), 4, 10, 0.5, 10.0 / 60);
        assertThat(e.interruptionsPerRun()).isCloseTo(4 * 10 * 0.10 / 730, within(1e-12));
        assertThat(e.lostHoursEach()).isCloseTo(0.4167, within(1e-4));
        assertThat(e.reworkFraction()).isCloseTo(0.005479 * 0.4167 / 10, within(1e-6));
    }

    @Test
    void withoutCheckpointsAnInterruptionLosesHalfTheRun() {
        var e = SpotRework.estimate(bucket(">20%"), 1, 100, 0, 0);
        assertThat(e.lostHoursEach()).isEqualTo(50);
        assertThat(e.reworkFraction()).isCloseTo(100 * 0.25 / 730 * 50 / 100, within(1e-12));
    }

    @Test
    void moreInterruptionProneBucketsNeverCostLessRework() {
        double previous = -1;
        for (String b : new String[] {"<5%", "5-10%", "10-15%", "15-20%", ">20%"}) {
            double r = SpotRework.estimate(bucket(b), 8, 24, 1, 0.2).reworkFraction();
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
    }
}
