package dev.mlplan.estimate;

/**
 * The defaults behind mlplan's estimates that a workload's {@code assumptions} section does not
 * cover. {@link #standard()} holds mlplan's choices; each is stated in the steps it affects, and
 * docs/estimation.md (Formulas and their sources) and docs/accuracy.md give their sources.
 *
 * @param usableMemoryFraction share of accelerator memory training may fill (allocator
 *     fragmentation, NCCL buffers): 0.95
 * @param frameworkOverheadGiB CUDA/Neuron context and framework per accelerator: 1 GiB
 *     (docs/estimation.md, Formulas and their sources: 0.5–1 GB)
 * @param sequenceCap sequence length used when the training workload gives none: the model's
 *     context, at most this (4,096)
 * @param loraAdapterFraction LoRA adapter parameters as a share of the model (0.5–1%; 1% chosen to
 *     stay on the safe side of memory)
 * @param fallbackMfu training MFU when neither the workload nor the accelerator gives one (0.40,
 *     docs/estimation.md, Formulas and their sources)
 * @param cnnTrainingMfu training MFU of convolutional and other non-transformer models when the
 *     workload sets none: 0.20 (NVIDIA DeepLearningExamples ResNet-50 with AMP and DALI: 1,200 img/s on
 *     a V100 = 0.24, 2,470 img/s on an A100 = 0.19 of the BF16/FP16 peak; docs/accuracy.md)
 * @param efaDoublingEfficiency multi-node efficiency per doubling of nodes with EFA: 0.98 (MosaicML's
 *     MPT-13B at 8 to 64 H100 and MPT-7B at 8 to 128 A100 keep their per-GPU throughput; MLPerf GPT-3
 *     from 3,584 to 11,616 H100 kept 93%: docs/accuracy.md)
 * @param noEfaDoublingEfficiency multi-node efficiency per doubling of nodes without EFA (0.80)
 * @param cpuGflopsPerVcpu dense FP32 peak per vCPU: AVX-512 at ~3 GHz, 2 FMA units × 16 lanes × 2
 *     FLOPs = 64 FLOPs/cycle per core, a vCPU is half a core → 96 GFLOPS
 * @param cpuMfu utilisation of that peak on CPUs (training and inference): 0.30
 * @param cpuBandwidthGBsPerVcpu memory bandwidth per vCPU: ~5 GB/s (a 2-socket DDR5 server gives
 *     ~300–500 GB/s to ~100–200 vCPUs, less under contention)
 * @param cpuBandwidthCapGBs bandwidth cap for one CPU instance: 300 GB/s
 * @param cpuLoadFactor memory needed while loading a model on CPU, × weights: 2 (docs/limits.md,
 *     Lambda: a cloud ML-systems lecture)
 * @param cpuRuntimeGiB memory of the serving process before the model (Python, PyTorch CPU
 *     libraries): 0.35 GiB, mlplan's assumption from typical import footprints
 * @param inferenceMemoryFactor inference memory × weights (EleutherAI Transformer Math 101): 1.2
 * @param fallbackMbu decode MBU when neither the workload nor the accelerator gives one: 0.5
 *     (tuned stacks, docs/estimation.md, Formulas and their sources)
 * @param kvReadMbu memory-bandwidth utilisation of the KV-cache reads of a decode step: 0.8 (paged
 *     attention over many sequences keeps the memory busy, unlike the weights' matrix-vector products;
 *     calibrated on the large-batch throughput cases of docs/accuracy.md: TensorRT-LLM on A100, L40S
 *     and H100, 2,048 output tokens)
 * @param inferenceMfu utilisation of dense peak in prefill and in the compute term of decode: 0.5
 * @param tensorParallelFreeUpTo chips over which the MBU defaults were measured (Databricks: 55%
 *     MBU on 4×A100), so no extra tensor-parallel loss is charged up to this count: 4
 * @param tensorParallelLatencyRatio latency ratio when tensor parallelism doubles beyond that
 *     (Databricks: 4→8 GPUs cut latency only to 0.7×): 0.7
 * @param neuronTensorParallelFreeUpTo the same for Trainium and Inferentia chips, whose NeuronLink
 *     ring is built for tensor parallelism across a whole trn1/inf2.48xlarge: 16 (AWS Neuron's Llama 2
 *     13B at TP 32 NeuronCores on trn1.32xlarge, 6.6 ms per token: docs/accuracy.md)
 * @param p99OverMean p99 latency as a multiple of the mean under load: 1.5
 * @param oneShotUtilisation share of dense peak one-shot models (CNN, BERT) reach when batched: 0.4
 * @param maxBatch largest batch considered for serving: 256
 * @param activationBytesPerForwardFlop training activation bytes per forward FLOP for per-sample
 *     models without a preset figure: resnet-50's 100 MB per 8.2 GFLOPs ≈ 0.0122
 * @param microBatch default micro-batch for per-sample models (CNNs): 32
 * @param bytesPerToken text bytes per token when a dataset gives only its size: 4 (English BPE)
 * @param llmTokensIn prompt tokens assumed for generative models when the workload gives none: 512
 * @param encoderTokensIn input tokens assumed for encoders (BERT) when the workload gives none: 128
 * @param layerLatencyMs fixed time per transformer layer in each forward pass (kernel launches and
 *     synchronisation, which compute at batch 1 cannot hide): 0.04 ms. For a one-shot model it adds
 *     to latency, not to throughput (concurrent requests and streams overlap it); an LLM pays it in its
 *     prefill and in every decode step. Calibrated on TensorRT BERT-base and BERT-large at batch 1 on
 *     an A100 (0.64 and 1.67 ms: docs/accuracy.md cases 12a, 12c); it also brings the LLM cases at
 *     concurrency 1 (3a, 3e, 7s, 7ze) into band
 * @param decodeRatePerVcpu samples per second one vCPU decodes and augments for per-sample (image)
 *     training on the CPU (JPEG decode, random-resized crop and flip at 224 px): 60. tensorpack's
 *     "Efficient DataFlow" tutorial (docs/tutorial/efficient-dataflow.md) measures its ImageNet pipeline
 *     (OpenCV decode plus the ResNet augmentations, 25 worker processes) at "1k ~ 2k images per
 *     second if you have good CPUs": 40–80 images/s per worker, 60 at the middle (docs/accuracy.md
 *     case 10f sets it). PyTorch DataLoader workers with Pillow-SIMD/libjpeg-turbo are of the same
 *     kind; NVIDIA's published ResNet-50 figures (DeepLearningExamples, MLPerf) decode on the GPU
 *     with DALI/nvJPEG, which {@code training.data_pipeline: gpu} selects
 */
public record EstimationDefaults(
        double usableMemoryFraction,
        double frameworkOverheadGiB,
        int sequenceCap,
        double loraAdapterFraction,
        double fallbackMfu,
        double cnnTrainingMfu,
        double efaDoublingEfficiency,
        double noEfaDoublingEfficiency,
        double cpuGflopsPerVcpu,
        double cpuMfu,
        double cpuBandwidthGBsPerVcpu,
        double cpuBandwidthCapGBs,
        double cpuLoadFactor,
        double cpuRuntimeGiB,
        double inferenceMemoryFactor,
        double fallbackMbu,
        double kvReadMbu,
        double inferenceMfu,
        int tensorParallelFreeUpTo,
        double tensorParallelLatencyRatio,
        int neuronTensorParallelFreeUpTo,
        double p99OverMean,
        double oneShotUtilisation,
        int maxBatch,
        double activationBytesPerForwardFlop,
        int microBatch,
        double bytesPerToken,
        int llmTokensIn,
        int encoderTokensIn,
        double layerLatencyMs,
        double decodeRatePerVcpu) {

    // ---- batch (offline inference) jobs: the figures an item is sized by when the workload does not say ----

    /**
     * Seconds of audio in one Whisper window: the model reads 30 s at a time (1,500 encoder frames;
     * openai/whisper-large-v3 model card), so an item of audio is ceil(seconds ÷ 30) requests.
     */
    public static final double SPEECH_WINDOW_SECONDS = 30;

    /**
     * Transcript tokens per second of speech when {@code batch.tokens_out} is not given: 150 words a
     * minute (the US English conversational average, National Center for Voice and Speech, as quoted at
     * lisabmarshall.com/2014/01/23/how-fast-do-i-speak-update) × 4/3 tokens per word (OpenAI, "What are
     * tokens": 1 token ≈ ¾ of a word) = 3.33 tokens/s, 100 per 30 s window.
     */
    public static final double SPEECH_TOKENS_PER_SECOND = 150.0 / 60 * 4 / 3;

    /**
     * Whisper large-v3's published batch throughput, the reference speech jobs are calibrated on:
     * 150 minutes of audio in 98 s on one A100-80GB (Transformers, fp16, batch 24, Flash Attention 2;
     * Vaibhavs10/insanely-fast-whisper README) = 91.8× real time, 3.06 windows of 30 s a second.
     * mlplan's encoder-decoder estimate (one transformer: prefill over the 1,500 encoder frames, then
     * decode) gives several times more there, as it leaves out the pipeline's feature extraction,
     * chunking and generation overheads. Every estimate of a speech (encoder-decoder) preset, served
     * or batch, is scaled by measured ÷ estimated on this reference
     * ({@link InferenceEstimator#speechCalibration()}; docs/accuracy.md, case 13c).
     */
    public static final double SPEECH_REFERENCE_REAL_TIME_FACTOR = 150.0 * 60 / 98;

    /** The accelerator of {@link #SPEECH_REFERENCE_REAL_TIME_FACTOR}. */
    public static final String SPEECH_REFERENCE_ACCELERATOR = "A100-80GB";

    /** The model of {@link #SPEECH_REFERENCE_REAL_TIME_FACTOR}, the preset its estimate is taken for. */
    public static final String SPEECH_REFERENCE_MODEL = "whisper-large-v3";

    /** The precision of {@link #SPEECH_REFERENCE_REAL_TIME_FACTOR} (fp16). */
    public static final dev.mlplan.workload.Workload.Precision SPEECH_REFERENCE_PRECISION = dev.mlplan.workload.Workload.Precision.FP16;

    /** Bytes per second of audio read: 16 kHz × 16-bit mono PCM, Whisper's input format (compressed audio is smaller). */
    public static final double AUDIO_BYTES_PER_SECOND = 16_000 * 2;

    /** Bytes per value of an embedding written out: fp32 (a 1,024-float embedding is 4 KB). */
    public static final double EMBEDDING_BYTES_PER_VALUE = 4;

    /** Bytes per pixel of a generated image: uncompressed 8-bit RGB, an upper bound (PNG and JPEG are smaller). */
    public static final double IMAGE_BYTES_PER_PIXEL = 3;

    /** Prompt tokens of an image-generation item: CLIP's 77-token context, the most a Stable Diffusion prompt holds. */
    public static final int IMAGE_PROMPT_TOKENS = 77;

    /**
     * Size of the S3 objects small items are packed into (JSONL, Parquet, tar shards): 8 MB, the AWS
     * CLI's default multipart chunk (docs.aws.amazon.com/cli/latest/topic/s3-config.html,
     * multipart_chunksize). An item at least this large is an object of its own. One GET per object
     * read, one PUT per object written.
     */
    public static final double BATCH_OBJECT_BYTES = 8e6;

    // ---- classical (tabular) training: architecture tree or linear (docs/estimation.md, Classical models) ----

    /**
     * Gradient-boosted trees on CPU: core-seconds per (row × feature × round × depth level), 7.5e-9.
     * Calibrated on LightGBM's published comparison (github.com/microsoft/LightGBM docs/Experiments.rst,
     * XGBoost master of 8 Mar 2020): xgboost_hist trains Higgs, 10,500,000 rows × 28 features, 500
     * rounds at max_leaves 255 (≈ depth 8), in 551.898 s with 16 threads on 2 × Xeon E5-2670 v3:
     * 551.898 × 16 ÷ (10.5e6 × 28 × 500 × 8) = 7.51e-9. Time linear in rounds × depth × non-missing
     * values follows the XGBoost paper's complexity (Chen &amp; Guestrin 2016, §4.1).
     */
    public static final double TREE_CORE_SECONDS_PER_VALUE = 551.898 * 16 / (10.5e6 * 28 * 500 * 8);

    /** Cores at which {@link #TREE_CORE_SECONDS_PER_VALUE} was measured (16 threads), up to which mlplan scales linearly. */
    public static final int TREE_LINEAR_CORES = 16;

    /**
     * Speed kept per doubling of cores beyond {@link #TREE_LINEAR_CORES} on one machine: 0.8, mlplan's
     * assumption. Histogram building is memory-bound and XGBoost's hist scales sub-linearly with threads
     * (hcho3/xgboost-fast-hist-perf-lab on a c5.9xlarge; a Xeon W-2295 stops gaining beyond 16 cores,
     * kezhaozhang.github.io 2022-06-16).
     */
    public static final double TREE_CORE_DOUBLING_EFFICIENCY = 0.8;

    /**
     * Data-parallel tree training across machines or GPUs, speed kept per doubling: 0.983. LightGBM's
     * parallel experiment (docs/Experiments.rst): Criteo, 1.7 billion rows × 67 features, 627.8 s per
     * tree on 1 machine, 42 s on 16: 627.8 ÷ (16 × 42) = 93.4% at 16 = 0.934^(1/4) per doubling. XGBoost
     * distributes the same way (Dask, Spark: histograms all-reduced across workers).
     */
    public static final double TREE_DATA_PARALLEL_DOUBLING_EFFICIENCY = Math.pow(627.8 / (16 * 42), 0.25);

    /**
     * One V100 running XGBoost {@code device=cuda} (gpu_hist) does the work of 96 CPU cores of hist:
     * szilard/GBM-perf (README, 2019-04-29), airline 10M rows, 100 trees, depth 10: 78 s on an
     * r4.8xlarge's 16 physical cores, 13 s on a p3.2xlarge's V100 → 78 × 16 ÷ 13 = 96.
     */
    public static final double TREE_V100_CORE_EQUIVALENTS = 78.0 * 16 / 13;

    /**
     * Memory bandwidth of the V100 behind {@link #TREE_V100_CORE_EQUIVALENTS}, GB/s; other GPUs scale by
     * their bandwidth (histogram building reads the quantised matrix once per level: memory-bound,
     * mlplan's assumption).
     */
    public static final double TREE_V100_BANDWIDTH_GBS = 900;

    /**
     * Host memory of CPU tree training per value (row × feature): 12.9 bytes. LightGBM's comparison
     * measured xgboost_hist's resident memory on Higgs at 3.784 GB for 10.5M × 28 values (3.784e9 ÷
     * 2.94e8 = 12.9 B): the float32 input, XGBoost's quantised copy (gradient index) and the
     * histograms. LightGBM used 0.868 GB (3 B per value) with two_round: a LightGBM run needs less.
     */
    public static final double TREE_HOST_BYTES_PER_VALUE = 3.784e9 / (10.5e6 * 28);

    /**
     * Host memory of GPU tree training per value: 4 bytes, the float32 matrix handed to XGBoost's
     * QuantileDMatrix, which quantises it on the device (XGBoost GPU docs' usage).
     */
    public static final double TREE_GPU_HOST_BYTES_PER_VALUE = 4;

    /**
     * GPU memory of tree training per value: 2 bytes. XGBoost GPU docs (Memory usage): the dataset is
     * stored on the device as compressed, quantised ELLPACK, "commonly 1/4 the space of a CSR matrix
     * stored in floating point" (4 B value + 4 B column index = 8 B → 2 B).
     */
    public static final double TREE_GPU_BYTES_PER_VALUE = 2;

    /**
     * Linear models (SGD, one core): seconds per (row × non-zero feature × epoch), 4.6e-9. Léon Bottou's
     * svmsgd on RCV1 (leon.bottou.org/projects/sgd, svm/README): epoch 1 over 781,265 documents in
     * 0.27 s; RCV1-v2 has 0.16% non-zero of 47,236 features (scikit-learn's RCV1 docs) = 75.6 per row:
     * 0.27 ÷ (781,265 × 75.6). SGD's updates are sequential: one core, one machine.
     */
    public static final double LINEAR_CORE_SECONDS_PER_VALUE = 0.27 / (781_265.0 * 47_236 * 0.0016);

    /** Host memory of linear training per value: 8 bytes (float64: scikit-learn's SGD estimators work in float64). */
    public static final double LINEAR_HOST_BYTES_PER_VALUE = 8;

    public static EstimationDefaults standard() {
        return new EstimationDefaults(0.95, 1.0, 4096, 0.01, 0.40, 0.20, 0.98, 0.80, 96.0, 0.30, 5.0, 300.0, 2.0, 0.35, 1.2, 0.5, 0.8, 0.5,
                4, 0.7, 16, 1.5, 0.4, 256, 100e6 / 8.2e9, 32, 4.0, 512, 128, 0.04, 60.0);
    }

    /** Tensor-parallel efficiency on {@code count} GPUs: 1 up to the free count, then 1/(2·ratio) per doubling. */
    public double tensorParallelEfficiency(int count) {
        return tensorParallelEfficiency(count, tensorParallelFreeUpTo);
    }

    /** Tensor-parallel efficiency on {@code count} chips of a kind ("gpu", "trainium", "inferentia"). */
    public double tensorParallelEfficiency(int count, String kind) {
        return tensorParallelEfficiency(count, tensorParallelFreeUpTo(kind));
    }

    /** Chips of a kind over which no tensor-parallel loss is charged: GPUs 4, Neuron chips 16. */
    public int tensorParallelFreeUpTo(String kind) {
        return "gpu".equals(kind) ? tensorParallelFreeUpTo : neuronTensorParallelFreeUpTo;
    }

    private double tensorParallelEfficiency(int count, int freeUpTo) {
        if (count <= freeUpTo) {
            return 1.0;
        }
        double doublings = Math.log((double) count / freeUpTo) / Math.log(2);
        return Math.pow(1.0 / (2.0 * tensorParallelLatencyRatio), doublings);
    }
}
