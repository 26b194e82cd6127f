package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.DataPipeline;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Training compute, memory and wall time (formulas and sources in docs/estimation.md). */
public final class TrainingEstimator {
    /** Largest tensor-parallel degree mlplan assumes: one node's accelerators, at most 8 (NVLink/NeuronLink domain). */
    static final int MAX_TENSOR_PARALLEL = 8;

    private static final double FULL_BYTES_PER_PARAM = 16.0;
    private static final double ADAPTER_BYTES_PER_PARAM = 16.0;
    private static final double QLORA_BYTES_PER_PARAM = 0.5;

    private final Assumptions assumptions;
    private final EstimationDefaults defaults;

    public TrainingEstimator(Assumptions assumptions) {
        this(assumptions, EstimationDefaults.standard());
    }

    public TrainingEstimator(Assumptions assumptions, EstimationDefaults defaults) {
        this.assumptions = assumptions == null ? Assumptions.none() : assumptions;
        this.defaults = defaults;
    }

    public TrainingRequirements requirements(Training training) {
        ModelProfile profile = ModelPresets.profile(training.model());
        ResolvedModel m = profile.model();
        List<Step> steps = new ArrayList<>(profile.steps());
        double epochs = training.epochs();
        Method method = training.method();
        boolean tokenBased = m.isTransformer()
                && (training.dataset().tokens().isPresent() || m.forwardFlopsPerSample() <= 0);

        double totalFlops;
        double activations;
        double recomputeActivations;
        double recomputeFactor = 1;
        double samplesPerRun = 0;
        if (tokenBased) {
            int seq = sequenceLength(training, m, steps);
            double tokens = tokens(training, seq, steps);
            double n = m.activeParameters();
            double attention = 2.0 * m.layers() * seq * m.hidden();
            double forward = 2.0 * n + attention;
            // concatenation, not String.format: a Formatter's first %d loads locale data (~7 ms of a cold start)
            String attentionText = "2·n_layer·n_ctx·d_attn = 2 × " + m.layers() + " × " + seq + " × " + m.hidden() + " = " + dev.mlplan.util.Fmt.flops(attention);
            steps.add(new Step("forward FLOPs per token", dev.mlplan.util.Fmt.flops(forward),
                    "2·N + " + attentionText + " (Kaplan et al. 2020; N = " + Fmt.count(n)
                            + (n < m.parameters() ? " active" : "") + ")"));
            double perToken;
            if (method == Method.FULL) {
                perToken = 3 * forward;
                steps.add(new Step("training FLOPs per token", dev.mlplan.util.Fmt.flops(perToken),
                        "3 × forward (backward = 2 × forward): 6·N + 6·n_layer·n_ctx·d_attn (Transformer Math 101, Kaplan et al. 2020)"));
            } else {
                perToken = 2 * forward;
                steps.add(new Step("training FLOPs per token", dev.mlplan.util.Fmt.flops(perToken),
                        "2 × forward ≈ 4·N: " + method.name().toLowerCase(Locale.ROOT)
                                + " back-propagates activation gradients (2·N) but computes no weight gradients for the frozen"
                                + " weights; adapter FLOPs are negligible" + (method == Method.QLORA ? "; 4-bit dequantisation overhead ignored" : "")));
            }
            totalFlops = perToken * tokens * epochs;
            steps.add(new Step("training FLOPs per run", dev.mlplan.util.Fmt.flops(totalFlops),
                    dev.mlplan.util.Fmt.flops(perToken) + " × " + dev.mlplan.util.Fmt.large(tokens) + " tokens × " + Fmt.plain(epochs) + " epochs"));
            double perLayerToken = seq * (double) m.hidden() * m.layers();
            activations = perLayerToken * (10 + 24);
            steps.add(new Step("activations per accelerator", Fmt.gib(activations),
                    "s·b·h·L·(10 + 24/t) = " + seq + " × 1 × " + m.hidden() + " × " + m.layers() + " × 34 bytes: micro-batch 1,"
                            + " no tensor parallelism (t = 1), selective recomputation, 16-bit activations (Korthikanti et al. 2022)"));
            recomputeActivations = perLayerToken * 2;
            recomputeFactor = method == Method.FULL ? 4.0 / 3.0 : 3.0 / 2.0;
        } else {
            if (training.dataset().samples().isEmpty()) {
                throw new IllegalArgumentException("model " + m.name() + " is costed per sample: give dataset.samples (e.g. 1.28M)");
            }
            double samples = training.dataset().samples().get();
            double f = m.forwardFlopsPerSample();
            if (!(f > 0)) {
                throw new IllegalArgumentException("model " + m.name()
                        + " has no FLOPs per sample: give model.flops_per_sample (forward FLOPs = 2 × multiply-adds)");
            }
            double factor = method == Method.FULL ? 3 : 2;
            totalFlops = factor * f * samples * epochs;
            samplesPerRun = samples * epochs;
            steps.add(new Step("training FLOPs per run", dev.mlplan.util.Fmt.flops(totalFlops),
                    Fmt.plain(factor) + " × forward FLOPs per sample × samples × epochs = " + Fmt.plain(factor) + " × " + dev.mlplan.util.Fmt.flops(f)
                            + " × " + dev.mlplan.util.Fmt.large(samples) + " × " + Fmt.plain(epochs)
                            + (method == Method.FULL ? " (forward + backward = 3 × forward; published CNN 'FLOPs' are multiply-adds, doubled)"
                                    : " (no weight gradients for frozen weights)")));
            int micro = profile.trainingMicroBatch() > 0 ? profile.trainingMicroBatch() : defaults.microBatch();
            double perSample = profile.trainingActivationBytesPerSample() > 0
                    ? profile.trainingActivationBytesPerSample()
                    : f * defaults.activationBytesPerForwardFlop();
            activations = perSample * micro;
            recomputeActivations = activations;
            steps.add(new Step("activations per accelerator", Fmt.gib(activations),
                    Fmt.plain(perSample / 1e6) + " MB per sample × micro-batch " + micro
                            + (profile.trainingActivationBytesPerSample() > 0 ? " (preset figure)"
                                    : " (resnet-50's 100 MB per 8.2 GFLOPs, scaled by forward FLOPs)")));
        }

        double shardable = shardableBytes(m, method, steps);
        double overhead = defaults.frameworkOverheadGiB() * Fmt.GIB;
        steps.add(new Step("framework overhead per accelerator", Fmt.gib(overhead), "CUDA/Neuron context and framework (fixed)"));
        double replicated = activations + overhead;
        double datasetBytes = training.dataset().size().bytes();
        steps.add(new Step("dataset read per epoch", Fmt.gb(datasetBytes), "dataset.size"));
        return new TrainingRequirements(m, method, totalFlops, shardable, replicated, datasetBytes, epochs, List.copyOf(steps),
                recomputeActivations + overhead, recomputeFactor, samplesPerRun, training.dataPipeline(), java.util.Optional.empty());
    }

    private double shardableBytes(ResolvedModel m, Method method, List<Step> steps) {
        double n = m.parameters();
        switch (method) {
            case FULL -> {
                double bytes = FULL_BYTES_PER_PARAM * n;
                steps.add(new Step("weights + gradients + optimizer", Fmt.gib(bytes),
                        "16 B/param × " + Fmt.count(n) + ": mixed-precision AdamW = weights 2 + gradients 2 + fp32 master 4"
                                + " + momentum 4 + variance 4 (Transformer Math 101); sharded across accelerators (FSDP/ZeRO-3)"));
                return bytes;
            }
            case LORA, QLORA -> {
                double perParam = method == Method.QLORA ? QLORA_BYTES_PER_PARAM : m.precision().bytes();
                double frozen = perParam * n;
                double adapters = defaults.loraAdapterFraction() * n * ADAPTER_BYTES_PER_PARAM;
                steps.add(new Step("frozen weights", Fmt.gib(frozen), Fmt.plain(perParam) + " B/param × " + Fmt.count(n)
                        + (method == Method.QLORA ? " (4-bit NF4, QLoRA)" : " (" + m.precision().yamlName() + ")")
                        + "; shardable across accelerators with FSDP"));
                steps.add(new Step("adapters + their optimizer", Fmt.gib(adapters),
                        Fmt.pct(defaults.loraAdapterFraction()) + " of parameters (LoRA adapters are ~0.5–1%) × 16 B/param (AdamW, mixed precision)"));
                return frozen + adapters;
            }
            default -> throw new IllegalArgumentException("unknown training method " + method);
        }
    }

    private int sequenceLength(Training training, ResolvedModel m, List<Step> steps) {
        if (training.sequenceLength().isPresent()) {
            int s = training.sequenceLength().get();
            steps.add(new Step("sequence length", s + " tokens", "training.sequence_length"));
            return s;
        }
        int context = m.contextLength() > 0 ? m.contextLength() : defaults.sequenceCap();
        int s = Math.min(context, defaults.sequenceCap());
        steps.add(new Step("sequence length", s + " tokens",
                "not given: the model's context " + context + " capped at " + defaults.sequenceCap()));
        return s;
    }

    private double tokens(Training training, int seq, List<Step> steps) {
        var dataset = training.dataset();
        if (dataset.tokens().isPresent()) {
            double t = dataset.tokens().get();
            steps.add(new Step("tokens per epoch", dev.mlplan.util.Fmt.large(t), "dataset.tokens"));
            return t;
        }
        if (dataset.samples().isPresent()) {
            double t = dataset.samples().get() * seq;
            steps.add(new Step("tokens per epoch", dev.mlplan.util.Fmt.large(t), "dataset.samples × sequence length " + seq + " (no tokens given)"));
            return t;
        }
        double t = dataset.size().bytes() / defaults.bytesPerToken();
        steps.add(new Step("tokens per epoch", dev.mlplan.util.Fmt.large(t),
                "dataset.size " + Fmt.gb(dataset.size().bytes()) + " ÷ " + Fmt.plain(defaults.bytesPerToken())
                        + " bytes per token (English BPE; no tokens given)"));
        return t;
    }

    /**
     * One run on {@code nodes} machines of {@code perNode} accelerators each.
     *
     * @param efa whether the nodes have EFA (multi-node scaling is worse without it)
     */
    public TrainingEstimate on(TrainingRequirements req, Accelerator acc, int perNode, int nodes, boolean efa) {
        if (perNode < 1 || nodes < 1) {
            throw new IllegalArgumentException("need at least one accelerator on one node, got " + perNode + " × " + nodes);
        }
        // the figures now; their explanation (many formatted numbers) only if someone asks for it, by
        // running the same computation again with a list to write the steps to
        TrainingEstimate figures = on(req, acc, perNode, nodes, efa, null);
        return new TrainingEstimate(figures.fits(), figures.neededGiBPerAccelerator(), figures.availableGiBPerAccelerator(),
                figures.hoursPerRun(), figures.mfu(), figures.scalingEfficiency(), Lazy.of(() -> {
                    List<Step> steps = new ArrayList<>(req.steps());
                    on(req, acc, perNode, nodes, efa, steps);
                    return List.copyOf(steps);
                }));
    }

    /** The estimate's figures, its steps appended to {@code steps} unless that is null (then the result has none). */
    private TrainingEstimate on(TrainingRequirements req, Accelerator acc, int perNode, int nodes, boolean efa, List<Step> steps) {
        int n = perNode * nodes;
        double needed = req.bytesPerAccelerator(n);
        double available = acc.memoryGiB() * defaults.usableMemoryFraction() * Fmt.GIB;
        double overhead = defaults.frameworkOverheadGiB() * Fmt.GIB;
        double replicated = req.replicatedBytesPerAccelerator();
        double computeFactor = 1.0;
        int tp = req.model().isTransformer() ? Math.min(perNode, MAX_TENSOR_PARALLEL) : 1;
        if (needed > available && tp > 1) {
            replicated = (req.replicatedBytesPerAccelerator() - overhead) / tp + overhead;
            needed = req.shardableBytes() / n + replicated;
            if (steps != null) {
                steps.add(new Step("tensor and sequence parallelism", "t = " + tp,
                        "sharding alone needs " + Fmt.gib(req.bytesPerAccelerator(n)) + " per accelerator; splitting each layer over the " + tp
                                + " accelerators of a node divides activations by t: s·b·h·L·34/t (Korthikanti et al. 2022); intra-node"
                                + " communication cost neglected"));
            }
        }
        if (needed > available && req.recomputeReplicatedBytesPerAccelerator() < req.replicatedBytesPerAccelerator()) {
            double before = needed;
            replicated = (req.recomputeReplicatedBytesPerAccelerator() - overhead) / tp + overhead;
            needed = req.shardableBytes() / n + replicated;
            computeFactor = req.recomputeComputeFactor();
            if (steps != null) {
                steps.add(new Step("activation recomputation", "full",
                        "selective recomputation needs " + Fmt.gib(before) + " per accelerator; full recomputation keeps"
                                + " only layer inputs, 2·s·b·h·L bytes" + (tp > 1 ? " ÷ t" : "") + " (Korthikanti et al. 2022), at the cost of one more"
                                + " forward pass (compute × " + Fmt.plain(computeFactor) + ")"));
            }
        }
        boolean fits = needed <= available;
        if (steps != null) {
            steps.add(new Step("memory per accelerator", Fmt.gib(needed),
                    n > 1 ? "(weights + gradients + optimizer) " + Fmt.gib(req.shardableBytes()) + " ÷ " + n
                            + " accelerators (FSDP/ZeRO-3) + activations and overhead " + Fmt.gib(replicated)
                            : "(weights + gradients + optimizer) " + Fmt.gib(req.shardableBytes()) + " + activations and overhead "
                                    + Fmt.gib(replicated)));
            steps.add(new Step("usable memory per accelerator", Fmt.gib(available),
                    Fmt.plain(acc.memoryGiB()) + " GiB " + acc.name() + " × " + Fmt.pct(defaults.usableMemoryFraction())
                            + " usable (allocator fragmentation, communication buffers) → " + (fits ? "fits" : "does not fit")));
        }

        Peaks peak = Peaks.training(acc, req.model().precision());
        if (!(peak.tflops() > 0)) {
            throw new IllegalArgumentException("accelerator " + acc.name() + " has no peak figure for "
                    + req.model().precision().yamlName() + " training; fix the catalog entry");
        }
        // convolutional networks keep the accelerators far less busy than transformers' large matrix products
        boolean cnn = !req.model().isTransformer();
        double mfu = assumptions.mfu().orElse(cnn ? defaults.cnnTrainingMfu() : acc.defaultMfu() > 0 ? acc.defaultMfu() : defaults.fallbackMfu());
        String mfuSource = assumptions.mfu().isPresent() ? "assumptions.mfu"
                : cnn ? "mlplan default for convolutional and other non-transformer models (ResNet-50 with AMP on V100 and A100: docs/accuracy.md)"
                : acc.defaultMfu() > 0 ? acc.name() + " default, calibrated in docs/accuracy.md (0.40 on A100/H100/B200, 0.33 on Trainium1)"
                        : "mlplan fallback";        double scaling = scaling(nodes, efa, steps);
        double seconds = req.totalFlops() * computeFactor / (n * peak.flopsPerSecond() * mfu * scaling);
        if (steps != null) {
            steps.add(new Step("peak per accelerator", Fmt.plain(peak.tflops()) + " TFLOPS", peak.rule() + " (dense, no sparsity)"));
            steps.add(new Step("MFU", Fmt.plain(mfu), mfuSource));
            steps.add(new Step("hours per run", Fmt.plain(seconds / 3600) + " h",
                    "FLOPs" + (computeFactor > 1 ? " × recomputation " + Fmt.plain(computeFactor) : "") + " ÷ (accelerators × peak × MFU × scaling) = "
                            + dev.mlplan.util.Fmt.flops(req.totalFlops()) + " ÷ (" + n + " × "
                            + dev.mlplan.util.Fmt.flopRate(peak.flopsPerSecond()) + " × " + Fmt.plain(mfu) + " × " + Fmt.plain(scaling) + ")"));
        }
        return new TrainingEstimate(fits, needed / Fmt.GIB, available / Fmt.GIB, seconds / 3600, mfu, scaling, List.of());
    }

    /**
     * The input pipeline as a second ceiling for per-sample (image) models: the host's vCPUs decode
     * and augment at most {@code vCPUs × decode rate} samples per second per node (PyTorch DataLoader
     * workers). None when the model is costed per token, when {@code training.data_pipeline: gpu}
     * moves decoding to an NVIDIA GPU (DALI/nvJPEG), or when the host's vCPUs are unknown (0). When
     * the pipeline is slower than the accelerators, the run takes the pipeline's time.
     *
     * @param acc the accelerator: only NVIDIA GPUs can decode with DALI, others keep the CPU ceiling
     * @param vcpusPerNode the instance's vCPUs
     */
    public TrainingEstimate withInputPipeline(TrainingRequirements req, TrainingEstimate compute, Accelerator acc, int vcpusPerNode, int nodes) {
        double samples = req.samplesPerRun();
        if (samples <= 0 || vcpusPerNode <= 0 || !(compute.hoursPerRun() > 0)) {
            return compute;
        }
        boolean gpuDecodes = req.dataPipeline() == DataPipeline.GPU && acc != null && "gpu".equals(acc.kind());
        if (gpuDecodes) {
            Lazy<List<Step>> steps = Lazy.of(() -> {
                List<Step> s = new ArrayList<>(compute.steps());
                s.add(new Step("input pipeline", "on the GPU", "training.data_pipeline: gpu: DALI decodes with nvJPEG on the "
                        + acc.name() + "; no CPU ceiling"));
                return List.copyOf(s);
            });
            return new TrainingEstimate(compute.fits(), compute.neededGiBPerAccelerator(), compute.availableGiBPerAccelerator(), compute.hoursPerRun(),
                    compute.mfu(), compute.scalingEfficiency(), steps);
        }
        double rate = assumptions.decodeRatePerVcpu().orElse(defaults.decodeRatePerVcpu());
        double pipelinePerSecond = (double) nodes * vcpusPerNode * rate;
        double computePerSecond = samples / (compute.hoursPerRun() * 3600);
        double pipelineHours = samples / pipelinePerSecond / 3600;
        boolean binds = pipelineHours > compute.hoursPerRun();
        boolean fromAssumption = assumptions.decodeRatePerVcpu().isPresent();
        boolean gpuAsked = req.dataPipeline() == DataPipeline.GPU;
        Lazy<List<Step>> steps = Lazy.of(() -> {
            List<Step> s = new ArrayList<>(compute.steps());
            String vcpus = (nodes > 1 ? nodes + " nodes × " : "") + vcpusPerNode + " vCPUs";
            s.add(new Step("input pipeline", whole(pipelinePerSecond) + " samples/s",
                    vcpus + " × " + whole(rate) + " samples/s per vCPU = " + whole(pipelinePerSecond) + " samples/s"
                            + " (JPEG decode, random-resized crop and flip on the CPU; "
                            + (fromAssumption ? "assumptions.decode_rate_per_vcpu"
                                    : "mlplan default, tensorpack's ImageNet DataFlow; assumptions.decode_rate_per_vcpu overrides")
                            + (gpuAsked ? "; " + acc.name() + " cannot decode with DALI, so the CPUs do"
                                    : "gpu".equals(acc.kind()) ? "; training.data_pipeline: gpu decodes on the GPUs with DALI instead" : "")
                            + "); the accelerators could take " + whole(computePerSecond) + " → "
                            + (binds ? "the pipeline binds" : "the accelerators bind")));
            if (binds) {
                s.add(new Step("hours per run (input-bound)", Fmt.plain(pipelineHours) + " h",
                        "samples × epochs ÷ pipeline = " + dev.mlplan.util.Fmt.large(samples) + " ÷ " + whole(pipelinePerSecond)
                                + " samples/s: the accelerators wait for decoded samples"));
            }
            return List.copyOf(s);
        });
        return new TrainingEstimate(compute.fits(), compute.neededGiBPerAccelerator(), compute.availableGiBPerAccelerator(),
                binds ? pipelineHours : compute.hoursPerRun(), compute.mfu(), compute.scalingEfficiency(), steps);
    }

        /** A rate as a whole number with thousands grouped: "11,520". */
    private static String whole(double x) {
        return dev.mlplan.util.Fmt.num(x, 0);
    }

    private double scaling(int nodes, boolean efa, List<Step> steps) {
        if (nodes <= 1) {
            if (steps != null) {
                steps.add(new Step("scaling efficiency", "1.00", "one node: no inter-node communication loss"));
            }
            return 1.0;
        }
        double perDoubling = assumptions.multiNodeEfficiency()
                .orElse(efa ? defaults.efaDoublingEfficiency() : defaults.noEfaDoublingEfficiency());
        double doublings = Math.log(nodes) / Math.log(2);
        double eff = Math.pow(perDoubling, doublings);
        if (steps != null) {
            steps.add(new Step("scaling efficiency", Fmt.plain(eff),
                    Fmt.plain(perDoubling) + " per doubling of nodes ^ log2(" + nodes + " nodes) = " + Fmt.plain(perDoubling) + "^"
                            + Fmt.plain(doublings) + (assumptions.multiNodeEfficiency().isPresent() ? " (assumptions.multi_node_efficiency)"
                                    : efa ? " (mlplan default with EFA)" : " (mlplan default without EFA)")));
        }
        return eff;
    }

    /** One run on CPUs only (a CPU instance or a Lambda function). */
    public TrainingEstimate onCpu(TrainingRequirements req, double vcpus, double memoryGiB) {
        if (!(vcpus > 0) || !(memoryGiB > 0)) {
            throw new IllegalArgumentException("need positive vCPUs and memory, got " + vcpus + " vCPU, " + memoryGiB + " GiB");
        }
        List<Step> steps = new ArrayList<>(req.steps());
        double needed = req.bytesPerAccelerator(1);
        double available = memoryGiB * defaults.usableMemoryFraction() * Fmt.GIB;
        boolean fits = needed <= available;
        steps.add(new Step("memory", Fmt.gib(needed), "(weights + gradients + optimizer) " + Fmt.gib(req.shardableBytes())
                + " + activations and overhead " + Fmt.gib(req.replicatedBytesPerAccelerator()) + " in one machine's memory"));
        steps.add(new Step("usable memory", Fmt.gib(available), Fmt.plain(memoryGiB) + " GiB × " + Fmt.pct(defaults.usableMemoryFraction())
                + " → " + (fits ? "fits" : "does not fit")));
        double peak = vcpus * defaults.cpuGflopsPerVcpu() * 1e9;
        double mfu = defaults.cpuMfu();
        double seconds = req.totalFlops() / (peak * mfu);
        steps.add(new Step("CPU peak", Fmt.plain(peak / 1e12) + " TFLOPS", Fmt.plain(vcpus) + " vCPU × " + Fmt.plain(defaults.cpuGflopsPerVcpu())
                + " GFLOPS (AVX-512 FP32 at ~3 GHz: 2 FMA units × 16 lanes × 2 FLOPs = 64 FLOPs/cycle per core; a vCPU is half a core)"));
        steps.add(new Step("CPU utilisation", Fmt.plain(mfu), "mlplan default for CPU training"));
        steps.add(new Step("hours per run", Fmt.plain(seconds / 3600) + " h", "FLOPs ÷ (CPU peak × utilisation) = " + dev.mlplan.util.Fmt.flops(req.totalFlops())
                + " ÷ (" + dev.mlplan.util.Fmt.flopRate(peak) + " × " + Fmt.plain(mfu) + ")"));
        return new TrainingEstimate(fits, needed / Fmt.GIB, available / Fmt.GIB, seconds / 3600, mfu, 1.0, List.copyOf(steps));
    }

    Assumptions assumptions() {
        return assumptions;
    }

    EstimationDefaults defaults() {
        return defaults;
    }
}
