package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.TrainingEstimator;
import dev.mlplan.workload.Workload;
import org.junit.jupiter.api.Test;

/** Hand-computed checkpoint costs at the us-east-1 S3 prices of docs/limits.md ($0.023/GB-month, $0.005 per 1,000 PUTs). */
class CheckpointCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    private static Workload.Training training(String extra) {
        return ModelPresets.workloadParser().parse("t.yaml", "version: 2\nname: t\ntraining:\n  model: { preset: llama-2-7b }\n"
                + "  dataset: { size: 40 GB, tokens: 2B }\n  runs_per_month: 4\n" + extra).training().orElseThrow();
    }

    @Test
    void aFullFineTuneKeepsItsNewestCheckpointsAndPaysAPutPerPart() {
        var t = training("  checkpoint_every: 30m\n");
        var req = new TrainingEstimator(Workload.Assumptions.none()).requirements(t);
        // 6.74B × 14 B = 94.36 GB; 94.36e9 ÷ 8 MiB = 11,249 parts > 10,000, so the part size doubles (s3transfer's
        // ChunksizeAdjuster) to 16 MiB: ceil(94.36e9 ÷ 16,777,216) = ceil(5,624.3) = 5,625 parts + create + complete = 5,627 PUTs
        assertThat(CheckpointCost.size(req).bytes()).isCloseTo(94.36e9, within(1e3));
        assertThat(CheckpointCost.partBytes(94.36e9)).isEqualTo(16 * 1024 * 1024);
        assertThat(CheckpointCost.putsPerCheckpoint(94.36e9)).isEqualTo(5_627);
        // a 5.8 h run every 30 min: ceil(11.6) = 12 checkpoints a run × 4 runs = 48 a month
        var p = CheckpointCost.monthly(prices, "us-east-1", t, req, 5.8);
        // storage: keep_last 2 (default) × 94.36 GB = 188.72 GB-months × $0.023 = $4.34056
        assertThat(p.components().get(0).category()).isEqualTo(CostCategory.STORAGE);
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(4.34056, within(1e-9));
        // PUTs: 48 × 5,627 = 270,096 = 270.096 thousand × $0.005 = $1.35048
        assertThat(p.components().get(1).monthlyUsd()).isCloseTo(1.35048, within(1e-9));
        assertThat(p.monthlyUsd()).isCloseTo(5.69104, within(1e-9));
        assertThat(p.notes().get(0)).contains("uploaded in 16 MiB parts").contains("the newest 2 kept on S3 (training.keep_last)");
    }

    @Test
    void loraSavesOnlyTheAdaptersAndTheirOptimizerState() {
        var t = training("  method: lora\n  checkpoint_every: 1h\n  keep_last: 5\n");
        var req = new TrainingEstimator(Workload.Assumptions.none()).requirements(t);
        // 1% × 6.74B × 14 B = 943.6 MB; ceil(943.6e6 ÷ 8,388,608) = 113 parts + 2 = 115 PUTs
        assertThat(CheckpointCost.size(req).bytes()).isCloseTo(943.6e6, within(1.0));
        assertThat(CheckpointCost.putsPerCheckpoint(943.6e6)).isEqualTo(115);
        // a 2.5 h run: 3 checkpoints; keep_last 5 keeps those 3: 3 × 0.9436 GB = 2.8308 GB-months × $0.023 = $0.0651084
        var p = CheckpointCost.monthly(prices, "us-east-1", t, req, 2.5);
        assertThat(p.components().get(0).quantity()).isCloseTo(2.8308, within(1e-9));
        assertThat(p.components().get(0).monthlyUsd()).isCloseTo(0.0651084, within(1e-9));
        // 12 checkpoints a month × 115 = 1,380 PUTs × $0.005/1k = $0.0069
        assertThat(p.components().get(1).monthlyUsd()).isCloseTo(0.0069, within(1e-12));
    }

    @Test
    void thePartSizeDoublesUntilTheUploadFitsTenThousandParts() {
        // 1 TB: 8 MiB → 119,210 parts; 16 → 59,605; 32 → 29,803; 64 → 14,902; 128 MiB → ceil(1e12 ÷ 134,217,728) = 7,451 parts
        assertThat(CheckpointCost.partBytes(1e12)).isEqualTo(128 * 1024 * 1024);
        assertThat(CheckpointCost.putsPerCheckpoint(1e12)).isEqualTo(7_453);
        // exactly 10,000 parts of 8 MiB stays at 8 MiB
        assertThat(CheckpointCost.partBytes(10_000 * 8.0 * 1024 * 1024)).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void withoutCheckpointEveryNothingIsPriced() {
        var t = training("");
        var req = new TrainingEstimator(Workload.Assumptions.none()).requirements(t);
        assertThat(CheckpointCost.monthly(prices, "us-east-1", t, req, 5).components()).isEmpty();
    }
}
