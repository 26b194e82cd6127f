package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.workload.Workload.Front;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 1: front doors priced by hand from AWS's us-east-1 list prices (API Gateway pricing page,
 * Elastic Load Balancing pricing page, read 2026-12-07; docs/bill.md).
 */
class FrontDoorCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    @Test
    void restApiIsThreeFiftyPerMillionRequests() {
        // 2,000,000 requests × $3.50 / 1M = $7.00
        var p = FrontDoorCost.monthly(prices, "us-east-1", Front.API_GATEWAY_REST, 2_000_000, 730, 10_000, true);
        assertThat(p.components()).singleElement().satisfies(c -> {
            assertThat(c.quantity()).isEqualTo(2.0);
            assertThat(c.unitPriceUsd()).isEqualTo(3.50);
            assertThat(c.category()).isEqualTo(CostCategory.FRONT_DOOR);
        });
        assertThat(p.monthlyUsd()).isCloseTo(7.00, within(1e-12));
    }

    @Test
    void httpApiIsOneDollarPerMillionMeteredIn512KbSteps() {
        // 3,000,000 requests × $1.00 / 1M = $3.00 at 10 KB each
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.API_GATEWAY_HTTP, 3_000_000, 730, 10_000, true).monthlyUsd())
                .isCloseTo(3.00, within(1e-12));
        // a 600 KB request is metered as two (600 KB > 512 KiB = 524,288 bytes): 1M × 2 × $1.00 / 1M = $2.00
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.API_GATEWAY_HTTP, 1_000_000, 730, 600_000, true).monthlyUsd())
                .isCloseTo(2.00, within(1e-12));
    }

    @Test
    void aFunctionUrlAndNoFrontDoorCostNothing() {
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.FUNCTION_URL, 5_000_000, 730, 10_000, true).components()).isEmpty();
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.NONE, 5_000_000, 730, 10_000, false).monthlyUsd()).isZero();
    }

    @Test
    void anAlbPaysItsHoursAndTheLargerCapacityUnitDimension() {
        // 100 requests/s for 730 h = 262,800,000 requests a month, 10 KB each.
        // new connections: 100/s ÷ 25 per LCU = 4 LCU; bytes: 100 × 3,600 × 10,000 B = 3.6 GB/h ÷ 1 GB per LCU = 3.6 LCU → 4 LCU
        // hours: 730 × $0.0225 = $16.425; LCU-hours: 4 × 730 = 2,920 × $0.008 = $23.36; total $39.785
        double requests = 100.0 * 3600 * 730;
        var p = FrontDoorCost.monthly(prices, "us-east-1", Front.ALB, requests, 730, 10_000, false);
        assertThat(p.components()).hasSize(2);
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(16.425, within(1e-9));
        assertThat(p.components().get(1).quantity()).isCloseTo(2_920, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(39.785, within(1e-9));
        // the note names the key behind the 10 kB a request (its default)
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("10 kB per request: inference.bytes_per_request"));
        // at 100 KB a request the bytes dimension wins: 36 GB/h → 36 LCU × 730 × $0.008 = $210.24, + $16.425
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.ALB, requests, 730, 100_000, false).monthlyUsd())
                .isCloseTo(226.665, within(1e-9));
        // a Lambda target counts 0.4 GB per LCU-hour: 3.6 GB/h ÷ 0.4 = 9 LCU → 9 × 730 × $0.008 = $52.56, + $16.425
        assertThat(FrontDoorCost.monthly(prices, "us-east-1", Front.ALB, requests, 730, 10_000, true).monthlyUsd())
                .isCloseTo(68.985, within(1e-9));
    }

    @Test
    void anNlbCountsEightHundredNewFlowsOrOneGbPerNlcu() {
        // 100 requests/s: flows 100 ÷ 800 = 0.125 NLCU; bytes 3.6 GB/h = 3.6 NLCU → 3.6 × 730 × $0.006 = $15.768, + 730 × $0.0225 = $16.425
        var p = FrontDoorCost.monthly(prices, "us-east-1", Front.NLB, 100.0 * 3600 * 730, 730, 10_000, false);
        assertThat(p.monthlyUsd()).isCloseTo(32.193, within(1e-9));
    }
}
