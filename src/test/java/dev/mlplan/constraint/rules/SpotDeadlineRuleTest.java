package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

/** {@code spot.deadline}: see {@link SpotDeadlineRule}. */
class SpotDeadlineRuleTest {
    @Test
    void reworkThatMissesTheDeadlineRulesOutSpot() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 11.5), 12.6);
        assertThat(new SpotDeadlineRule().checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("spot.deadline");
            assertThat(v.reason()).isEqualTo("with expected spot interruption rework one run takes 12.6 h; the deadline is 12 h");
        });
        var ok = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 11.5), 11.9);
        assertThat(new SpotDeadlineRule().checkOffer(ok, "us-east-1", PricingModel.SPOT)).isEmpty();
    }
}
