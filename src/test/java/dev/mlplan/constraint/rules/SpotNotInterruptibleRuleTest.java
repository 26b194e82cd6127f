package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** {@code spot.not-interruptible}: see {@link SpotNotInterruptibleRule}. */
class SpotNotInterruptibleRuleTest {
    private final SpotNotInterruptibleRule rule = new SpotNotInterruptibleRule();

    @Test
    void nonInterruptibleTrainingRulesOutSpot() {
        var f = training().interruptible(false).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("spot.not-interruptible");
            assertThat(v.reason()).startsWith("the training run is not interruptible (training.interruptible: false)");
        });
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void interruptibleTrainingMayUseSpot() {
        var f = training().interruptible(true).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.SPOT)).isEmpty();
    }

    @Test
    void allowSpotFalseRulesOutSpot() {
        var f = training().allowSpot(false).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("constraints.allow_spot is false"));
    }

    @Test
    void singleInstanceServingRulesOutSpotButMultiAzDoesNot() {
        var single = inference().availability("single").on(instance("g5.xlarge"));
        assertThat(rule.checkOffer(single, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> assertThat(v.reason()).startsWith("a single-instance service"));
        var multi = inference().availability("multi-az").on(instances(2, "g5.xlarge"));
        assertThat(rule.checkOffer(multi, "us-east-1", PricingModel.SPOT)).isEmpty();
    }

    @Test
    void nonInterruptibleBatchJobRulesOutSpot() {
        var f = batch().interruptible(false).on(instances(4, "g6.xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v ->
                assertThat(v.reason()).startsWith("the batch job is not interruptible (batch.interruptible: false)"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void aBatchJobIsInterruptibleByDefaultAndNeedsNoSecondZone() {
        // a single instance of a batch job may run on spot: unlike a single-instance service, nothing goes down
        assertThat(rule.checkOffer(batch().on(instance("g6.xlarge")), "us-east-1", PricingModel.SPOT)).isEmpty();
    }
}
