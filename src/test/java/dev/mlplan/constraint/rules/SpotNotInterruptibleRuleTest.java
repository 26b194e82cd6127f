package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

/** {@code spot.not-interruptible}: see {@link SpotNotInterruptibleRule}. */
class SpotNotInterruptibleRuleTest {
    @Test
    void nonInterruptibleTrainingRulesOutSpot() {
        var w = workload(TRAINING_YAML + "  interruptible: false\n");
        var f = trainingFacts(w, Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 5), 5);
        assertThat(new SpotNotInterruptibleRule().checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("spot.not-interruptible");
            assertThat(v.reason()).startsWith("the training run is not interruptible (training.interruptible: false)");
        });
        assertThat(new SpotNotInterruptibleRule().checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void interruptibleTrainingMayUseSpot() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 5), 5);
        assertThat(new SpotNotInterruptibleRule().checkOffer(f, "us-east-1", PricingModel.SPOT)).isEmpty();
    }

    @Test
    void allowSpotFalseRulesOutSpot() {
        var w = workload("constraints: { allow_spot: false }\n" + TRAINING_YAML);
        var f = trainingFacts(w, Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 5), 5);
        assertThat(new SpotNotInterruptibleRule().checkOffer(f, "us-east-1", PricingModel.SPOT))
                .hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("constraints.allow_spot is false"));
    }

    @Test
    void singleInstanceServingRulesOutSpotButMultiAzDoesNot() {
        var single = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 1),
                inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 22, 30, 1000), 1);
        assertThat(new SpotNotInterruptibleRule().checkOffer(single, "us-east-1", PricingModel.SPOT)).isPresent();
        var multi = inferenceFacts(workload(INFERENCE_YAML + "  availability: multi-az\n"), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 2),
                inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 22, 30, 1000), 2);
        assertThat(new SpotNotInterruptibleRule().checkOffer(multi, "us-east-1", PricingModel.SPOT)).isEmpty();
    }
}
