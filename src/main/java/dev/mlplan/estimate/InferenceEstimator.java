package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.estimate.ModelPreset.Role;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Inference memory, throughput and latency (formulas and sources in VALIDATION.md). */
public final class InferenceEstimator {
    private final Assumptions assumptions;
    private final EstimationDefaults defaults;

    public InferenceEstimator(Assumptions assumptions) {
        this(assumptions, EstimationDefaults.standard());
    }

    public InferenceEstimator(Assumptions assumptions, EstimationDefaults defaults) {
        this.assumptions = assumptions == null ? Assumptions.none() : assumptions;
        this.defaults = defaults;
    }

    public InferenceRequirements requirements(Inference inference) {
        ModelProfile profile = ModelPresets.profile(inference.model());
        ResolvedModel m = profile.model();
        List<Step> steps = new ArrayList<>(profile.steps());
        int tokensOut = inference.tokensOut().orElse(0);
        boolean generative = m.isTransformer() && profile.role().generates();
        boolean llm = generative && tokensOut > 0;
        boolean tokenCosted = m.isTransformer() && m.forwardFlopsPerSample() <= 0;
        int tokensIn = 0;
        if (tokenCosted || inference.tokensIn().isPresent()) {
            int fallback = profile.defaultTokensIn() > 0 ? profile.defaultTokensIn()
                    : profile.role() == Role.ENCODER ? defaults.encoderTokensIn() : defaults.llmTokensIn();
            tokensIn = inference.tokensIn().orElse(fallback);
            steps.add(new Step("tokens in", String.valueOf(tokensIn),
                    inference.tokensIn().isPresent() ? "inference.tokens_in" : "not given: mlplan default for this model"));
        }
        if (generative && tokensOut <= 0) {
            steps.add(new Step("tokens out", "0", "not given: served one-shot (a single forward pass, e.g. scoring or embedding)"));
        } else if (llm) {
            steps.add(new Step("tokens out", String.valueOf(tokensOut), "inference.tokens_out"));
        }

        double weightBytes = m.weightBytes();
        steps.add(new Step("weights", Fmt.gb(weightBytes), Fmt.count(m.parameters()) + " × " + Fmt.plain(m.precision().bytes())
                + " B (" + m.precision().yamlName() + ")"));
        double kvPerToken = 0;
        double flops;
        if (llm) {
            double kvBytes = kvBytes(m.precision());
            kvPerToken = 2.0 * m.layers() * m.kvHeads() * m.headDim() * kvBytes;
            steps.add(new Step("KV cache per token", Fmt.plain(kvPerToken / 1e6) + " MB",
                    "2 · layers · kv_heads · head_dim · bytes = 2 × " + m.layers() + " × " + m.kvHeads() + " × " + m.headDim() + " × "
                            + Fmt.plain(kvBytes) + " (grouped-query attention: kv_heads, not hidden; 16-bit KV cache unless fp8/fp32)"));
            flops = 2.0 * m.activeParameters() * (tokensIn + tokensOut);
            steps.add(new Step("FLOPs per request", Fmt.sci(flops) + " FLOPs", "2 · N_active · (tokens_in + tokens_out) = 2 × "
                    + Fmt.count(m.activeParameters()) + " × (" + tokensIn + " + " + tokensOut + ")"));
        } else if (tokenCosted) {
            flops = 2.0 * m.activeParameters() * tokensIn;
            steps.add(new Step("FLOPs per request", Fmt.sci(flops) + " FLOPs", "one forward pass: 2 · N · tokens_in = 2 × "
                    + Fmt.count(m.activeParameters()) + " × " + tokensIn));
        } else {
            if (!(m.forwardFlopsPerSample() > 0)) {
                throw new IllegalArgumentException("model " + m.name()
                        + " has no FLOPs per sample: give model.flops_per_sample (forward FLOPs = 2 × multiply-adds)");
            }
            int passes = profile.passesPerRequest();
            flops = m.forwardFlopsPerSample() * passes;
            steps.add(new Step("FLOPs per request", Fmt.sci(flops) + " FLOPs", "forward FLOPs per sample " + Fmt.sci(m.forwardFlopsPerSample())
                    + (passes > 1 ? " × " + passes + " passes per request (preset)" : "")));
        }
        double peak = inference.traffic().peak().perSecond();
        double average = inference.traffic().average().perSecond();
        Optional<TimeSpan> latencyP99 = inference.latencyP99();
        double target = latencyP99.isPresent() ? latencyP99.get().millis() : 0.0;
        steps.add(new Step("traffic", Fmt.plain(peak) + " req/s peak, " + Fmt.plain(average) + " req/s average", "inference.traffic"));
        if (target > 0) {
            steps.add(new Step("latency target", Fmt.plain(target) + " ms p99", "inference.latency_p99"));
        }
        return new InferenceRequirements(m, llm, weightBytes, kvPerToken, tokensIn, tokensOut, flops, peak, average, target,
                List.copyOf(steps));
    }

    private static double kvBytes(Precision p) {
        return switch (p) {
            case FP32, TF32 -> 4;
            case FP8 -> 1;
            default -> 2;
        };
    }

    /** Serving on one instance with {@code count} accelerators (tensor-parallel across them). */
    public InferenceEstimate on(InferenceRequirements req, Accelerator acc, int count) {
        return serve(req, gpu(acc, count, req), OptionalInt.empty());
    }

    /**
     * Serving on one instance at a fixed batch (concurrency), ignoring the latency target: for
     * comparing with benchmarks run at a given concurrency.
     */
    public InferenceEstimate at(InferenceRequirements req, Accelerator acc, int count, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        return serve(req, gpu(acc, count, req), OptionalInt.of(batch));
    }

    /** Serving on CPUs only (a CPU instance, Fargate task or Lambda function). */
    public InferenceEstimate onCpu(InferenceRequirements req, double vcpus, double memoryGiB) {
        return serve(req, cpu(vcpus, memoryGiB), OptionalInt.empty());
    }

    /** Serving on CPUs at a fixed batch, ignoring the latency target. */
    InferenceEstimate onCpuAt(InferenceRequirements req, double vcpus, double memoryGiB, int batch) {
        return serve(req, cpu(vcpus, memoryGiB), OptionalInt.of(batch));
    }

    private Device cpu(double vcpus, double memoryGiB) {
        if (!(vcpus > 0) || !(memoryGiB > 0)) {
            throw new IllegalArgumentException("need positive vCPUs and memory, got " + vcpus + " vCPU, " + memoryGiB + " GiB");
        }
        double peak = vcpus * defaults.cpuGflopsPerVcpu() * 1e9;
        double bw = Math.min(vcpus * defaults.cpuBandwidthGBsPerVcpu(), defaults.cpuBandwidthCapGBs()) * 1e9;
        double mbu = assumptions.mbu().orElse(defaults.fallbackMbu());
        Device cpu = new Device("CPU", 1, memoryGiB * Fmt.GIB, defaults.cpuRuntimeGiB() * Fmt.GIB, defaults.cpuLoadFactor(),
                "× weights while loading a PyTorch model on CPU (LIMITS.md)", peak,
                Fmt.plain(vcpus) + " vCPU × " + Fmt.plain(defaults.cpuGflopsPerVcpu())
                        + " GFLOPS (AVX-512 FP32 at ~3 GHz; a vCPU is half a core)",
                bw, Fmt.plain(vcpus) + " vCPU × " + Fmt.plain(defaults.cpuBandwidthGBsPerVcpu()) + " GB/s, capped at "
                        + Fmt.plain(defaults.cpuBandwidthCapGBs()) + " GB/s",
                mbu, assumptions.mbu().isPresent() ? "assumptions.mbu" : "mlplan default", defaults.cpuMfu(), defaults.cpuMfu(), 1.0);
        return cpu;
    }

    private Device gpu(Accelerator acc, int count, InferenceRequirements req) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one accelerator, got " + count);
        }
        Peaks peak = Peaks.inference(acc, req.model().precision());
        double mbu = assumptions.mbu().orElse(acc.defaultMbu() > 0 ? acc.defaultMbu() : defaults.fallbackMbu());
        String mbuSource = assumptions.mbu().isPresent() ? "assumptions.mbu"
                : acc.defaultMbu() > 0 ? acc.name() + " default; VALIDATION.md: 0.5 for tuned serving stacks" : "mlplan fallback";
        if (!(peak.tflops() > 0) || !(acc.bandwidthGBs() > 0)) {
            throw new IllegalArgumentException("accelerator " + acc.name() + " has no peak or bandwidth figure for "
                    + req.model().precision().yamlName() + " serving; fix the catalog entry");
        }
        return new Device(acc.name(), count, acc.memoryGiB() * Fmt.GIB, defaults.frameworkOverheadGiB() * Fmt.GIB,
                defaults.inferenceMemoryFactor(), "× weights (EleutherAI Transformer Math 101)", peak.flopsPerSecond(),
                peak.rule() + " per chip", acc.bandwidthGBs() * 1e9, Fmt.plain(acc.bandwidthGBs()) + " GB/s per chip",
                mbu, mbuSource, defaults.inferenceMfu(), defaults.oneShotUtilisation(), defaults.tensorParallelEfficiency(count));
    }

    /**
     * Where a model is served: {@code count} chips (or one CPU machine) with per-chip figures.
     *
     * @param overheadBytes runtime context per chip
     * @param weightFactor memory needed per byte of weights
     * @param computeUtil share of peak reached in prefill and in decode's compute term
     * @param oneShotUtil share of peak reached by one-shot models
     * @param tpEfficiency tensor-parallel efficiency on {@code count} chips
     */
    private record Device(String label, int count, double memoryBytesPerChip, double overheadBytes, double weightFactor,
            String weightFactorRule, double peakFlopsPerChip, String peakRule, double bandwidthPerChip, String bandwidthRule,
            double mbu, String mbuSource, double computeUtil, double oneShotUtil, double tpEfficiency) {

        double memoryBytes() {
            return memoryBytesPerChip * count;
        }
    }

    /**
     * The figures now; their explanation (many formatted numbers) only when asked for, by running the
     * same computation again with a list to write the steps to: most estimates are never shown.
     */
    private InferenceEstimate serve(InferenceRequirements req, Device d, OptionalInt fixedBatch) {
        InferenceEstimate figures = req.llm() ? serveLlm(req, d, fixedBatch, null) : serveOneShot(req, d, fixedBatch, null);
        return figures.withStepChain(Lazy.of(() -> {
            List<Step> steps = new ArrayList<>(req.steps());
            if (req.llm()) {
                serveLlm(req, d, fixedBatch, steps);
            } else {
                serveOneShot(req, d, fixedBatch, steps);
            }
            return List.copyOf(steps);
        }));
    }

    /** The steps written so far, or none when they are not being written (null). */
    private static List<Step> done(List<Step> steps) {
        return steps == null ? List.of() : List.copyOf(steps);
    }

    private InferenceEstimate serveLlm(InferenceRequirements req, Device d, OptionalInt fixedBatch, List<Step> steps) {
        ResolvedModel m = req.model();
        double weightsNeeded = d.weightFactor() * req.weightBytes();
        double overhead = d.overheadBytes() * d.count();
        double kvPerRequest = req.kvBytesPerToken() * (req.tokensIn() + req.tokensOut());
        double available = d.memoryBytes();
        double needed = weightsNeeded + overhead + kvPerRequest;
        boolean fits = needed <= available;
        if (steps != null) {
            steps.add(new Step("memory needed at batch 1", Fmt.gib(needed), Fmt.plain(d.weightFactor()) + " " + d.weightFactorRule() + " "
                    + Fmt.gib(weightsNeeded) + (overhead > 0 ? " + runtime context " + Fmt.gib(overhead) : "") + " + KV cache of one request "
                    + Fmt.gib(kvPerRequest) + " ((" + req.tokensIn() + " + " + req.tokensOut() + ") tokens)"));
            steps.add(new Step("memory available", Fmt.gib(available), memoryRule(d) + " → " + (fits ? "fits" : "does not fit")));
        }
        if (!fits) {
            return new InferenceEstimate(false, needed / Fmt.GIB, available / Fmt.GIB, 0, 0, 0, 0, done(steps));
        }
        double peak = d.peakFlopsPerChip() * d.count();
        double bw = d.bandwidthPerChip() * d.count();
        double eff = d.tpEfficiency();
        if (steps != null) {
            steps.add(new Step("compute peak", Fmt.plain(peak / 1e12) + " TFLOPS", d.count() + " × " + d.peakRule()));
            steps.add(new Step("memory bandwidth", Fmt.plain(bw / 1e9) + " GB/s", d.count() + " × " + d.bandwidthRule()
                    + "; MBU " + Fmt.plain(d.mbu()) + " (" + d.mbuSource() + ")"));
        }
        if (d.count() > 1) {
            if (steps != null) {
                steps.add(new Step("tensor-parallel efficiency", Fmt.plain(eff), d.count() <= defaults.tensorParallelFreeUpTo()
                        ? "1 up to " + defaults.tensorParallelFreeUpTo() + " chips (the MBU defaults were measured tensor-parallel on 2–4 GPUs, Databricks)"
                        : "(1 / (2 × " + Fmt.plain(defaults.tensorParallelLatencyRatio()) + "))^log2(" + d.count() + "/"
                                + defaults.tensorParallelFreeUpTo() + "): each doubling beyond " + defaults.tensorParallelFreeUpTo()
                                + " chips cuts latency only to " + Fmt.plain(defaults.tensorParallelLatencyRatio())
                                + "× (Databricks LLM inference: 4→8 GPUs)"));
            }
        }
        double prefill = 2.0 * m.activeParameters() * req.tokensIn() / (d.computeUtil() * peak * eff);
        if (steps != null) {
            steps.add(new Step("prefill per request", Fmt.ms(prefill), "2 · N_active · tokens_in ÷ (MFU × peak × TP efficiency) = 2 × "
                    + Fmt.count(m.activeParameters()) + " × " + req.tokensIn() + " ÷ (" + Fmt.plain(d.computeUtil()) + " × "
                    + Fmt.sci(peak) + " × " + Fmt.plain(eff) + ") (compute-bound; Databricks LLM inference)"));
        }
        double context = req.tokensIn() + req.tokensOut() / 2.0;
        Llm model = new Llm(req, d, peak, bw, eff, prefill, context);

        int batch;
        String batchRule;
        if (fixedBatch.isPresent()) {
            batch = fixedBatch.getAsInt();
            batchRule = "fixed by the caller (benchmark concurrency)";
            double memory = weightsNeeded + overhead + batch * kvPerRequest;
            if (memory > available) {
                if (steps != null) {
                    steps.add(new Step("batch " + batch, "does not fit", Fmt.gib(memory) + " > " + Fmt.gib(available)));
                }
                return new InferenceEstimate(false, memory / Fmt.GIB, available / Fmt.GIB, batch, 0, 0, 0, done(steps));
            }
        } else {
            batch = 1;
            int memoryLimit = 1;
            for (int b = 1; b <= defaults.maxBatch(); b *= 2) {
                if (weightsNeeded + overhead + b * kvPerRequest > available) {
                    break;
                }
                memoryLimit = b;
                if (req.latencyTargetMs() <= 0 || model.p99Ms(b) <= req.latencyTargetMs()) {
                    batch = b;
                }
            }
            batchRule = "largest power of two ≤ " + defaults.maxBatch() + " whose KV cache (" + Fmt.gib(kvPerRequest)
                    + " per request) fits the memory left (limit " + memoryLimit + ")"
                    + (req.latencyTargetMs() > 0 ? " and whose p99 meets " + Fmt.plain(req.latencyTargetMs()) + " ms" : "");
        }
        double step = model.step(batch);
        double cycle = model.cycle(batch);
        double p99Ms = model.p99Ms(batch);
        double tokensPerSecond = batch * req.tokensOut() / cycle;
        double requestsPerSecond = batch / cycle;
        if (steps != null) {
            steps.add(new Step("batch", String.valueOf(batch), batchRule));
            steps.add(new Step("decode step at batch " + batch, Fmt.ms(step), model.stepRule(batch)));
            steps.add(new Step("request latency (mean)", Fmt.ms(cycle), "batch × prefill + tokens_out × decode step = " + batch + " × "
                    + Fmt.ms(prefill) + " + " + req.tokensOut() + " × " + Fmt.ms(step)
                    + " (continuous batching: each request in flight waits for the prefills of the requests that join)"));
            steps.add(new Step("latency p99", Fmt.plain(p99Ms) + " ms", Fmt.plain(defaults.p99OverMean()) + " × mean under load (mlplan rule of thumb)"
                    + (req.latencyTargetMs() > 0 && p99Ms > req.latencyTargetMs() ? "; misses the " + Fmt.plain(req.latencyTargetMs()) + " ms target even at batch 1" : "")));
            steps.add(new Step("tokens per second", Fmt.plain(tokensPerSecond), "batch × tokens_out ÷ request latency = " + batch + " × "
                    + req.tokensOut() + " ÷ " + Fmt.ms(cycle)));
            steps.add(new Step("requests per second", Fmt.plain(requestsPerSecond), "tokens per second ÷ tokens_out"));
        }
        return new InferenceEstimate(true, needed / Fmt.GIB, available / Fmt.GIB, batch, tokensPerSecond, requestsPerSecond, p99Ms,
                done(steps));
    }

    /** The decode-loop model of one LLM deployment. */
    private final class Llm {
        private final InferenceRequirements req;
        private final Device d;
        private final double peak;
        private final double bandwidth;
        private final double eff;
        private final double prefill;
        private final double context;

        Llm(InferenceRequirements req, Device d, double peak, double bandwidth, double eff, double prefill, double context) {
            this.req = req;
            this.d = d;
            this.peak = peak;
            this.bandwidth = bandwidth;
            this.eff = eff;
            this.prefill = prefill;
            this.context = context;
        }

        /** Weight bytes read per decode step: a mixture of experts reads only active experts at small batch. */
        double weightsRead(int batch) {
            double active = req.model().activeParameters() * req.model().precision().bytes();
            return Math.min(req.weightBytes(), active * batch);
        }

        double memoryTime(int batch) {
            return (weightsRead(batch) + batch * req.kvBytesPerToken() * context) / (d.mbu() * bandwidth * eff);
        }

        double computeTime(int batch) {
            return 2.0 * req.model().activeParameters() * batch / (d.computeUtil() * peak * eff);
        }

        double step(int batch) {
            return Math.max(memoryTime(batch), computeTime(batch));
        }

        double cycle(int batch) {
            return batch * prefill + req.tokensOut() * step(batch);
        }

        double p99Ms(int batch) {
            return defaults.p99OverMean() * cycle(batch) * 1000;
        }

        String stepRule(int batch) {
            return "max((weights read + batch · KV bytes per token · context) ÷ (MBU × bandwidth × TP efficiency), 2 · N_active · batch ÷"
                    + " (MFU × peak × TP efficiency)) = max((" + Fmt.gb(weightsRead(batch)) + " + " + batch + " × "
                    + Fmt.plain(req.kvBytesPerToken() / 1e6) + " MB × " + Fmt.plain(context) + " tokens) ÷ (" + Fmt.plain(d.mbu()) + " × "
                    + Fmt.plain(bandwidth / 1e9) + " GB/s × " + Fmt.plain(eff) + "), " + Fmt.ms(computeTime(batch))
                    + ") (Databricks LLM inference; context = tokens_in + tokens_out/2, the mean during decode"
                    + (req.model().activeParameters() < req.model().parameters()
                            ? "; mixture of experts: min(all weights, active weights × batch) read per step" : "") + ")";
        }
    }

    private InferenceEstimate serveOneShot(InferenceRequirements req, Device d, OptionalInt fixedBatch, List<Step> steps) {
        ResolvedModel m = req.model();
        double weightsNeeded = d.weightFactor() * req.weightBytes();
        double work = workingBytesPerRequest(req);
        double perChipNeeded = weightsNeeded + d.overheadBytes() + work;
        boolean replicas = perChipNeeded <= d.memoryBytesPerChip();
        int replicaCount = replicas ? d.count() : 1;
        double memoryPerReplica = replicas ? d.memoryBytesPerChip() : d.memoryBytes();
        double overheadPerReplica = replicas ? d.overheadBytes() : d.overheadBytes() * d.count();
        double needed = replicaCount * (weightsNeeded + overheadPerReplica + work);
        double available = d.memoryBytes();
        boolean fits = weightsNeeded + overheadPerReplica + work <= memoryPerReplica;
        if (steps != null) {
            steps.add(new Step("memory needed at batch 1", Fmt.gib(needed), (replicaCount > 1 ? replicaCount + " replicas × (" : "(")
                    + Fmt.plain(d.weightFactor()) + " " + d.weightFactorRule() + " " + Fmt.gib(weightsNeeded)
                    + (overheadPerReplica > 0 ? " + runtime context " + Fmt.gib(overheadPerReplica) : "") + " + working memory "
                    + Fmt.gib(work) + ")"));
            steps.add(new Step("memory available", Fmt.gib(available), memoryRule(d) + " → " + (fits ? "fits" : "does not fit")
                    + (d.count() > 1 ? (replicas ? "; one model replica per chip" : "; one replica sharded over all chips") : "")));
        }
        if (!fits) {
            return new InferenceEstimate(false, needed / Fmt.GIB, available / Fmt.GIB, 0, 0, 0, 0, done(steps));
        }
        double replicaPeak = replicas ? d.peakFlopsPerChip() : d.peakFlopsPerChip() * d.count() * d.tpEfficiency();
        double util = d.oneShotUtil();
        double perRequest = req.flopsPerRequest() / (util * replicaPeak);
        int batch;
        String rule;
        if (fixedBatch.isPresent()) {
            batch = fixedBatch.getAsInt();
            rule = "fixed by the caller";
        } else {
            batch = 1;
            for (int b = 1; b <= defaults.maxBatch(); b *= 2) {
                if (weightsNeeded + overheadPerReplica + b * work > memoryPerReplica) {
                    break;
                }
                if (req.latencyTargetMs() <= 0 || defaults.p99OverMean() * b * perRequest * 1000 <= req.latencyTargetMs()) {
                    batch = b;
                }
            }
            rule = "largest power of two ≤ " + defaults.maxBatch() + " whose working memory fits"
                    + (req.latencyTargetMs() > 0 ? " and whose p99 meets " + Fmt.plain(req.latencyTargetMs()) + " ms" : "");
        }
        double rps = replicaCount / perRequest;
        double mean = batch * perRequest;
        double p99Ms = defaults.p99OverMean() * mean * 1000;
        if (steps != null) {
            steps.add(new Step("compute peak per replica", Fmt.plain(replicaPeak / 1e12) + " TFLOPS", d.peakRule()));
            steps.add(new Step("batch", String.valueOf(batch), rule));
            steps.add(new Step("requests per second", Fmt.plain(rps), replicaCount + " × utilisation × peak ÷ FLOPs per request = " + replicaCount
                    + " × " + Fmt.plain(util) + " × " + Fmt.sci(replicaPeak) + " ÷ " + Fmt.sci(req.flopsPerRequest()) + " (utilisation: mlplan default"
                    + " for batched one-shot models)"));
            steps.add(new Step("latency p99", Fmt.plain(p99Ms) + " ms", Fmt.plain(defaults.p99OverMean()) + " × batch × FLOPs per request ÷ (utilisation × peak) = "
                    + Fmt.plain(defaults.p99OverMean()) + " × " + batch + " × " + Fmt.ms(perRequest)
                    + " (a request waits for its whole batch; mlplan rule of thumb)"));
        }
        return new InferenceEstimate(true, needed / Fmt.GIB, available / Fmt.GIB, batch, 0, rps, p99Ms, done(steps));
    }

    /** Activations live during one forward pass: about a quarter of the training figure (nothing kept for backward). */
    private double workingBytesPerRequest(InferenceRequirements req) {
        ResolvedModel m = req.model();
        if (m.isTransformer() && m.forwardFlopsPerSample() <= 0) {
            int s = req.tokensIn() > 0 ? req.tokensIn() : Math.max(1, m.contextLength());
            return 34.0 * s * m.hidden() * m.layers() / 4;
        }
        if (m.isTransformer() && m.contextLength() > 0) {
            return 34.0 * m.contextLength() * m.hidden() * m.layers() / 4;
        }
        return m.forwardFlopsPerSample() * defaults.activationBytesPerForwardFlop() / 4;
    }

    private static String memoryRule(Device d) {
        return d.count() > 1 ? d.count() + " × " + Fmt.gib(d.memoryBytesPerChip()) + " " + d.label()
                : Fmt.gib(d.memoryBytesPerChip()) + " " + d.label();
    }

    Assumptions assumptions() {
        return assumptions;
    }
}
