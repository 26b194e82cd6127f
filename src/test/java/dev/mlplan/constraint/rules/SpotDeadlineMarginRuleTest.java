package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** {@code spot.deadline-margin}: see {@link SpotDeadlineMarginRule}. */
class SpotDeadlineMarginRuleTest {
    private final SpotDeadlineMarginRule rule = new SpotDeadlineMarginRule();

    @Test
    void aHardDeadlineOneInterruptionWouldBreakRulesOutMultiNodeSpot() {
        // 11 h with rework on 4 nodes, checkpoints every hour, 10 min restart: one interruption ends the run at 12.2 h
        var tight = training().deadline("12h").deadlineHard(true).checkpointEvery("1h").hoursPerRunWithSpotRework(11)
                .on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(tight, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("spot.deadline-margin");
            assertThat(v.reason()).isEqualTo("one interruption (restart 10 min + up to 1 h of lost work since the last checkpoint) would end"
                    + " the run at 12.2 h on 4 spot instances; training.deadline_hard asks the 12 h deadline to hold");
        });
    }

    @Test
    void aMarginThatAbsorbsOneInterruptionASoftDeadlineOneNodeOrOnDemandPass() {
        var roomy = training().deadline("13h").deadlineHard(true).checkpointEvery("1h").hoursPerRunWithSpotRework(11).on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(roomy, "us-east-1", PricingModel.SPOT)).isEmpty();
        var soft = training().deadline("12h").checkpointEvery("1h").hoursPerRunWithSpotRework(11).on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(soft, "us-east-1", PricingModel.SPOT)).as("warned on the option, not eliminated").isEmpty();
        var single = training().deadline("12h").deadlineHard(true).hoursPerRunWithSpotRework(11).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(single, "us-east-1", PricingModel.SPOT)).isEmpty();
        var tight = training().deadline("12h").deadlineHard(true).checkpointEvery("1h").hoursPerRunWithSpotRework(11).on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(tight, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void inASweepTheInterruptedRunIsOneOfTheLastWave() {
        // 4 trials, 2 at a time on 4 nodes each: 2 waves of 5.5 h; an interruption in the second wave ends the sweep at
        // 5.5 + 5.5 + 10 min + 1 h = 12.2 h, past 12 h; with 13 h it holds
        var tight = training().deadline("12h").deadlineHard(true).checkpointEvery("1h").trials(4, 2).hoursPerRunWithSpotRework(5.5)
                .on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(tight, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> assertThat(v.reason())
                .contains("on 4 spot instances in the last of 2 waves, so the sweep ends at 1 × 5.5 h + 6.67 h = 12.2 h; training.deadline_hard asks the 12 h deadline to hold"));
        var roomy = training().deadline("13h").deadlineHard(true).checkpointEvery("1h").trials(4, 2).hoursPerRunWithSpotRework(5.5)
                .on(instances(4, "p4d.24xlarge"));
        assertThat(rule.checkOffer(roomy, "us-east-1", PricingModel.SPOT)).isEmpty();
    }
}
