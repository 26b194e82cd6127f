package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.workload.DataRate;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Workload.Transfer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed storage and transfer costs at the us-east-1 prices of docs/limits.md. */
class StorageCostTest {
    private static final Catalog CATALOG = CatalogLoader.embedded();
    private final StorageCost cost = new StorageCost(new ServicePrices(CATALOG));

    private static StorageRequirements data(double bytes, double reads, double iops, double bytesPerSecond, int sharedBy) {
        return new StorageRequirements(bytes, bytes, reads, 0, 1, 1, iops, bytesPerSecond, sharedBy, List.of());
    }

    @Test
    void s3StandardIsTieredAndGetsAreChargedForTheActiveHours() {
        // 100 TB: 50,000 GB × $0.023 + 50,000 GB × $0.022 = $2,250; 1,000 GET/s × 100 h = 360M GETs × $0.0004/1k = $144
        var p = cost.s3("standard", data(100e12, 1000, 0, 0, 1), "us-east-1", new StorageCost.Reading(100, 1, "test", 0, "none"));
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(1150, within(1e-6));
        assertThat(p.components().get(1).monthlyUsd()).isCloseTo(1100, within(1e-6));
        assertThat(p.components().get(2).quantity()).isCloseTo(360_000, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(2394, within(1e-6));
    }

    @Test
    void requestsAreChargedOnTheAverageRateNotThePeak() {
        // peak 10,000 GET/s, traffic average/peak 20/60 → 3,333.3 GET/s average; 730 h = 2,628,000 s
        // → 8,760,000 thousand GETs × $0.0004 = $3,504 (the peak would charge $10,512)
        var p = cost.s3("standard", data(1e9, 10_000, 0, 0, 1), "us-east-1", new StorageCost.Reading(730, 20.0 / 60, "test", 0, "none"));
        var gets = p.components().get(1);
        assertThat(gets.quantity()).isCloseTo(8_760_000, within(1e-3));
        assertThat(gets.monthlyUsd()).isCloseTo(3504, within(1e-6));
    }

    @Test
    void standardIaChargesItsOwnRequestPricesAndRetrievalPerGb() {
        // 1,000 GB × $0.0125 = $12.50; 100 GET/s × 100 h = 36,000 k GETs × $0.001 = $36;
        // 10 PUT/s × 100 h = 3,600 k PUTs × $0.01 = $36; 500 GB read × $0.01 = $5 → $89.50
        var req = new StorageRequirements(1e12, 1e12, 100, 10, 1, 1, 0, 0, 1, List.of());
        var p = cost.s3("standard-ia", req, "us-east-1", new StorageCost.Reading(100, 1, "test", 500, "test"));
        assertThat(p.monthlyUsd()).isCloseTo(89.5, within(1e-6));
        assertThat(p.notes()).anyMatch(n -> n.contains("at least 30 days"));
    }

    @Test
    void glacierFlexibleAddsRetrievalAndOneRestorePerGet() {
        // 1,000 GB × $0.0036 = $3.60; 1 GET/s × 10 h = 36 k GETs × $0.0004 = $0.0144; 200 GB × $0.01 = $2;
        // 36 k restores × $0.05 = $1.80 → $7.4144
        var p = cost.s3("glacier-flexible", data(1e12, 1, 0, 0, 1), "us-east-1", new StorageCost.Reading(10, 1, "test", 200, "test"));
        assertThat(p.monthlyUsd()).isCloseTo(7.4144, within(1e-9));
        assertThat(p.notes()).anyMatch(n -> n.contains("at least 90 days"));
    }

    @Test
    void glacierInstantRetrievalPricesItsGetsAndRetrieval() {
        // 100 GB × $0.004 = $0.40; 10 GET/s × 100 h = 3,600 k GETs × $0.01 = $36; 300 GB × $0.03 = $9 → $45.40
        var p = cost.s3("glacier-ir", data(100e9, 10, 0, 0, 1), "us-east-1", new StorageCost.Reading(100, 1, "test", 300, "test"));
        assertThat(p.monthlyUsd()).isCloseTo(45.4, within(1e-9));
    }

    @Test
    void gp3ProvisionsIopsAndThroughputAboveWhatIsIncluded() {
        // 2,000 GiB × $0.08 = $160; (50,000 − 3,000) IOPS × $0.005 = $235; (600 − 125) MiB/s × $0.04 = $19
        var p = cost.ebs(CATALOG.ebsVolumeType("gp3").orElseThrow(), 1, 1, data(2000 * DataSize.GIB, 0, 50000, 600 * DataSize.MIB, 1), "us-east-1");
        assertThat(p.monthlyUsd()).isCloseTo(160 + 235 + 19, within(1e-6));
    }

    @Test
    void io2IopsAreTiered() {
        // 100 GiB × $0.125 = $12.50; 32,000 × $0.065 + 18,000 × $0.0455 = $2,080 + $819
        var p = cost.ebs(CATALOG.ebsVolumeType("io2").orElseThrow(), 1, 1, data(100 * DataSize.GIB, 0, 50000, 0, 1), "us-east-1");
        assertThat(p.monthlyUsd()).isCloseTo(12.5 + 2080 + 819, within(1e-6));
    }

    @Test
    void stripingSplitsDataAndIopsOverTheVolumes() {
        // 4 gp2 volumes for 50,000 IOPS: each 12,500 IOPS at 3/GiB → 4,167 GiB × $0.10 = $416.70 each
        var p = cost.ebs(CATALOG.ebsVolumeType("gp2").orElseThrow(), 1, 4, data(2000 * DataSize.GIB, 0, 50000, 0, 1), "us-east-1");
        assertThat(p.components().get(0).quantity()).isCloseTo(4 * 4167, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(4 * 4167 * 0.10, within(1e-6));
    }

    @Test
    void fsxCapacityFollowsTheThroughputAllReadersNeed() {
        // 8 readers × 400 MB/s = 3,200 MB/s ÷ 125 MB/s/TiB = 25.6 TiB → 1.2 + 11 × 2.4 = 27.6 TiB
        var p = cost.fsxLustre(125, data(1.3e12, 0, 0, 400e6, 8), "us-east-1");
        double gb = 27.6 * 1024 * DataSize.GIB / DataSize.GB;
        assertThat(p.components().get(0).quantity()).isCloseTo(gb, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(gb * 0.145, within(0.01));
    }

    @Test
    void transferChargesBothSidesOfCrossAzAndFreesTheFirstHundredInternetGb() {
        var perMonth = (java.util.function.DoubleFunction<DataRate>) gb -> new DataRate(gb * 1e9 / (730 * 3600));
        var c = cost.transfer(new Transfer(perMonth.apply(1000), perMonth.apply(0), perMonth.apply(150)), "us-east-1");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).monthlyUsd()).isCloseTo(1000 * 2 * 0.01, within(1e-6));
        assertThat(c.get(1).monthlyUsd()).isCloseTo(50 * 0.09, within(1e-6));
    }
}
