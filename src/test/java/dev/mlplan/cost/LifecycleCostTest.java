package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.workload.Workload;
import org.junit.jupiter.api.Test;

/** Hand-computed 12-month curves at the us-east-1 S3 prices of docs/limits.md. A month is 365/12 = 30.42 days. */
class LifecycleCostTest {
    private final LifecycleCost cost = new LifecycleCost(new ServicePrices(CatalogLoader.embedded()));

    private static Workload.Storage storage(String yaml) {
        return ModelPresets.workloadParser().parse("s.yaml", "version: 2\nname: s\nstorage:\n  data: 1000 GB\n" + yaml).storage().orElseThrow();
    }

    @Test
    void dataMovesToStandardIaThenDeepArchiveAndPaysEachTransition() {
        var s = storage("  lifecycle: { standard_ia: 30d, deep_archive: 90d }\n");
        var c = cost.curve(s, "us-east-1", "standard");
        // 1,000 GB ÷ 16 MB (assumed) = 62,500 objects
        // month 1 (age 0–30.4 d): Standard 1,000 × $0.023 = $23, and at day 30 62.5k transitions × $0.01 = $0.625 → $23.625
        assertThat(c.months().get(0).usd()).isCloseTo(23.625, within(1e-9));
        // month 2 (30.4–60.8 d): Standard-IA 1,000 × $0.0125 = $12.50
        assertThat(c.months().get(1).usd()).isCloseTo(12.5, within(1e-9));
        // month 3 (60.8–91.3 d): Standard-IA $12.50 + at day 90 62.5k × $0.05 into Deep Archive = $3.125 → $15.625
        assertThat(c.months().get(2).usd()).isCloseTo(15.625, within(1e-9));
        // months 4–12: Deep Archive 1,000 × $0.00099 = $0.99
        assertThat(c.months().get(11).usd()).isCloseTo(0.99, within(1e-9));
        // average: (23.625 + 12.5 + 15.625 + 9 × 0.99) ÷ 12 = 60.66 ÷ 12 = $5.055
        assertThat(c.averageUsd()).isCloseTo(5.055, within(1e-9));
        assertThat(c.json()).hasSize(12);
    }

    @Test
    void intelligentTieringPaysItsMonitoringFeePerObject() {
        var s = storage("  objects: 1M\n  lifecycle: { intelligent_tiering: 0d }\n");
        var c = cost.curve(s, "us-east-1", "standard");
        // 1M objects of 1 MB: monitoring 1,000 × $0.0025 = $2.50 a month; the transition at day 0: 1,000 × $0.01 = $10
        // month 1 Frequent Access $23 + $10 + $2.50 = $35.50; months 2–3 Infrequent $12.50 + $2.50 = $15; month 4 on Archive Instant $4 + $2.50
        assertThat(c.months().get(0).usd()).isCloseTo(35.5, within(1e-9));
        assertThat(c.months().get(1).usd()).isCloseTo(15, within(1e-9));
        assertThat(c.months().get(3).usd()).isCloseTo(6.5, within(1e-9));
    }

    @Test
    void leavingGlacierInstantRetrievalBeforeNinetyDaysPaysTheRest() {
        var s = storage("  lifecycle: { glacier_ir: 30d, deep_archive: 60d }\n");
        var c = cost.curve(s, "us-east-1", "standard");
        // month 2 (30.4–60.8 d): Glacier IR 1,000 × $0.004 = $4; at day 60 into Deep Archive: 62.5k × $0.05 = $3.125, and the
        // 60 days left of Glacier IR's 90: 1,000 GB × 60 ÷ 30.4167 = 1,972.6 GB-months × $0.004 = $7.8904
        assertThat(c.months().get(1).usd()).isCloseTo(4 + 3.125 + 1000 * 60 / (365.0 / 12) * 0.004, within(1e-9));
    }

    @Test
    void smallObjectsAreBilledAs128KbInStandardIa() {
        var s = storage("  object_size: 32 KB\n  lifecycle: { standard_ia: 30d }\n");
        var c = cost.curve(s, "us-east-1", "standard");
        // 32 KB objects billed as 131,072 B: ×4.096; month 2: 4,096 GB × $0.0125 = $51.20
        assertThat(c.months().get(1).usd()).isCloseTo(1000 * (131072 / 32e3) * 0.0125, within(1e-9));
    }

    @Test
    void growthAddsHalfAMonthInItsFirstMonth() {
        var s = storage("  growth: 100 GB/month\n");
        var c = cost.curve(s, "us-east-1", "standard");
        // month 1: 1,000 + 50 GB; month 12: 1,000 + 11 × 100 + 50 = 2,150 GB × $0.023 = $49.45
        assertThat(c.months().get(0).dataGB()).isCloseTo(1050, within(1e-6));
        assertThat(c.months().get(11).usd()).isCloseTo(2150 * 0.023, within(1e-6));
    }
}
