package dev.mlplan.cost;

import dev.mlplan.estimate.EstimationDefaults;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.Training;
import java.util.List;

/**
 * Checkpoints a training run writes to S3 Standard (issue 20 item 4), priced when {@code
 * training.checkpoint_every} is given: the {@code keep_last} newest are stored all month, and every
 * checkpoint written is uploaded in multipart parts, each part a PUT request.
 *
 * <p>Sources and assumptions (docs/bill.md, Checkpoints):
 * <ul>
 *   <li>Size, full training: 14 bytes per parameter: the bf16 weights (2) and mixed-precision Adam's fp32
 *       master weights, momentum and variance (4 + 4 + 4; "K = 12" in Rajbhandari et al., ZeRO, 2020,
 *       https://arxiv.org/abs/1910.02054, section 3.1). Gradients (2 more bytes in memory) are not saved.</li>
 *   <li>Size, LoRA and QLoRA: only the adapters and their optimizer state: the adapter share of the
 *       parameters ({@link EstimationDefaults#loraAdapterFraction()}, 1%) × 14 bytes; the frozen base is not saved.</li>
 *   <li>Checkpoints per run: ceil(run hours ÷ checkpoint_every), at least one (the last is the result).</li>
 *   <li>Parts: 8 MiB, the AWS CLI's and boto3's default {@code multipart_chunksize}
 *       (https://docs.aws.amazon.com/cli/latest/topic/s3-config.html), doubled (16, 32, … MiB) while a checkpoint would need
 *       more than S3's 10,000 parts per upload, as s3transfer's {@code ChunksizeAdjuster} does (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html);
 *       each upload is one PUT per part plus CreateMultipartUpload and CompleteMultipartUpload, charged at the
 *       PUT, COPY, POST, LIST request price.</li>
 * </ul>
 */
public final class CheckpointCost {
    /** Bytes per parameter of a full-training checkpoint: bf16 weights 2 + fp32 master 4 + Adam momentum 4 + variance 4. */
    public static final double FULL_BYTES_PER_PARAM = 14.0;
    /** Default multipart part size of the AWS CLI and boto3: 8 MiB. */
    public static final double PART_BYTES = 8 * DataSize.MIB;
    /** Most parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    private CheckpointCost() {}

    /** One checkpoint's bytes, with how they were found. */
    public record Size(double bytes, String basis) {}

    public static Size size(TrainingRequirements req) {
        double n = req.model().parameters();
        if (req.method() == Method.FULL) {
            return new Size(FULL_BYTES_PER_PARAM * n, "14 B/param × " + Fmt.large(n) + " params (bf16 weights + fp32 master + Adam moments)");
        }
        double share = EstimationDefaults.standard().loraAdapterFraction();
        return new Size(share * n * FULL_BYTES_PER_PARAM, Fmt.pct(share) + " adapters × " + Fmt.large(n) + " params × 14 B/param (adapter weights + Adam state)");
    }

    /** PUT-class requests to upload one checkpoint of {@code bytes}: parts + create + complete. */
    public static double putsPerCheckpoint(double bytes) {
        return Math.ceil(bytes / partBytes(bytes)) + 2;
    }

    /**
     * The part size the AWS CLI and boto3 upload {@code bytes} in: 8 MiB, doubled until the upload needs at most
     * 10,000 parts (s3transfer {@code ChunksizeAdjuster._adjust_for_max_parts}, boto/s3transfer s3transfer/utils.py:
     * {@code while num_parts > self.max_parts: chunksize *= 2}).
     */
    public static double partBytes(double bytes) {
        double part = PART_BYTES;
        while (Math.ceil(bytes / part) > MAX_PARTS) {
            part *= 2;
        }
        return part;
    }

    /** Checkpoints one run of {@code runHours} writes at one every {@code everyHours}: at least one. */
    public static int perRun(double runHours, double everyHours) {
        return (int) Math.max(1, Math.ceil(runHours / everyHours - 1e-9));
    }

    /**
     * The month's checkpoint lines in {@code region}: storage of keep_last checkpoints per trial (at most as
     * many as a run writes) and the PUT requests of every checkpoint the month's runs write; empty without
     * {@code checkpoint_every}, and for tree and linear models (a few MB, not priced).
     */
    public static InstanceCost.Priced monthly(ServicePrices prices, String region, Training t, TrainingRequirements req, double runHours) {
        if (t.checkpointEvery().isEmpty() || t.tabular().isPresent()) {
            return new InstanceCost.Priced(List.of(), 0, 0, List.of());
        }
        Size size = size(req);
        double gb = size.bytes() / DataSize.GB;
        int perRun = perRun(runHours, t.checkpointEvery().get().hours());
        int kept = Math.min(t.keepLast(), perRun) * t.trials();
        double written = perRun * t.trialsPerMonth();
        double puts = putsPerCheckpoint(size.bytes());
        var storage = prices.get("s3.standard.gb-month", region);
        var put = prices.get("s3.put.per-1k", region);
        List<CostComponent> c = List.of(
                CostComponent.of(CostCategory.STORAGE, "Checkpoint storage [S3 Standard, " + kept + " kept × " + Fmt.sig(gb) + " GB]", "GB-months",
                        kept * gb, storage.usd(), storage.source()),
                CostComponent.of(CostCategory.STORAGE, "Checkpoint PUT requests [" + Fmt.count(written) + " checkpoints × " + Fmt.count(puts) + " parts]",
                        "1k requests", written * puts / 1000, put.usd(), put.source()));
        String note = "checkpoints: " + Fmt.sig(gb) + " GB each (" + size.basis() + "), every " + Fmt.hours(t.checkpointEvery().get().hours())
                + " → " + perRun + " per " + Fmt.hours(runHours) + " run, the newest " + t.keepLast() + " kept on S3 (training.keep_last); uploaded in "
                + Fmt.count(partBytes(size.bytes()) / DataSize.MIB) + " MiB parts; " + Fmt.usd(CostComponent.total(c))
                + " a month in their own lines (in $/month, not in $/run)";
        return new InstanceCost.Priced(c, CostComponent.total(c), 0, List.of(note));
    }
}
