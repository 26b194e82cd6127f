package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** {@code capacity-block.limits}: see {@link CapacityBlockRule}. */
class CapacityBlockRuleTest {
    private final CapacityBlockRule rule = new CapacityBlockRule();

    @Test
    void aRunLongerThan182DaysFitsNoBlock() {
        var long_ = training().hoursPerRun(182 * 24).on(instances(4, "p5.48xlarge"));
        assertThat(rule.checkOffer(long_, "us-east-1", PricingModel.CAPACITY_BLOCK)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("capacity-block.limits");
            assertThat(v.reason()).isEqualTo("one run takes 4,368 h; a capacity block lasts at most 182 days");
        });
    }

    @Test
    void moreThan64InstancesFitNoBlock() {
        var wide = training().hoursPerRun(100).on(instances(65, "p5.48xlarge"));
        assertThat(rule.checkOffer(wide, "us-east-1", PricingModel.CAPACITY_BLOCK)).hasValueSatisfying(v ->
                assertThat(v.reason()).isEqualTo("65 instances; a capacity block holds at most 64"));
    }

    @Test
    void aRunThatFitsABlockPassesAndOtherPricingIsNotThisRulesConcern() {
        var fits = training().hoursPerRun(474).on(instances(9, "p5.48xlarge"));
        assertThat(rule.checkOffer(fits, "us-east-1", PricingModel.CAPACITY_BLOCK)).isEmpty();
        var wideOnDemand = training().hoursPerRun(100).on(instances(65, "p5.48xlarge"));
        assertThat(rule.checkOffer(wideOnDemand, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }
}
