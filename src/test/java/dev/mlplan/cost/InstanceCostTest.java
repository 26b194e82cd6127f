package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import org.junit.jupiter.api.Test;

/** Hand-computed expectations for EC2 instance costs. */
class InstanceCostTest {
    private static Price price(PricingModel pm, double usd) {
        return new Price("us-east-1", "p3.2xlarge", pm, usd, 0, "test");
    }

    @Test
    void onDemandPaysForTheHoursUsed() {
        // 2 instances × 100 h × $3.06 = $612
        var p = InstanceCost.monthly(price(PricingModel.ON_DEMAND, 3.06), 2, 100);
        assertThat(p.monthlyUsd()).isCloseTo(612.0, within(1e-9));
        assertThat(p.components()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Instance hours [p3.2xlarge, on-demand]");
            assertThat(c.quantity()).isEqualTo(200);
            assertThat(c.unit()).isEqualTo("hours");
        });
    }

    @Test
    void aCommitmentPaysEveryHourOfTheMonth() {
        // 1 instance × 730 h × $1.90 = $1,387, whatever the use; 100 h used is 14%
        var p = InstanceCost.monthly(price(PricingModel.RESERVED_1Y_NO_UPFRONT, 1.90), 1, 100);
        assertThat(p.monthlyUsd()).isCloseTo(1387.0, within(1e-9));
        assertThat(p.notes()).singleElement().asString().contains("1 instance paid for all 730 h/month over 1 year", "uses 14% of it");
    }

    @Test
    void moreHoursThanAMonthNeedMoreCommittedInstances() {
        // 1 instance's work of 2,140 h a month needs 3 committed instances: 3 × 730 × $1 = $2,190
        var p = InstanceCost.monthly(price(PricingModel.RESERVED_3Y_ALL_UPFRONT, 1.0), 1, 2140);
        assertThat(InstanceCost.committedInstances(1, 2140)).isEqualTo(3);
        assertThat(p.monthlyUsd()).isCloseTo(2190.0, within(1e-9));
        assertThat(InstanceCost.committedInstances(4, 730)).isEqualTo(4);
    }

    @Test
    void breakEvenUtilisationIsTheRatioOfRates() {
        assertThat(InstanceCost.breakEvenUtilisation(1.90, 3.06)).isCloseTo(0.6209, within(1e-4));
    }
}
