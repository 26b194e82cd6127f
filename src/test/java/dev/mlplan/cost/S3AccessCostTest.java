package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.workload.Workload.S3Access;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 2: the path from instances to S3, priced by hand from AWS's us-east-1 list prices (Amazon VPC
 * pricing, AWS PrivateLink pricing, read 2026-12-07; docs/bill.md).
 */
class S3AccessCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    @Test
    void aNatGatewayPaysItsHoursAndEveryGbAndSaysWhatAGatewayEndpointSaves() {
        // 40 GB × 3 epochs × 2 runs = 240 GB × $0.045 = $10.80; 2 runs × 5 h = 10 h × $0.045 = $0.45; total $11.25
        var p = S3AccessCost.monthly(prices, "us-east-1", S3Access.NAT_GATEWAY, 240, 10, 1, "dataset");
        assertThat(p.components()).hasSize(2);
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(0.45, within(1e-12));
        assertThat(p.components().get(1).monthlyUsd()).isCloseTo(10.80, within(1e-12));
        assertThat(p.components()).allSatisfy(c -> assertThat(c.category()).isEqualTo(CostCategory.NETWORK));
        assertThat(p.monthlyUsd()).isCloseTo(11.25, within(1e-9));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("a gateway endpoint").contains("would save $10.80 a month"));
    }

    @Test
    void anInterfaceEndpointPaysPerAzHourAndPerGb() {
        // 2 AZs × 730 h = 1,460 AZ-hours × $0.01 = $14.60; 1,000 GB × $0.01 = $10.00
        var p = S3AccessCost.monthly(prices, "us-east-1", S3Access.INTERFACE_ENDPOINT, 1_000, 730, 2, "model");
        assertThat(p.monthlyUsd()).isCloseTo(24.60, within(1e-9));
    }

    @Test
    void aGatewayEndpointAndThePublicInternetPathCostNothing() {
        assertThat(S3AccessCost.monthly(prices, "us-east-1", S3Access.GATEWAY_ENDPOINT, 1_000, 730, 1, "x").components()).isEmpty();
        assertThat(S3AccessCost.monthly(prices, "us-east-1", S3Access.INTERNET, 1_000, 730, 1, "x").monthlyUsd()).isZero();
    }
}
