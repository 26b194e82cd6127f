package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/**
 * {@code pricing.max-upfront}: see {@link MaxUpfrontRule}. Figures from the embedded catalog, us-east-1:
 * inf1.xlarge reserved-3y-all-upfront $2,508 up front per instance, partial upfront $1,337; p4d.24xlarge
 * capacity block $11.80/h.
 */
class MaxUpfrontRuleTest {
    private final MaxUpfrontRule rule = new MaxUpfrontRule();

    @Test
    void aReservationWhoseFeeForTheFleetIsAboveTheLimitIsEliminatedWithItsNumbers() {
        var fleet = inference().maxUpfront("5000 USD").on(instances(2, "inf1.xlarge"));
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_ALL_UPFRONT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("pricing.max-upfront");
            assertThat(v.reason()).isEqualTo("reserved-3y-all-upfront: $5,016.00 paid up front (2 instances × $2,508.00);"
                    + " constraints.max_upfront is $5,000.00");
        });
    }

    @Test
    void aSmallerFeeAndNoFeeAtAllPass() {
        var fleet = inference().maxUpfront("$5000").on(instances(2, "inf1.xlarge"));
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_PARTIAL_UPFRONT)).isEmpty(); // 2 × $1,337
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_NO_UPFRONT)).isEmpty();
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.SAVINGS_PLAN_INSTANCE_3Y)).isEmpty();
    }

    @Test
    void zeroAllowsOnlyOffersWithoutUpfrontCash() {
        var fleet = inference().maxUpfront("0 USD").on(instance("inf1.xlarge"));
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_PARTIAL_UPFRONT)).isPresent();
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_NO_UPFRONT)).isEmpty();
    }

    @Test
    void withoutALimitNothingIsEliminated() {
        var fleet = inference().on(instances(2, "inf1.xlarge"));
        assertThat(rule.checkOffer(fleet, "us-east-1", PricingModel.RESERVED_3Y_ALL_UPFRONT)).isEmpty();
    }

    @Test
    void aCapacityBlockIsPaidWhenBookedSoItsWholePriceCounts() {
        // 30 h + 0.5 h margin: a 2-day block, 48 h × 2 instances × $11.80 = $1,132.80
        var run = training().hoursPerRun(30).maxUpfront("1000 USD").on(instances(2, "p4d.24xlarge"));
        assertThat(rule.checkOffer(run, "us-east-1", PricingModel.CAPACITY_BLOCK)).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("capacity-block: $1,132.80 paid up front per run (2-day block × 2 instances × $11.80/h);"
                        + " constraints.max_upfront is $1,000.00"));
        var cheaper = training().hoursPerRun(30).maxUpfront("1200 USD").on(instances(2, "p4d.24xlarge"));
        assertThat(rule.checkOffer(cheaper, "us-east-1", PricingModel.CAPACITY_BLOCK)).isEmpty();
    }
}
