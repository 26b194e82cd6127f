package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** {@code residency.region}: see {@link ResidencyRule}. */
class ResidencyRuleTest {
    private final ResidencyRule rule = new ResidencyRule();

    @Test
    void storageOutsideTheResidencyIsEliminated() {
        var f = storage().residency("[eu]").on(s3("standard"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("residency.region");
            assertThat(v.reason()).isEqualTo("us-east-1 is outside constraints.residency [eu]: the data may not be stored there");
        });
        assertThat(rule.checkOffer(f, "eu-central-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void euMeansMemberStatesAndEuropeIncludesLondonAndZurich() {
        var eu = storage().residency("[eu]").on(s3("standard"));
        assertThat(rule.checkOffer(eu, "eu-west-2", PricingModel.ON_DEMAND)).isPresent();
        assertThat(rule.checkOffer(eu, "eu-central-2", PricingModel.ON_DEMAND)).isPresent();
        var europe = storage().residency("[europe]").on(s3("standard"));
        assertThat(rule.checkOffer(europe, "eu-west-2", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void aRegionListedByItsCodeIsAllowed() {
        var f = storage().residency("[eu-west-1, us-west-2]").on(s3("standard"));
        assertThat(rule.checkOffer(f, "us-west-2", PricingModel.ON_DEMAND)).isEmpty();
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).isPresent();
    }

    @Test
    void computeFollowsTheDataByDefault() {
        var f = training().residency("[eu]").on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.SPOT)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("us-east-1 is outside constraints.residency [eu]: the data may not be processed there"
                        + " (constraints.compute_follows_data: false lets compute run elsewhere)"));
    }

    @Test
    void computeMayRunElsewhereWhenItNeedNotFollowTheData() {
        var f = training().residency("[eu]").computeFollowsData(false).on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "us-east-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void withoutResidencyEveryRegionIsAllowed() {
        var f = training().on(instance("p4d.24xlarge"));
        assertThat(rule.checkOffer(f, "ap-south-1", PricingModel.ON_DEMAND)).isEmpty();
    }

    @Test
    void aLocalMachineIsNotJudged() {
        var f = inference().model("llama-2-7b").residency("[eu]").on(local("rtx-4090"));
        assertThat(rule.checkOffer(f, "local", PricingModel.LOCAL)).isEmpty();
    }
}
