package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.EstimationDefaults;
import dev.mlplan.estimate.TabularRequirements;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import java.util.Optional;

/**
 * {@code instance.host-memory}: what must sit in an instance's RAM must fit in its memory (the
 * catalog's {@code memoryGiB}, from the EC2 API). Every candidate instance of every part:
 * <ul>
 *   <li>trees and linear models on CPUs: the training set, split over the nodes of a data-parallel
 *       run: rows × features × 12.9 B for trees
 *       (xgboost_hist's resident memory on Higgs, 3.784 GB for 10.5M × 28 values: LightGBM's
 *       docs/Experiments.rst), × 8 B for linear models (float64, scikit-learn's SGD);</li>
 *   <li>trees on GPUs (XGBoost {@code device=cuda}): the float32 input the host hands to
 *       QuantileDMatrix, 4 B per value (XGBoost GPU docs);</li>
 *   <li>neural models on accelerated instances: the checkpoint passes through host memory on its way
 *       to the accelerators one shard at a time (Hugging Face sharded checkpoints, loaded by memory map
 *       with safetensors: huggingface.co/docs/transformers/big_models; {@code save_pretrained} writes
 *       shards of at most {@value #CHECKPOINT_SHARD_BYTES} bytes by default). The host must hold the
 *       smaller of the weights and one shard; every accelerated type in the catalog has at least 8 GiB,
 *       so this never binds today, and no plan changes (an earlier draft asked for all the weights at
 *       once and wrongly ruled out g5g.xlarge and inf1.xlarge for 7B models, which load shard by
 *       shard).</li>
 *   <li>neural models on CPU instances, Lambda, Fargate and SageMaker Serverless: the instance's memory
 *       is where the model runs, and {@code instance.accelerator-memory} already holds it to
 *       {@link EstimationDefaults#cpuLoadFactor()} × weights + the runtime (docs/limits.md); this rule
 *       does not say it twice.</li>
 * </ul>
 */
public final class HostMemoryRule implements Rule {
    public static final String ID = "instance.host-memory";

    /** The largest checkpoint shard transformers' {@code save_pretrained} writes by default: 5 GB. */
    public static final double CHECKPOINT_SHARD_BYTES = 5e9;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        var type = f.candidate().instanceType();
        if (type == null || !(type.memoryGiB() > 0)) {
            return Optional.empty();
        }
        int nodes = Math.max(1, f.candidate().count());
        double memory = type.memoryGiB() * DataSize.GIB;
        var training = f.trainingRequirements();
        if (training.isPresent() && training.get().tabular().isPresent()) {
            TabularRequirements tab = training.get().tabular().get();
            boolean gpu = type.hasAccelerator();
            if (gpu && !f.catalog().accelerator(type.accelerators().name()).map(a -> "gpu".equals(a.kind())).orElse(false)) {
                return Optional.empty(); // Trainium, Inferentia: instance.accelerator-support rules them out
            }
            double total = gpu ? tab.gpuHostBytes() : tab.cpuHostBytes();
            double perNode = total / nodes;
            if (perNode <= memory) {
                return Optional.empty();
            }
            return violation(() -> {
                var s = tab.shape();
                double perValue = total / s.values();
                return "training set " + Fmt.sig(perNode / DataSize.GIB) + " GiB (" + Fmt.count(s.rows()) + " rows × " + Fmt.count(s.features())
                        + " features × " + Fmt.sig(perValue) + " B" + (gpu ? ", float32 input for the GPU" : tab.trees()
                                ? ": float32 input + quantised copy + histograms" : ", float64")
                        + (nodes > 1 ? " ÷ " + nodes + " nodes" : "") + ") > " + type.name() + "'s " + Fmt.sig(type.memoryGiB()) + " GiB memory";
            });
        }
        if (!type.hasAccelerator()) {
            return Optional.empty();
        }
        double weights;
        if (training.isPresent()) {
            weights = training.get().model().weightBytes();
        } else if (f.inferenceRequirements().isPresent()) {
            weights = f.inferenceRequirements().get().weightBytes();
        } else {
            return Optional.empty();
        }
        double loaded = Math.min(weights, CHECKPOINT_SHARD_BYTES);
        if (loaded <= memory) {
            return Optional.empty();
        }
        return violation(() -> (loaded < weights ? "one 5 GB checkpoint shard" : "the model's weights") + " " + Fmt.sig(loaded / DataSize.GIB)
                + " GiB pass through host memory when loaded > " + type.name() + "'s " + Fmt.sig(type.memoryGiB()) + " GiB memory");
    }
}
