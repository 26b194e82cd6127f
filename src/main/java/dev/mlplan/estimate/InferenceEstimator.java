package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPreset.Role;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.TimeSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Inference memory, throughput and latency (formulas and sources in docs/estimation.md).
 *
 * <p>Speech presets (encoder-decoder, Whisper) carry the {@linkplain #speechCalibration() speech
 * calibration}: every estimate of one, served ({@link #requirements}) or offline ({@link #offline}),
 * on any accelerator or CPU, runs as if the device were that factor as fast. Requests and tokens per
 * second are × the factor; every time (prefill, decode step, cycle, hence latency p99, time to first
 * token and time per output token, and a one-shot pass) is ÷ the factor, and the batch a latency
 * target allows is chosen on those calibrated times. The measurement is a throughput only; mlplan
 * assumes the pipeline's overheads (feature extraction, chunking, generation loop) stretch every
 * phase alike, so latency and throughput stay consistent (batch ÷ requests per second = the cycle).
 */
public final class InferenceEstimator {
    private final Assumptions assumptions;
    private final EstimationDefaults defaults;
    /** Where the speech calibration's reference accelerator is looked up; null: the embedded catalog. */
    private final Catalog catalog;
    /** Computed on the first speech model, once per estimator (it depends on the assumptions and catalog). */
    private volatile SpeechCalibration speech;

    /** An estimator with mlplan's defaults, calibrating speech on the embedded catalog's reference accelerator. */
    public InferenceEstimator(Assumptions assumptions) {
        this(assumptions, EstimationDefaults.standard());
    }

    /** An estimator with mlplan's defaults, calibrating speech on {@code catalog}'s reference accelerator (the catalog a plan uses). */
    public InferenceEstimator(Assumptions assumptions, Catalog catalog) {
        this(assumptions, EstimationDefaults.standard(), catalog);
    }

    public InferenceEstimator(Assumptions assumptions, EstimationDefaults defaults) {
        this(assumptions, defaults, null);
    }

    private InferenceEstimator(Assumptions assumptions, EstimationDefaults defaults, Catalog catalog) {
        this.assumptions = assumptions == null ? Assumptions.none() : assumptions;
        this.defaults = defaults;
        this.catalog = catalog;
    }

    /**
     * The speech calibration: Whisper large-v3's published throughput ÷ this estimator's own
     * uncalibrated estimate of it, in the measured configuration
     * ({@link EstimationDefaults#SPEECH_REFERENCE_MODEL} at
     * {@link EstimationDefaults#SPEECH_REFERENCE_PRECISION}, 30 s windows of
     * {@link #SPEECH_TOKENS_PER_WINDOW} transcript tokens, at the largest batch memory allows, on 1 ×
     * {@link EstimationDefaults#SPEECH_REFERENCE_ACCELERATOR}), at most 1. One factor for every speech
     * preset at every precision, so that whisper-large-v3-turbo keeps its estimated speed-up over
     * large-v3 and an fp32 model its slow-down, and whisper-large-v3 at fp16 on an A100-80GB reproduces
     * the measurement (docs/accuracy.md, case 13c).
     *
     * @throws IllegalArgumentException when the catalog has no reference accelerator
     */
    public SpeechCalibration speechCalibration() {
        SpeechCalibration c = speech;
        if (c == null) {
            Catalog from = catalog != null ? catalog : CatalogLoader.embedded();
            Accelerator acc = from.accelerator(EstimationDefaults.SPEECH_REFERENCE_ACCELERATOR).orElseThrow(() -> new IllegalArgumentException(
                    "the catalog has no " + EstimationDefaults.SPEECH_REFERENCE_ACCELERATOR + ", the accelerator speech models are calibrated on"));
            Workload.ModelSpec model = new Workload.ModelSpec(Optional.of(EstimationDefaults.SPEECH_REFERENCE_MODEL), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    EstimationDefaults.SPEECH_REFERENCE_PRECISION);
            Work reference = uncalibrated(new Request(model, Optional.empty(), Optional.of(SPEECH_TOKENS_PER_WINDOW), Optional.empty(),
                    Optional.empty(), "batch"));
            double estimated = on(reference.requirements(0, 0, 0, 0, 0, reference.steps()), acc, 1).requestsPerSecond();
            double measured = EstimationDefaults.SPEECH_REFERENCE_REAL_TIME_FACTOR / EstimationDefaults.SPEECH_WINDOW_SECONDS;
            c = new SpeechCalibration(acc.name(), measured, estimated, estimated > 0 ? Math.min(1, measured / estimated) : 1);
            speech = c;
        }
        return c;
    }

    /**
     * Measured ÷ estimated windows per second of Whisper on the reference accelerator.
     *
     * @param accelerator the reference accelerator (A100-80GB)
     * @param measured the published windows of 30 s per second
     * @param estimated mlplan's uncalibrated estimate of the same
     * @param factor measured ÷ estimated, at most 1: rates × it, times ÷ it
     */
    public record SpeechCalibration(String accelerator, double measured, double estimated, double factor) {
        /** The plan step that states the factor and where it comes from. */
        public Step step() {
            String f = dev.mlplan.util.Fmt.sig(factor);
            return new Step("speech calibration", "× " + f, "published Whisper large-v3 throughput ÷ mlplan's estimate on 1 × " + accelerator + ": "
                    + dev.mlplan.util.Fmt.sig(measured) + " ÷ " + dev.mlplan.util.Fmt.sig(estimated) + " windows/s (insanely-fast-whisper: 150 min"
                    + " of audio in 98 s, fp16, batch 24, Flash Attention 2 = " + dev.mlplan.util.Fmt.sig(EstimationDefaults.SPEECH_REFERENCE_REAL_TIME_FACTOR)
                    + "× real time; the estimate, " + EstimationDefaults.SPEECH_REFERENCE_MODEL + " " + EstimationDefaults.SPEECH_REFERENCE_PRECISION.yamlName() + " with " + SPEECH_TOKENS_PER_WINDOW
                    + " tokens a window at the largest batch, leaves out feature extraction, chunking and generation overheads); every speech"
                    + " estimate, served or batch: requests and tokens per second × " + f + ", every time (latency, first token, per token) ÷ " + f);
        }
    }

    /**
     * Transcript tokens of one 30 s window when none are given: {@link EstimationDefaults#SPEECH_TOKENS_PER_SECOND} × 30 s = 100.
     */
    public static final int SPEECH_TOKENS_PER_WINDOW = (int) Math.round(EstimationDefaults.SPEECH_TOKENS_PER_SECOND
            * EstimationDefaults.SPEECH_WINDOW_SECONDS);

    public InferenceRequirements requirements(Inference inference) {
        Work work = work(new Request(inference.model(), inference.tokensIn(), inference.tokensOut(), inference.steps(), inference.resolution(),
                "inference"));
        List<Step> steps = new ArrayList<>(work.steps());
        double peak = inference.traffic().peak().perSecond();
        double average = inference.traffic().average().perSecond();
        Optional<TimeSpan> latencyP99 = inference.latencyP99();
        double target = latencyP99.isPresent() ? latencyP99.get().millis() : 0.0;
        steps.add(new Step("traffic", Fmt.plain(peak) + " req/s peak, " + Fmt.plain(average) + " req/s average", "inference.traffic"));
        if (target > 0) {
            steps.add(new Step("latency target", Fmt.plain(target) + " ms p99", "inference.latency_p99"));
        }
        double ttftTarget = inference.ttftP99().isPresent() ? inference.ttftP99().get().millis() : 0.0;
        double tpotTarget = inference.tpotP99().isPresent() ? inference.tpotP99().get().millis() : 0.0;
        if ((ttftTarget > 0 || tpotTarget > 0) && !work.llm()) {
            throw new IllegalArgumentException("inference.ttft_p99 and inference.tpot_p99 apply only to a model that generates tokens; "
                    + work.m().name() + " is served one-shot (use latency_p99)");
        }
        if (ttftTarget > 0) {
            steps.add(new Step("time to first token target", Fmt.plain(ttftTarget) + " ms p99", "inference.ttft_p99"));
        }
        if (tpotTarget > 0) {
            steps.add(new Step("time per output token target", Fmt.plain(tpotTarget) + " ms p99", "inference.tpot_p99"));
        }
        return work.requirements(peak, average, target, ttftTarget, tpotTarget, steps);
    }

    /**
     * What one request of an offline job needs: the same model, tokens, steps and resolution as a
     * served request, read from the keys under {@code section} ("batch"), with no traffic and no
     * latency target (a batch job runs at the largest batch memory allows). {@code rate} is the
     * request rate the job must sustain to meet its deadline (0 without one): serverless rules size
     * concurrency on it.
     */
    public InferenceRequirements offline(Request request, double rate) {
        Work work = work(request);
        return work.requirements(rate, rate, 0, 0, 0, work.steps());
    }

    /**
     * One request's shape: the model and the keys that size it, with the section they were read from
     * (for the steps' sources).
     */
    public record Request(Workload.ModelSpec model, Optional<Integer> tokensIn, Optional<Integer> tokensOut, Optional<Integer> steps,
            Optional<Integer> resolution, String section, String tokensOutSource) {
        /** A request whose tokens out, when given, come from {@code section.tokens_out}. */
        public Request(Workload.ModelSpec model, Optional<Integer> tokensIn, Optional<Integer> tokensOut, Optional<Integer> steps,
                Optional<Integer> resolution, String section) {
            this(model, tokensIn, tokensOut, steps, resolution, section, section + ".tokens_out");
        }
    }

    /** A request's figures before traffic is known; {@code calibration} 1 unless a speech model's has been applied. */
    private record Work(ResolvedModel m, boolean llm, boolean speech, double weightBytes, double kvPerToken, int tokensIn, int tokensOut,
            double flops, double working, double util, String utilSource, List<Step> steps, double calibration) {
        InferenceRequirements requirements(double peak, double average, double target, double ttftTarget, double tpotTarget, List<Step> allSteps) {
            return new InferenceRequirements(m, llm, weightBytes, kvPerToken, tokensIn, tokensOut, flops, peak, average, target, working, util,
                    utilSource, List.copyOf(allSteps), ttftTarget, tpotTarget, calibration);
        }
    }

    /** A request's figures, a speech model's with the speech calibration and its step. */
    private Work work(Request inference) {
        Work w = uncalibrated(inference);
        if (!w.speech()) {
            return w;
        }
        SpeechCalibration c = speechCalibration();
        List<Step> steps = new ArrayList<>(w.steps());
        steps.add(c.step());
        return new Work(w.m(), w.llm(), true, w.weightBytes(), w.kvPerToken(), w.tokensIn(), w.tokensOut(), w.flops(), w.working(), w.util(),
                w.utilSource(), List.copyOf(steps), c.factor());
    }

    private Work uncalibrated(Request inference) {
        String section = inference.section();
        ModelProfile profile = ModelPresets.profile(inference.model());
        ResolvedModel m = profile.model();
        List<Step> steps = new ArrayList<>(profile.steps());
        // a speech model served transcribes: one request is a 30 s window and its transcript
        boolean speech = profile.role() == Role.ENCODER_DECODER;
        int tokensOut = inference.tokensOut().orElse(speech ? SPEECH_TOKENS_PER_WINDOW : 0);
        boolean generative = m.isTransformer() && profile.role().generates();
        boolean llm = generative && tokensOut > 0;
        boolean tokenCosted = m.isTransformer() && m.forwardFlopsPerSample() <= 0;
        int tokensIn = 0;
        if (tokenCosted || inference.tokensIn().isPresent()) {
            int fallback = profile.defaultTokensIn() > 0 ? profile.defaultTokensIn()
                    : profile.role() == Role.ENCODER ? defaults.encoderTokensIn() : defaults.llmTokensIn();
            tokensIn = inference.tokensIn().orElse(fallback);
            steps.add(new Step("tokens in", String.valueOf(tokensIn),
                    inference.tokensIn().isPresent() ? section + ".tokens_in" : "not given: mlplan default for this model"));
        }
        if (generative && tokensOut <= 0) {
            steps.add(new Step("tokens out", "0", "not given: served one-shot (a single forward pass, e.g. scoring or embedding)"));
        } else if (llm) {
            steps.add(new Step("tokens out", String.valueOf(tokensOut), inference.tokensOut().isPresent() ? inference.tokensOutSource()
                    : "not given: the transcript of one 30 s window, 150 words a minute × 4/3 tokens per word"));
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
            steps.add(new Step("FLOPs per request", dev.mlplan.util.Fmt.flops(flops), "2 · N_active · (tokens_in + tokens_out) = 2 × "
                    + Fmt.count(m.activeParameters()) + " × (" + tokensIn + " + " + tokensOut + ")"));
        } else if (tokenCosted) {
            flops = 2.0 * m.activeParameters() * tokensIn;
            steps.add(new Step("FLOPs per request", dev.mlplan.util.Fmt.flops(flops), "one forward pass: 2 · N · tokens_in = 2 × "
                    + Fmt.count(m.activeParameters()) + " × " + tokensIn));
        } else {
            if (!(m.forwardFlopsPerSample() > 0)) {
                throw new IllegalArgumentException("model " + m.name()
                        + " has no FLOPs per sample: give model.flops_per_sample (forward FLOPs = 2 × multiply-adds)");
            }
            if (profile.diffusion()) {
                flops = diffusionFlops(inference, profile, steps, section);
            } else {
                flops = m.forwardFlopsPerSample();
                steps.add(new Step("FLOPs per request", dev.mlplan.util.Fmt.flops(flops), "forward FLOPs per sample " + dev.mlplan.util.Fmt.flops(m.forwardFlopsPerSample())));
            }
        }
        if (!profile.diffusion() && (inference.steps().isPresent() || inference.resolution().isPresent())) {
            throw new IllegalArgumentException(section + ".steps and " + section + ".resolution apply only to diffusion presets ("
                    + String.join(", ", ModelPresets.diffusionNames()) + "); " + m.name() + " is not one");
        }
        double working = profile.diffusion() ? profile.trainingActivationBytesPerSample() / 4 * areaScale(inference, profile)
                : workingBytesPerRequest(m, tokensIn);
        double util = profile.servingUtilisation();
        return new Work(m, llm, speech, weightBytes, kvPerToken, tokensIn, tokensOut, flops, working, util,
                util > 0 ? "preset " + profile.model().name() + ", calibrated on " + profile.servingUtilisationSource() : "",
                List.copyOf(steps), 1);
    }

    /**
     * A diffusion model's FLOPs per image: steps × 2 U-Net passes (classifier-free guidance runs the
     * model with and without the prompt; 1 pass for a guidance-distilled preset such as FLUX.1) × FLOPs per pass at the preset's native resolution × (resolution
     * ÷ native)². The last factor is the latent area: an approximation that leaves out attention's
     * quadratic growth with the latent's tokens (more FLOPs above the native resolution, fewer below).
     * The text encoder and the VAE decoder (a few % of an image at 50 steps) are not counted.
     */
    private static double diffusionFlops(Request inference, ModelProfile profile, List<Step> steps, String section) {
        int n = inference.steps().orElse(profile.diffusionSteps());
        int resolution = inference.resolution().orElse(profile.nativeResolution());
        double area = areaScale(inference, profile);
        double perPass = profile.model().forwardFlopsPerSample();
        int passes = profile.guidancePasses();
        boolean guided = passes == GUIDANCE_PASSES;
        double flops = n * passes * perPass * area;
        steps.add(new Step("denoising steps", String.valueOf(n), inference.steps().isPresent() ? section + ".steps"
                : "not given: the preset's default (" + profile.diffusionSteps() + (guided ? ", the diffusers default)" : ", its model card's)")));
        steps.add(new Step("resolution", resolution + " × " + resolution + " px", inference.resolution().isPresent() ? section + ".resolution"
                : "not given: the preset's native resolution"));
        steps.add(new Step("FLOPs per request", dev.mlplan.util.Fmt.flops(flops), (guided ? "steps × 2 passes (classifier-free guidance) × U-Net FLOPs per pass at "
                : "steps × 1 pass (guidance-distilled: no pass without the prompt) × transformer FLOPs per pass at ")
                + profile.nativeResolution() + " px × (resolution ÷ " + profile.nativeResolution() + ")² = " + n + " × " + passes + " × " + dev.mlplan.util.Fmt.flops(perPass)
                + " × " + Fmt.plain(area) + " (the latent's area: an approximation; attention grows faster with resolution; text encoder and"
                + " VAE not counted)"));
        return flops;
    }

    private static double areaScale(Request inference, ModelProfile profile) {
        if (!profile.diffusion()) {
            return 1;
        }
        double ratio = (double) inference.resolution().orElse(profile.nativeResolution()) / profile.nativeResolution();
        return ratio * ratio;
    }

    /** Passes per denoising step with classifier-free guidance (with and without the prompt); a preset may state 1 (guidance-distilled). */
    static final int GUIDANCE_PASSES = 2;

    private static double kvBytes(Precision p) {
        return switch (p) {
            case FP32, TF32 -> 4;
            case FP8 -> 1;
            default -> 2;
        };
    }

    /**
     * Serving on one instance with {@code count} accelerators: an LLM in the layout of replicas and
     * tensor-parallel degree that serves the most, a one-shot model one replica per chip where it fits.
     */
    public InferenceEstimate on(InferenceRequirements req, Accelerator acc, int count) {
        return serve(req, gpu(acc, count, req), 0, OptionalInt.empty());
    }

    /**
     * Serving on one instance at a fixed concurrency, tensor-parallel over all its chips, ignoring the
     * latency target: for comparing with benchmarks run that way.
     */
    public InferenceEstimate at(InferenceRequirements req, Accelerator acc, int count, int batch) {
        return at(req, acc, count, count, batch);
    }

    /** Serving at a fixed tensor-parallel degree and concurrency (spread over the replicas), ignoring the latency target. */
    public InferenceEstimate at(InferenceRequirements req, Accelerator acc, int count, int tensorParallel, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        return serve(req, gpu(acc, count, req), tensorParallel, OptionalInt.of(batch));
    }

    /** Serving on CPUs only (a CPU instance, Fargate task or Lambda function). */
    public InferenceEstimate onCpu(InferenceRequirements req, double vcpus, double memoryGiB) {
        return serve(req, cpu(vcpus, memoryGiB), 0, OptionalInt.empty());
    }

    /** Serving on CPUs at a fixed batch, ignoring the latency target (a function invocation serves one request). */
    public InferenceEstimate onCpuAt(InferenceRequirements req, double vcpus, double memoryGiB, int batch) {
        return serve(req, cpu(vcpus, memoryGiB), 0, OptionalInt.of(batch));
    }

    private Device cpu(double vcpus, double memoryGiB) {
        if (!(vcpus > 0) || !(memoryGiB > 0)) {
            throw new IllegalArgumentException("need positive vCPUs and memory, got " + vcpus + " vCPU, " + memoryGiB + " GiB");
        }
        double peak = vcpus * defaults.cpuGflopsPerVcpu() * 1e9;
        double bw = Math.min(vcpus * defaults.cpuBandwidthGBsPerVcpu(), defaults.cpuBandwidthCapGBs()) * 1e9;
        double mbu = assumptions.mbu().orElse(defaults.fallbackMbu());
        Device cpu = new Device("CPU", 1, memoryGiB * Fmt.GIB, defaults.cpuRuntimeGiB() * Fmt.GIB, defaults.cpuLoadFactor(),
                "× weights while loading a PyTorch model on CPU (docs/limits.md)", peak,
                Lazy.of(() -> Fmt.plain(vcpus) + " vCPU × " + Fmt.plain(defaults.cpuGflopsPerVcpu())
                        + " GFLOPS (AVX-512 FP32 at ~3 GHz; a vCPU is half a core)"),
                bw, Lazy.of(() -> Fmt.plain(vcpus) + " vCPU × " + Fmt.plain(defaults.cpuBandwidthGBsPerVcpu()) + " GB/s, capped at "
                        + Fmt.plain(defaults.cpuBandwidthCapGBs()) + " GB/s"),
                mbu, assumptions.mbu().isPresent() ? "assumptions.mbu" : "mlplan default", defaults.cpuMfu(), defaults.cpuMfu(), 1.0, "cpu");
        return cpu;
    }

    private Device gpu(Accelerator acc, int count, InferenceRequirements req) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one accelerator, got " + count);
        }
        Peaks peak = Peaks.inference(acc, req.model().precision());
        double mbu = assumptions.mbu().orElse(acc.defaultMbu() > 0 ? acc.defaultMbu() : defaults.fallbackMbu());
        String mbuSource = assumptions.mbu().isPresent() ? "assumptions.mbu"
                : acc.defaultMbu() > 0 ? acc.name() + " default; docs/estimation.md: 0.5 for tuned serving stacks" : "mlplan fallback";
        if (!(peak.tflops() > 0) || !(acc.bandwidthGBs() > 0)) {
            throw new IllegalArgumentException("accelerator " + acc.name() + " has no peak or bandwidth figure for "
                    + req.model().precision().yamlName() + " serving; fix the catalog entry");
        }
        return new Device(acc.name(), count, acc.memoryGiB() * Fmt.GIB, defaults.frameworkOverheadGiB() * Fmt.GIB,
                defaults.inferenceMemoryFactor(), "× weights (EleutherAI Transformer Math 101)", peak.flopsPerSecond(),
                Lazy.of(() -> peak.rule() + " per chip"), acc.bandwidthGBs() * 1e9, Lazy.of(() -> Fmt.plain(acc.bandwidthGBs()) + " GB/s per chip"),
                mbu, mbuSource, defaults.inferenceMfu(), defaults.oneShotUtilisation(), defaults.tensorParallelEfficiency(count, acc.kind()),
                acc.kind());
    }

    /**
     * Where a model is served: {@code count} chips (or one CPU machine) with per-chip figures. The
     * peak's and bandwidth's rules are text for the steps, made only when the steps are.
     *
     * @param overheadBytes runtime context per chip
     * @param weightFactor memory needed per byte of weights
     * @param computeUtil share of peak reached in prefill and in decode's compute term
     * @param oneShotUtil share of peak reached by one-shot models
     * @param tpEfficiency tensor-parallel efficiency on {@code count} chips
     */
    private record Device(String label, int count, double memoryBytesPerChip, double overheadBytes, double weightFactor,
            String weightFactorRule, double peakFlopsPerChip, Lazy<String> peakRule, double bandwidthPerChip, Lazy<String> bandwidthRule,
            double mbu, String mbuSource, double computeUtil, double oneShotUtil, double tpEfficiency, String kind) {

        double memoryBytes() {
            return memoryBytesPerChip * count;
        }
    }

    /**
     * The figures now; their explanation (many formatted numbers) only when asked for, by running the
     * same computation again with a list to write the steps to: most estimates are never shown.
     */
    private InferenceEstimate serve(InferenceRequirements req, Device d, int fixedTp, OptionalInt fixedBatch) {
        InferenceEstimate figures = req.llm() ? serveLlm(req, d, fixedTp, fixedBatch, null) : serveOneShot(req, d, fixedBatch, null);
        return figures.withStepChain(Lazy.of(() -> {
            List<Step> steps = new ArrayList<>(req.steps());
            if (req.llm()) {
                serveLlm(req, d, fixedTp, fixedBatch, steps);
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

    /**
     * An LLM served on {@code d}: every tensor-parallel degree t that divides the chips is tried, with
     * {@code count / t} replicas of t chips each (an 8B model on 8 × H100 is 8 replicas at TP 1, a 70B
     * FP8 model 4 replicas at TP 2); each replica batches as many requests as its KV cache holds, up to
     * the server's limit and the latency target; the layout serving the most requests per second wins.
     * {@code fixedTp} (0: choose) and {@code fixedBatch} pin the layout, for comparing with benchmarks.
     */
    private InferenceEstimate serveLlm(InferenceRequirements req, Device d, int fixedTp, OptionalInt fixedBatch, List<Step> steps) {
        Replica best = null;
        Replica largest = null;
        List<Replica> considered = new ArrayList<>();
        for (int t = 1; t <= d.count(); t++) {
            if (d.count() % t != 0 || (fixedTp > 0 && t != fixedTp)) {
                continue;
            }
            Replica r = new Replica(req, d, t, fixedBatch);
            largest = r;
            if (!r.fits()) {
                continue;
            }
            considered.add(r);
            if (best == null || r.better(best)) {
                best = r;
            }
        }
        if (largest == null) {
            throw new IllegalArgumentException("tensor-parallel degree " + fixedTp + " does not divide " + d.count() + " chips");
        }
        Replica shown = best != null ? best : largest;
        if (steps != null) {
            shown.explain(steps, considered);
        }
        if (best == null) {
            return new InferenceEstimate(false, shown.memoryNeeded(Math.max(1, shown.batch())) / Fmt.GIB, shown.memory / Fmt.GIB, 0, 0, 0, 0, 0,
                    done(steps));
        }
        return new InferenceEstimate(true, best.replicas() * best.neededAtBatch1() / Fmt.GIB, d.memoryBytes() / Fmt.GIB, best.batch(),
                best.replicas() * best.tokensPerSecond(), best.replicas() * best.requestsPerSecond(), best.latencyMsP99(),
                best.meanLatencyMs(), best.tp(), best.replicas(), best.ttftMsP99(), best.tpotMsP99(), done(steps));
    }

    /**
     * One model replica on {@code tp} chips with continuous batching (vLLM, TensorRT-LLM, TGI): in the
     * steady state the {@code batch} requests in flight are replaced once per cycle, so a cycle holds
     * their prefills and {@code tokens_out} decode steps (Databricks, "LLM inference performance
     * engineering"; docs/estimation.md). Time to first token is the prompt's prefill plus the wait
     * for the prefills ahead of it (an M/D/1 queue at the prefill load); time per output token is the
     * decode step plus the share of the others' prefills that interleave with it.
     */
    private final class Replica {
        /** Layouts within this ratio of requests per second are a tie. */
        private static final double TIE = 1.05;

        private final InferenceRequirements req;
        private final Device d;
        private final int tp;
        private final int replicas;
        private final double eff;
        /** The model's calibration: every time ÷ it (1 but for speech models). */
        private final double cal;
        private final double memory;
        private final double weightsNeeded;
        private final double overhead;
        private final double kvPerRequest;
        private final double prefillCompute;
        private final double layerTime;
        private final double prefill;
        private final double context;
        private final int memoryLimit;
        private final int batch;
        private final String batchRule;

        Replica(InferenceRequirements req, Device d, int tp, OptionalInt fixedBatch) {
            this.req = req;
            this.d = d;
            this.tp = tp;
            this.replicas = d.count() / tp;
            this.eff = defaults.tensorParallelEfficiency(tp, d.kind());
            this.cal = req.calibration();
            this.memory = d.memoryBytesPerChip() * tp;
            this.weightsNeeded = d.weightFactor() * req.weightBytes();
            this.overhead = d.overheadBytes() * tp;
            this.kvPerRequest = req.kvBytesPerToken() * (req.tokensIn() + req.tokensOut());
            // a prompt's forward pass is compute-bound, but no faster than one read of the weights
            this.prefillCompute = 2.0 * req.model().activeParameters() * req.tokensIn() / (d.computeUtil() * d.peakFlopsPerChip() * tp * eff) / cal;
            // every forward pass also pays a fixed time per layer (kernel launches, synchronisation)
            this.layerTime = req.model().layers() * defaults.layerLatencyMs() / 1000 / cal;
            this.prefill = Math.max(prefillCompute, weightsRead(req.tokensIn()) / (d.mbu() * d.bandwidthPerChip() * tp * eff) / cal) + layerTime;
            this.context = req.tokensIn() + req.tokensOut() / 2.0;
            double free = memory - weightsNeeded - overhead;
            this.memoryLimit = free < kvPerRequest ? 0 : (int) Math.min(defaults.maxBatch(), Math.floor(free / kvPerRequest));
            if (fixedBatch.isPresent()) {
                // a benchmark's concurrency spreads over the replicas
                this.batch = (int) Math.ceil(fixedBatch.getAsInt() / (double) replicas);
                this.batchRule = "fixed by the caller: concurrency " + fixedBatch.getAsInt() + " over " + replicas + " replica(s)";
            } else {
                int chosen = Math.min(1, memoryLimit);
                for (int b = 1; b <= memoryLimit; b = b < memoryLimit && b * 2 > memoryLimit ? memoryLimit : b * 2) {
                    if (meetsTargets(b)) {
                        chosen = b;
                    }
                    if (b == memoryLimit) {
                        break;
                    }
                }
                this.batch = chosen;
                this.batchRule = "requests whose KV cache (" + Fmt.gib(kvPerRequest) + " each) fits the memory left after the weights: "
                        + memoryLimit + (memoryLimit == defaults.maxBatch() ? " (the server's limit, " + defaults.maxBatch() + ")" : "")
                        + (req.hasTarget() ? "; the largest (powers of two and the limit) whose " + targetsText() : "");
            }
        }

        int tp() {
            return tp;
        }

        int replicas() {
            return replicas;
        }

        int batch() {
            return batch;
        }

        boolean fits() {
            return memoryLimit >= 1 && memoryNeeded(batch) <= memory;
        }

        double neededAtBatch1() {
            return weightsNeeded + overhead + kvPerRequest;
        }

        double memoryNeeded(int b) {
            return weightsNeeded + overhead + b * kvPerRequest;
        }

        /** Weight bytes read per decode step: a mixture of experts reads only active experts at small batch. */
        double weightsRead(int b) {
            double active = req.model().activeParameters() * req.model().precision().bytes();
            return Math.min(req.weightBytes(), active * b);
        }

        double memoryTime(int b) {
            double bandwidth = d.bandwidthPerChip() * tp * eff;
            return weightsRead(b) / (d.mbu() * bandwidth) + b * req.kvBytesPerToken() * context / (defaults.kvReadMbu() * bandwidth);
        }

        double computeTime(int b) {
            return 2.0 * req.model().activeParameters() * b / (d.computeUtil() * d.peakFlopsPerChip() * tp * eff);
        }

        /** One decode step: memory or compute bound, calibrated, plus the fixed time per layer. */
        double step(int b) {
            return Math.max(memoryTime(b), computeTime(b)) / cal + layerTime;
        }

        /** Seconds in which the {@code b} requests in flight are replaced once. */
        double cycle(int b) {
            // prefills ride along the decode steps (chunked prefill), which already read the weights
            return b * prefillCompute + req.tokensOut() * step(b);
        }

        /** Mean wait for the other requests' prefills ahead: M/D/1 at their prefill load ρ = (b − 1) · prefill / cycle. */
        double prefillWait(int b) {
            double rho = othersLoad(b);
            return rho * prefill / (2 * (1 - rho));
        }

        double othersLoad(int b) {
            return (b - 1) * prefillCompute / cycle(b);
        }

        double ttftMean(int b) {
            return prefill + prefillWait(b);
        }

        double tpotMean(int b) {
            return (cycle(b) - prefillCompute) / req.tokensOut();
        }

        double latencyMean(int b) {
            return ttftMean(b) + req.tokensOut() * tpotMean(b);
        }

        double latencyMsP99(int b) {
            return defaults.p99OverMean() * latencyMean(b) * 1000;
        }

        double latencyMsP99() {
            return latencyMsP99(batch);
        }

        double meanLatencyMs() {
            return latencyMean(batch) * 1000;
        }

        double ttftMsP99() {
            return defaults.p99OverMean() * ttftMean(batch) * 1000;
        }

        double tpotMsP99() {
            return defaults.p99OverMean() * tpotMean(batch) * 1000;
        }

        double requestsPerSecond() {
            return batch / cycle(batch);
        }

        double tokensPerSecond() {
            return batch * req.tokensOut() / cycle(batch);
        }

        boolean meetsTarget() {
            return meetsTargets(batch);
        }

        /**
         * Whether batch {@code b} meets every target the workload sets: p99 latency, time to first
         * token and time per output token (the one test of the batch search and of the layout choice).
         */
        boolean meetsTargets(int b) {
            return missRatio(b) <= 1;
        }

        /** The largest of estimate ÷ target over the targets set (0 when none): above 1 a target is missed. */
        double missRatio(int b) {
            double worst = 0;
            if (req.latencyTargetMs() > 0) {
                worst = Math.max(worst, latencyMsP99(b) / req.latencyTargetMs());
            }
            if (req.ttftTargetMs() > 0) {
                worst = Math.max(worst, defaults.p99OverMean() * ttftMean(b) * 1000 / req.ttftTargetMs());
            }
            if (req.tpotTargetMs() > 0) {
                worst = Math.max(worst, defaults.p99OverMean() * tpotMean(b) * 1000 / req.tpotTargetMs());
            }
            return worst;
        }

        /** "p99 meets 10000 ms", "p99 meets 10000 ms, time to first token 1000 ms and time per output token 50 ms". */
        private String targetsText() {
            List<String> parts = new ArrayList<>();
            if (req.latencyTargetMs() > 0) {
                parts.add("p99 meets " + Fmt.plain(req.latencyTargetMs()) + " ms");
            }
            if (req.ttftTargetMs() > 0) {
                parts.add((parts.isEmpty() ? "p99 meets " : "") + "time to first token " + Fmt.plain(req.ttftTargetMs()) + " ms");
            }
            if (req.tpotTargetMs() > 0) {
                parts.add((parts.isEmpty() ? "p99 meets " : "") + "time per output token " + Fmt.plain(req.tpotTargetMs()) + " ms");
            }
            return parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }

        /**
         * Meets the targets where the other does not; else serves more than 5% more requests per second;
         * else (a tie) uses fewer chips per replica, as serving teams do (tensor parallelism pays
         * communication that only the degrees above {@code tensorParallelFreeUpTo} are charged for).
         * Between two layouts that both miss, the one nearer its worst-missed target.
         */
        boolean better(Replica other) {
            if (meetsTarget() != other.meetsTarget()) {
                return meetsTarget();
            }
            if (!meetsTarget()) {
                return missRatio(batch) < other.missRatio(other.batch);
            }
            double mine = replicas * requestsPerSecond();
            double theirs = other.replicas * other.requestsPerSecond();
            if (mine > theirs * TIE || theirs > mine * TIE) {
                return mine > theirs;
            }
            return tp < other.tp;
        }

        /** "; misses the 1000 ms target even at batch 1" when an estimate is above its target, else "". */
        private String missed(double estimateMs, double targetMs) {
            return targetMs > 0 && estimateMs > targetMs ? "; misses the " + Fmt.plain(targetMs) + " ms target even at batch 1" : "";
        }

        void explain(List<Step> steps, List<Replica> considered) {
            steps.add(new Step("memory needed at batch 1", Fmt.gib(neededAtBatch1()) + (replicas > 1 ? " per replica" : ""),
                    Fmt.plain(d.weightFactor()) + " " + d.weightFactorRule() + " " + Fmt.gib(weightsNeeded)
                            + (overhead > 0 ? " + runtime context " + Fmt.gib(overhead) : "") + " + KV cache of one request "
                            + Fmt.gib(kvPerRequest) + " ((" + req.tokensIn() + " + " + req.tokensOut() + ") tokens)"));
            steps.add(new Step("memory available", Fmt.gib(memory) + (replicas > 1 ? " per replica" : ""),
                    (tp > 1 ? tp + " × " : "") + Fmt.gib(d.memoryBytesPerChip()) + " " + d.label() + " → " + (fits() ? "fits" : "does not fit")));
            if (!fits()) {
                return;
            }
            StringBuilder others = new StringBuilder();
            for (Replica r : considered) {
                if (r != this) {
                    others.append(others.length() == 0 ? "; other layouts: " : ", ").append(r.replicas).append(" × TP ").append(r.tp)
                            .append(" → ").append(Fmt.plain(r.replicas * r.requestsPerSecond())).append(" req/s")
                            .append(r.meetsTarget() ? "" : " (misses the target)");
                }
            }
            steps.add(new Step("layout", replicas + " replica" + (replicas > 1 ? "s" : "") + " × tensor-parallel " + tp,
                    "the layout of " + d.count() + " " + d.label() + " serving the most requests per second within the "
                            + (req.ttftTargetMs() > 0 || req.tpotTargetMs() > 0 ? "targets" : "latency target") + others));
            double peak = d.peakFlopsPerChip() * tp;
            double bw = d.bandwidthPerChip() * tp;
            steps.add(new Step("compute peak per replica", Fmt.plain(peak / 1e12) + " TFLOPS", tp + " × " + d.peakRule().get()));
            steps.add(new Step("memory bandwidth per replica", Fmt.plain(bw / 1e9) + " GB/s", tp + " × " + d.bandwidthRule().get()
                    + "; MBU " + Fmt.plain(d.mbu()) + " (" + d.mbuSource() + ")"));
            if (tp > 1) {
                int free = defaults.tensorParallelFreeUpTo(d.kind());
                steps.add(new Step("tensor-parallel efficiency", Fmt.plain(eff), tp <= free
                        ? "1 up to " + free + " chips (" + ("gpu".equals(d.kind())
                                ? "the MBU defaults were measured tensor-parallel on 2–4 GPUs, Databricks)"
                                : "NeuronLink connects the chips of an instance for tensor parallelism; AWS Neuron's trn1 Llama 2 13B at TP 32 cores)")
                        : "(1 / (2 × " + Fmt.plain(defaults.tensorParallelLatencyRatio()) + "))^log2(" + tp + "/" + free + "): each doubling beyond "
                                + free + " chips cuts latency only to " + Fmt.plain(defaults.tensorParallelLatencyRatio())
                                + "× (Databricks LLM inference: 4→8 GPUs)"));
            }
            steps.add(new Step("prefill per request", Fmt.ms(prefill), "max(2 · N_active · tokens_in ÷ (MFU × peak × TP efficiency), one read of"
                    + " the weights) = max(2 × " + Fmt.count(req.model().activeParameters()) + " × " + req.tokensIn() + " ÷ (" + Fmt.plain(d.computeUtil())
                    + " × " + dev.mlplan.util.Fmt.flopRate(peak) + " × " + Fmt.plain(eff) + "), " + Fmt.gb(weightsRead(req.tokensIn())) + " ÷ (MBU × bandwidth × TP efficiency))"
                    + calibrated(cal) + " (compute-bound for long prompts; Databricks LLM inference)"));
            steps.add(new Step("batch per replica", String.valueOf(batch), batchRule));
            steps.add(new Step("decode step at batch " + batch, Fmt.ms(step(batch)),
                    "max(weights read ÷ (MBU × bandwidth × TP efficiency) + batch · KV bytes per token · context ÷ (KV-read MBU × bandwidth"
                            + " × TP efficiency), 2 · N_active · batch ÷ (MFU × peak × TP efficiency)) = max(" + Fmt.gb(weightsRead(batch))
                            + " ÷ (" + Fmt.plain(d.mbu()) + " × " + Fmt.plain(bw / 1e9) + " GB/s × " + Fmt.plain(eff) + ") + " + batch + " × "
                            + Fmt.plain(req.kvBytesPerToken() / 1e6) + " MB × " + Fmt.plain(context) + " tokens ÷ (" + Fmt.plain(defaults.kvReadMbu())
                            + " × " + Fmt.plain(bw / 1e9) + " GB/s × " + Fmt.plain(eff) + "), " + Fmt.ms(computeTime(batch))
                            + ")" + calibrated(cal) + " (Databricks LLM inference; context = tokens_in + tokens_out/2, the mean during decode"
                            + (req.model().activeParameters() < req.model().parameters()
                                    ? "; mixture of experts: min(all weights, active weights × batch) read per step" : "") + ")"));
            steps.add(new Step("cycle", Fmt.ms(cycle(batch)), "batch × prefill compute + tokens_out × decode step = " + batch + " × "
                    + Fmt.ms(prefillCompute)
                    + " + " + req.tokensOut() + " × " + Fmt.ms(step(batch))
                    + " (continuous batching: the requests in flight are replaced once a cycle, their prefills interleaved)"));
            steps.add(new Step("time to first token p99", Fmt.plain(ttftMsP99()) + " ms", Fmt.plain(defaults.p99OverMean())
                    + " × (prefill + wait for the other requests' prefills ahead, M/D/1 at their load " + Fmt.pct(othersLoad(batch)) + ") = "
                    + Fmt.plain(defaults.p99OverMean()) + " × (" + Fmt.ms(prefill) + " + " + Fmt.ms(prefillWait(batch)) + ")"
                    + missed(ttftMsP99(), req.ttftTargetMs())));
            steps.add(new Step("time per output token p99", Fmt.plain(tpotMsP99()) + " ms", Fmt.plain(defaults.p99OverMean())
                    + " × (cycle − own prefill compute) ÷ tokens_out: the decode step plus the other requests' prefills"
                    + missed(tpotMsP99(), req.tpotTargetMs())));
            steps.add(new Step("latency p99", Fmt.plain(latencyMsP99()) + " ms", Fmt.plain(defaults.p99OverMean())
                    + " × (time to first token + tokens_out × time per output token), means (mlplan rule of thumb: p99 = "
                    + Fmt.plain(defaults.p99OverMean()) + " × mean under load)"
                    + missed(latencyMsP99(), req.latencyTargetMs())));
            steps.add(new Step("tokens per second", Fmt.plain(replicas * tokensPerSecond()), (replicas > 1 ? replicas + " replicas × " : "")
                    + "batch × tokens_out ÷ cycle = " + (replicas > 1 ? replicas + " × " : "") + batch + " × " + req.tokensOut() + " ÷ "
                    + Fmt.ms(cycle(batch))));
            steps.add(new Step("requests per second", Fmt.plain(replicas * requestsPerSecond()), "tokens per second ÷ tokens_out"));
        }
    }

    private InferenceEstimate serveOneShot(InferenceRequirements req, Device d, OptionalInt fixedBatch, List<Step> steps) {
        ResolvedModel m = req.model();
        double weightsNeeded = d.weightFactor() * req.weightBytes();
        double work = req.workingBytesPerRequest();
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
            return new InferenceEstimate(false, needed / Fmt.GIB, available / Fmt.GIB, 0, 0, 0, 0, 0, done(steps));
        }
        double replicaPeak = replicas ? d.peakFlopsPerChip() : d.peakFlopsPerChip() * d.count() * d.tpEfficiency();
        boolean calibrated = req.servingUtilisation() > 0 && !"cpu".equals(d.kind());
        double util = calibrated ? req.servingUtilisation() : d.oneShotUtil();
        double cal = req.calibration();
        double perRequest = req.flopsPerRequest() / (util * replicaPeak) / cal;
        // a forward pass's fixed cost per layer: latency only, which batching and concurrent streams hide in throughput
        double fixed = m.isTransformer() ? m.layers() * defaults.layerLatencyMs() / 1000 / cal : 0;
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
                if (req.latencyTargetMs() <= 0 || defaults.p99OverMean() * (fixed + b * perRequest) * 1000 <= req.latencyTargetMs()) {
                    batch = b;
                }
            }
            // text for the steps only: not formatted when they are not written
            rule = steps == null ? null : "largest power of two ≤ " + defaults.maxBatch() + " whose working memory fits"
                    + (req.latencyTargetMs() > 0 ? " and whose p99 meets " + Fmt.plain(req.latencyTargetMs()) + " ms" : "");
        }
        double rps = replicaCount / perRequest;
        double mean = fixed + batch * perRequest;
        double p99Ms = defaults.p99OverMean() * mean * 1000;
        if (steps != null) {
            steps.add(new Step("compute peak per replica", Fmt.plain(replicaPeak / 1e12) + " TFLOPS", d.peakRule().get()));
            steps.add(new Step("batch", String.valueOf(batch), rule));
            steps.add(new Step("requests per second", Fmt.plain(rps), replicaCount + " × utilisation × peak ÷ FLOPs per request = " + replicaCount
                    + " × " + Fmt.plain(util) + " × " + dev.mlplan.util.Fmt.flopRate(replicaPeak) + " ÷ " + dev.mlplan.util.Fmt.flops(req.flopsPerRequest())
                    + (cal != 1 ? " × speech calibration " + Fmt.plain(cal) : "") + " (utilisation: "
                    + (calibrated ? req.servingUtilisationSource() : "cpu".equals(d.kind()) ? "mlplan default on CPUs"
                            : "mlplan default for batched one-shot models") + ")"));
            steps.add(new Step("latency p99", Fmt.plain(p99Ms) + " ms", Fmt.plain(defaults.p99OverMean())
                    + (fixed > 0 ? " × (layers × fixed time per layer + batch × FLOPs per request ÷ (utilisation × peak)) = "
                            + Fmt.plain(defaults.p99OverMean()) + " × (" + m.layers() + " × " + Fmt.plain(defaults.layerLatencyMs()) + " ms + "
                            : " × batch × FLOPs per request ÷ (utilisation × peak) = " + Fmt.plain(defaults.p99OverMean()) + " × (")
                    + batch + " × " + Fmt.ms(perRequest * cal) + ")" + calibrated(cal) + " (a request waits for its whole batch; p99 = "
                    + Fmt.plain(defaults.p99OverMean()) + " × mean, mlplan rule of thumb"
                    + (fixed > 0 ? "; the fixed time per layer, kernel launches and synchronisation, is calibrated on TensorRT BERT at batch 1"
                            + " (docs/accuracy.md)" : "") + ")"));
        }
        return new InferenceEstimate(true, needed / Fmt.GIB, available / Fmt.GIB, batch, 0, rps, p99Ms, mean * 1000,
                replicas ? 1 : d.count(), replicaCount, 0, 0, done(steps));
    }

    /** " ÷ speech calibration 0.144" after a time's formula when the model is calibrated, else "". */
    private static String calibrated(double calibration) {
        return calibration != 1 ? " ÷ speech calibration " + Fmt.plain(calibration) : "";
    }

    /** Activations live during one forward pass: about a quarter of the training figure (nothing kept for backward). */
    private double workingBytesPerRequest(ResolvedModel m, int tokensIn) {
        if (m.isTransformer() && m.forwardFlopsPerSample() <= 0) {
            int s = tokensIn > 0 ? tokensIn : Math.max(1, m.contextLength());
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
