package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.Method;
import java.util.List;

/**
 * What one training run needs, independent of where it runs.
 *
 * @param totalFlops FLOPs of one run (all epochs)
 * @param shardableBytes weights + gradients + optimizer states, which FSDP/ZeRO shards across accelerators
 * @param replicatedBytesPerAccelerator activations and working memory each accelerator needs at micro-batch 1
 * @param datasetBytes bytes read per epoch
 * @param steps the chain of formulas, for explain
 */
public record TrainingRequirements(
        ResolvedModel model,
        Method method,
        double totalFlops,
        double shardableBytes,
        double replicatedBytesPerAccelerator,
        double datasetBytes,
        double epochs,
        List<Step> steps) {

    /** Memory one accelerator needs when the run is sharded over {@code accelerators}. */
    public double bytesPerAccelerator(int accelerators) {
        return shardableBytes / Math.max(1, accelerators) + replicatedBytesPerAccelerator;
    }
}
