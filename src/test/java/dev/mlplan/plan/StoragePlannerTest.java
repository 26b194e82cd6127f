package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.cost.StorageCost;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.workload.DataSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How many EBS volumes the storage planner stripes, and what they cost, hand-computed at us-east-1 prices. */
class StoragePlannerTest {
    private static final Catalog CATALOG = CatalogLoader.embedded();
    private static final double TIB = 1024 * DataSize.GIB;

    private static StorageRequirements data(double bytes, double mibps, int sharedBy) {
        return new StorageRequirements(bytes, bytes, 0, 0, 1, 1, 0, mibps * DataSize.MIB, sharedBy, List.of());
    }

    @Test
    void twentyTiBOnSt1IsStripedOverTwoVolumesOfTenTiB() {
        // 20 TiB ÷ 16 TiB per st1 volume = 1.25 → 2 volumes of 10,240 GiB; 20,480 GiB × $0.045 = $921.60
        var st1 = CATALOG.ebsVolumeType("st1").orElseThrow();
        var req = data(20 * TIB, 0, 1);
        assertThat(StoragePlanner.stripeNeeded(st1, req)).isEqualTo(2);
        var p = new StorageCost(new ServicePrices(CATALOG)).ebs(st1, 1, 2, req, "us-east-1");
        assertThat(p.components().get(0).quantity()).isCloseTo(20_480, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(921.6, within(1e-6));
    }

    @Test
    void sc1SustainsOnly192MiBpsAtSixteenTiBSo250NeedsTwoVolumes() {
        // sc1: 12 MiB/s per TiB × 16 TiB = 192 MiB/s sustained; 250 ÷ 192 = 1.3 → 2 volumes of 125 MiB/s,
        // each 125 ÷ 12 × 1,024 = 10,666.7 → 10,667 GiB; 21,334 GiB × $0.015 = $320.01
        var sc1 = CATALOG.ebsVolumeType("sc1").orElseThrow();
        assertThat(StorageCost.sustainedMiBps(sc1)).isCloseTo(192, within(1e-9));
        var req = data(1 * TIB, 250, 1);
        assertThat(StoragePlanner.stripeNeeded(sc1, req)).isEqualTo(2);
        var p = new StorageCost(new ServicePrices(CATALOG)).ebs(sc1, 1, 2, req, "us-east-1");
        assertThat(p.components().get(0).quantity()).isCloseTo(21_334, within(1e-6));
        assertThat(p.monthlyUsd()).isCloseTo(320.01, within(1e-6));
    }

    @Test
    void gp3HoldsTwentyTiBInOneVolume() {
        assertThat(StoragePlanner.stripeNeeded(CATALOG.ebsVolumeType("gp3").orElseThrow(), data(20 * TIB, 0, 1))).isEqualTo(1);
        assertThat(StoragePlanner.stripeNeeded(CATALOG.ebsVolumeType("gp2").orElseThrow(), data(20 * TIB, 0, 1))).isEqualTo(2);
    }
}
