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
    void aNatGatewayPaysEveryGbOnTheOptionAndItsHoursOnceAsAWorkloadLine() {
        // 40 GB × 3 epochs × 2 runs = 240 GB × $0.045 = $10.80 on the option; the hours are not the option's
        var p = S3AccessCost.monthly(prices, "us-east-1", S3Access.NAT_GATEWAY, 240, 1, "dataset");
        assertThat(p.components()).hasSize(1);
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(10.80, within(1e-12));
        assertThat(p.components()).allSatisfy(c -> assertThat(c.category()).isEqualTo(CostCategory.NETWORK));
        // the note counts both: $10.80 of processing here and 730 h × $0.045 = $32.85 of hours at the workload level
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("would save $10.80 a month of processing here").contains("$32.85 a month"));
        // workload line: 730 h × 1 AZ × $0.045 = $32.85; 2 AZs: 1,460 h = $65.70
        assertThat(S3AccessCost.hours(prices, "us-east-1", S3Access.NAT_GATEWAY, 1).orElseThrow().monthlyUsd()).isCloseTo(32.85, within(1e-9));
        assertThat(S3AccessCost.hours(prices, "us-east-1", S3Access.NAT_GATEWAY, 2).orElseThrow().quantity()).isCloseTo(1460, within(1e-9));
    }

    @Test
    void anInterfaceEndpointPaysPerAzHourAndPerGb() {
        // 2 AZs × 730 h = 1,460 AZ-hours × $0.01 = $14.60 (workload line); 1,000 GB × $0.01 = $10.00 (option)
        var p = S3AccessCost.monthly(prices, "us-east-1", S3Access.INTERFACE_ENDPOINT, 1_000, 2, "model");
        assertThat(p.monthlyUsd()).isCloseTo(10.00, within(1e-9));
        assertThat(S3AccessCost.hours(prices, "us-east-1", S3Access.INTERFACE_ENDPOINT, 2).orElseThrow().monthlyUsd()).isCloseTo(14.60, within(1e-9));
    }

    @Test
    void aGatewayEndpointAndThePublicInternetPathCostNothing() {
        assertThat(S3AccessCost.monthly(prices, "us-east-1", S3Access.GATEWAY_ENDPOINT, 1_000, 1, "x").components()).isEmpty();
        assertThat(S3AccessCost.monthly(prices, "us-east-1", S3Access.INTERNET, 1_000, 1, "x").monthlyUsd()).isZero();
        assertThat(S3AccessCost.hours(prices, "us-east-1", S3Access.GATEWAY_ENDPOINT, 1)).isEmpty();
    }
}
