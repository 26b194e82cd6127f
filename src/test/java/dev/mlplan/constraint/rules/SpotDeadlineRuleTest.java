package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** {@code spot.deadline}: see {@link SpotDeadlineRule}. */
class SpotDeadlineRuleTest {
    private final SpotDeadlineRule rule = new SpotDeadlineRule();

    @Test
    void reworkThatMissesTheDeadlineRulesOutSpot() {
        var late = training().deadline("12h").hoursPerRun(11.5).hoursPerRunWithSpotRework(12.6).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(late, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("spot.deadline");
            assertThat(v.reason()).isEqualTo("with expected spot interruption rework one run takes 12.6 h; the deadline is 12 h");
        });
        var inTime = training().deadline("12h").hoursPerRun(11.5).hoursPerRunWithSpotRework(11.9).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(inTime, "us-east-1", PricingModel.SPOT)).isEmpty();
    }

    @Test
    void batchReworkThatMissesTheBatchDeadlineRulesOutSpot() {
        var late = batch().deadline("12h").hoursPerRun(12.02).on(instances(7, "g6.4xlarge"));
        assertThat(rule.checkOffer(late, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("with expected spot interruption rework one run takes 12 h; the deadline is 12 h"));
        assertThat(rule.checkOffer(batch().deadline("12h").hoursPerRun(11.9).on(instances(8, "g6.4xlarge")), "us-east-1", PricingModel.SPOT)).isEmpty();
    }

    @Test
    void aSweepPaysTheReworkInEveryWave() {
        // 8 trials, 4 at a time: 2 waves × 5.8 h with rework = 11.6 h fits 12 h; 2 waves × 6.2 h = 12.4 h does not
        var fits = training().deadline("12h").trials(8, 4).hoursPerRun(5.5).hoursPerRunWithSpotRework(5.8).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(fits, "us-east-1", PricingModel.SPOT)).isEmpty();
        var late = training().deadline("12h").trials(8, 4).hoursPerRun(5.5).hoursPerRunWithSpotRework(6.2).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(late, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("with expected spot interruption rework one sweep takes 8 trials, 4 at a time: 2 waves × 6.2 h = 12.4 h; the deadline is 12 h"));
    }
}
