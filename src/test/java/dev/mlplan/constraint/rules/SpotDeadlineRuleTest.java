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
}
