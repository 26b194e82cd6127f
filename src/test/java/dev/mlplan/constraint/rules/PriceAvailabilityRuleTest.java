package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

/** {@code catalog.price}: see {@link PriceAvailabilityRule}. */
class PriceAvailabilityRuleTest {
    @Test
    void capacityBlockOnlyTypeIsNotPurchasableOnDemand() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("trn2.48xlarge"), 1), training(true, 10, 96, 5), 0);
        assertThat(new PriceAvailabilityRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("catalog.price");
            assertThat(v.reason()).isEqualTo("trn2.48xlarge has no on-demand, spot or reserved price in us-east-1 (not purchasable on demand: capacity blocks only)");
        });
    }

    @Test
    void pricedTypePasses() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 5), 0);
        assertThat(new PriceAvailabilityRule().check(f)).isEmpty();
    }
}
