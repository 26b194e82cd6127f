package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.DataPipeline;
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
 * @param samplesPerRun samples one run reads (samples × epochs) for per-sample models; 0 for models
 *     costed per token, which have no input-pipeline ceiling
 * @param dataPipeline where per-sample inputs are decoded and augmented
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
        double samplesPerRun,
        DataPipeline dataPipeline,
        java.util.Optional<TabularRequirements> tabular) {

    /** Requirements of a neural network's run with no input-pipeline ceiling (models costed per token). */
    public TrainingRequirements(ResolvedModel model, Method method, double totalFlops, double shardableBytes, double replicatedBytesPerAccelerator,
            double datasetBytes, double epochs, List<Step> steps, double recomputeReplicatedBytesPerAccelerator, double recomputeComputeFactor) {
        this(model, method, totalFlops, shardableBytes, replicatedBytesPerAccelerator, datasetBytes, epochs, steps,
                recomputeReplicatedBytesPerAccelerator, recomputeComputeFactor, 0, DataPipeline.CPU, java.util.Optional.empty());
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
