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
 * @param recomputeReplicatedBytesPerAccelerator the same with full activation recomputation
 *     (Korthikanti: 2·s·b·h·L), used when the selective figure does not fit
 * @param recomputeComputeFactor compute multiplier of full recomputation (one more forward pass:
 *     4/3 for full training, 3/2 when only activations are back-propagated)
 * @param tabular a tree or linear model's figures (then totalFlops is 0); empty for neural networks
 */
public record TrainingRequirements(
        ResolvedModel model,
        Method method,
        double totalFlops,
        double shardableBytes,
        double replicatedBytesPerAccelerator,
        double datasetBytes,
        double epochs,
        List<Step> steps,
        double recomputeReplicatedBytesPerAccelerator,
        double recomputeComputeFactor,
        java.util.Optional<TabularRequirements> tabular) {

    public TrainingRequirements(ResolvedModel model, Method method, double totalFlops, double shardableBytes, double replicatedBytesPerAccelerator,
            double datasetBytes, double epochs, List<Step> steps, double recomputeReplicatedBytesPerAccelerator, double recomputeComputeFactor) {
        this(model, method, totalFlops, shardableBytes, replicatedBytesPerAccelerator, datasetBytes, epochs, steps,
                recomputeReplicatedBytesPerAccelerator, recomputeComputeFactor, java.util.Optional.empty());
    }

    /** Memory one accelerator needs when the run is sharded over {@code accelerators}. */
    public double bytesPerAccelerator(int accelerators) {
        return shardableBytes / Math.max(1, accelerators) + replicatedBytesPerAccelerator;
    }

    /** Memory one accelerator needs with full activation recomputation. */
    public double bytesPerAcceleratorRecomputing(int accelerators) {
        return shardableBytes / Math.max(1, accelerators) + recomputeReplicatedBytesPerAccelerator;
    }
}
