package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.workload.TimeSpan;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 3: the EKS control plane and CloudWatch Logs, priced by hand from AWS's us-east-1 list prices
 * (Amazon EKS pricing, Amazon CloudWatch pricing, read 2026-12-07; docs/bill.md).
 */
class OperationsCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    @Test
    void anEksClusterIsTenCentsAnHourForTheMonth() {
        // 730 h × $0.10 = $73.00
        CostComponent c = OperationsCost.eksControlPlane(prices, "us-east-1");
        assertThat(c.monthlyUsd()).isCloseTo(73.0, within(1e-9));
        assertThat(c.category()).isEqualTo(CostCategory.OPERATIONS);
    }

    @Test
    void logsAreIngestedOnceAndStoredForTheRetention() {
        // 10M requests × 1,000 B = 10 GB × $0.50 = $5.00 ingested (raw bytes);
        // stored compressed to 15% (the AWS Pricing Calculator's factor): 1.5 GB, kept 30 days = 720 h ÷ 730 h = 0.98630 months:
        // 1.47945 GB-months × $0.03 = $0.0443836
        var lines = OperationsCost.logs(prices, "us-east-1", "inference", 10_000_000, 1_000, new TimeSpan(30 * 86400.0));
        assertThat(lines.get(0).monthlyUsd()).isCloseTo(5.0, within(1e-9));
        assertThat(lines.get(0).name()).isEqualTo("CloudWatch Logs ingested [inference, 1 kB a request: observability.log_bytes_per_request]");
        assertThat(lines.get(1).quantity()).isCloseTo(10 * 0.15 * 720.0 / 730, within(1e-9));
        assertThat(lines.get(1).monthlyUsd()).isCloseTo(0.0443836, within(1e-6));
        assertThat(lines.get(1).name()).isEqualTo(
                "CloudWatch Logs stored [inference, 30 days: observability.retention; compressed to 15% as the AWS Pricing Calculator assumes]");
    }
}
