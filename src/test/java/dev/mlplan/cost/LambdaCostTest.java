package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

/** Hand-computed Lambda costs at the us-east-1 prices of docs/limits.md. */
class LambdaCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    @Test
    void gigabyteSecondsPlusRequests() {
        // 1M requests × 0.2 s × 1 GB = 200,000 GB-s × $0.0000166667 = $3.33334; + 1M × $0.20/M = $0.20
        var p = LambdaCost.monthly(prices, "us-east-1", 1_000_000, 0.2, 1024);
        assertThat(p.components().get(0).quantity()).isCloseTo(200_000, within(1e-6));
        assertThat(p.components().get(0).unitPriceUsd()).isEqualTo(0.0000166667);
        assertThat(p.components().get(1).monthlyUsd()).isCloseTo(0.20, within(1e-12));
        assertThat(p.monthlyUsd()).isCloseTo(3.53334, within(1e-5));
    }

    @Test
    void aRegionWithoutLambdaPricesBorrowsUsEast1AndSaysSo() {
        var p = LambdaCost.monthly(prices, "us-gov-west-1", 1000, 1, 1024);
        assertThat(p.monthlyUsd()).isPositive();
    }
}
