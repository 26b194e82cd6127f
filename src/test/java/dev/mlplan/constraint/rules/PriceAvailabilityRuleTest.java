package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code catalog.price}: see {@link PriceAvailabilityRule}. */
class PriceAvailabilityRuleTest {
    private final PriceAvailabilityRule rule = new PriceAvailabilityRule();

    @Test
    void capacityBlockOnlyTypeIsNotPurchasableOnDemand() {
        assertThat(rule.check(training().on(instance("trn2.48xlarge")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("catalog.price");
            assertThat(v.reason()).isEqualTo("trn2.48xlarge has no on-demand, spot or reserved price in us-east-1 (sold only as capacity blocks, in us-east-2)");
        });
    }

    @Test
    void pricedTypePasses() {
        assertThat(rule.check(training().on(instance("p4d.24xlarge")))).isEmpty();
    }
}
