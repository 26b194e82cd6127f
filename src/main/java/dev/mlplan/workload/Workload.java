package dev.mlplan.workload;

import java.util.List;
import java.util.Optional;

/**
 * A parsed and validated workload file (schema version 1 or 2, see docs/design.md). Every section but
 * {@code version} and {@code name} is optional; at least one of training, inference and storage is
 * present. From version 2 each of training, inference and storage may be a list of named items, each
 * planned as its own part; version 1 has at most one item of each, unnamed.
 *
 * @param file the file it was read from, as given by the user (for messages and reports)
 * @param regions the regions to consider; {@link #ANY_REGION} alone means every catalog region
 * @param trainings the training items in file order (empty when there is none)
 * @param inferences the inference items in file order
 * @param storages the storage items in file order
 */
public record Workload(
        String file,
        int version,
        String name,
        String description,
        List<String> regions,
        Optional<Budget> budget,
        Constraints constraints,
        Optional<LocalMachine> local,
        Optional<Assumptions> assumptions,
        List<Named<Training>> trainings,
        List<Named<Inference>> inferences,
        List<Named<Storage>> storages,
        List<Named<Batch>> batches,
        Platform platform) {

    public static final String ANY_REGION = "any";

    /** A workload without network, orchestration or observability keys: their defaults. */
    public Workload(String file, int version, String name, String description, List<String> regions, Optional<Budget> budget,
            Constraints constraints, Optional<LocalMachine> local, Optional<Assumptions> assumptions, List<Named<Training>> trainings,
            List<Named<Inference>> inferences, List<Named<Storage>> storages, List<Named<Batch>> batches) {
        this(file, version, name, description, regions, budget, constraints, local, assumptions, trainings, inferences, storages, batches,
                Platform.DEFAULTS);
    }

    public Workload {
        trainings = List.copyOf(trainings);
        inferences = List.copyOf(inferences);
        storages = List.copyOf(storages);
        batches = List.copyOf(batches);
        platform = platform == null ? Platform.DEFAULTS : platform;
    }

    /** A workload with at most one item of each part, unnamed: the shape of schema version 1. */
    public Workload(String file, int version, String name, String description, List<String> regions, Optional<Budget> budget,
            Constraints constraints, Optional<LocalMachine> local, Optional<Assumptions> assumptions, Optional<Training> training,
            Optional<Inference> inference, Optional<Storage> storage) {
        this(file, version, name, description, regions, budget, constraints, local, assumptions, Named.single(training),
                Named.single(inference), Named.single(storage), List.of());
    }

    /** The first training item, the only one in a version-1 file; a planner plans every one of {@link #trainings}. */
    public Optional<Training> training() {
        return Named.first(trainings);
    }

    /** The first inference item, the only one in a version-1 file; a planner plans every one of {@link #inferences}. */
    public Optional<Inference> inference() {
        return Named.first(inferences);
    }

    /** The first storage item, the only one in a version-1 file; a planner plans every one of {@link #storages}. */
    public Optional<Storage> storage() {
        return Named.first(storages);
    }

    /** The first batch job; a planner plans every one of {@link #batches}. */
    public Optional<Batch> batch() {
        return Named.first(batches);
    }

    /** This workload read from {@code newFile} (as the user named it). */
    public Workload withFile(String newFile) {
        return new Workload(newFile, version, name, description, regions, budget, constraints, local, assumptions, trainings, inferences,
                storages, batches, platform);
    }

    /** This workload with other assumptions. */
    public Workload withAssumptions(Optional<Assumptions> newAssumptions) {
        return new Workload(file, version, name, description, regions, budget, constraints, local, newAssumptions, trainings, inferences,
                storages, batches, platform);
    }

    /**
     * This workload with other part lists: a planner plans one item at a time with a view that holds
     * only that item of its kind, so that every rule reading {@link #training()} (or the others)
     * sees the item being planned.
     */
    public Workload withParts(List<Named<Training>> newTrainings, List<Named<Inference>> newInferences, List<Named<Storage>> newStorages) {
        return new Workload(file, version, name, description, regions, budget, constraints, local, assumptions, newTrainings, newInferences,
                newStorages, batches, platform);
    }

    /** This workload with other batch jobs (a planner's view of one batch job). */
    public Workload withBatches(List<Named<Batch>> newBatches) {
        return new Workload(file, version, name, description, regions, budget, constraints, local, assumptions, trainings, inferences, storages,
                newBatches, platform);
    }

    /**
     * One item of a part: training, inference, storage or batch given as one mapping (name optional) or as
     * an item of a list (name required, unique within the file; schema version 2).
     */
    public record Named<T>(Optional<String> name, T value) {
        public static <T> Named<T> of(T value) {
            return new Named<>(Optional.empty(), value);
        }

        static <T> List<Named<T>> single(Optional<T> value) {
            return value.isPresent() ? List.of(of(value.get())) : List.of();
        }

        static <T> Optional<T> first(List<Named<T>> items) {
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0).value());
        }
    }

    public boolean anyRegion() {
        return regions.size() == 1 && ANY_REGION.equals(regions.get(0));
    }

    /** budget: a monthly limit and the fraction of it at which mlplan warns. */
    public record Budget(Money monthly, Percent warnAt) {}

    /**
     * constraints: what the user allows. Empty include means every family.
     *
     * @param maxNodes the most instances one training run or one inference fleet may use
     * @param pricing the pricing models allowed ({@code constraints.pricing}, names as written, such as
     *     "on-demand" or "reserved-1y"); empty when not given: every model is compared
     * @param maxUpfront the most cash an option may need up front ({@code constraints.max_upfront}); empty for no limit
     * @param residency geographies or region codes where data may be stored and processed ({@code constraints.residency},
     *     see {@link dev.mlplan.workload.Geography}); empty for anywhere
     * @param computeFollowsData whether compute must run inside the residency too ({@code constraints.compute_follows_data})
     */
    public record Constraints(boolean allowSpot, List<String> includeFamilies, List<String> excludeFamilies, int maxNodes, List<String> pricing,
            Optional<Money> maxUpfront, List<String> residency, boolean computeFollowsData) {
        public static final int DEFAULT_MAX_NODES = 16;

        /** Without a residency rule (issue 20 item 6): data and compute may be anywhere. */
        public Constraints(boolean allowSpot, List<String> includeFamilies, List<String> excludeFamilies, int maxNodes, List<String> pricing,
                Optional<Money> maxUpfront) {
            this(allowSpot, includeFamilies, excludeFamilies, maxNodes, pricing, maxUpfront, List.of(), true);
        }

        /**
         * The pricing models {@code constraints.pricing} (and {@code check --pricing}) may name: the names, each
         * standing for every payment option of its kind, then the catalog's precise ids (one payment option, one
         * savings plan kind). dev.mlplan.plan.PricingPolicy maps each to catalog pricing models (docs/limits.md,
         * Pricing policy).
         */
        public static final List<String> PRICING_NAMES = List.of(
                "on-demand", "spot", "reserved-1y", "reserved-3y", "savings-plan-1y", "savings-plan-3y", "capacity-block",
                "reserved-1y-no-upfront", "reserved-1y-partial-upfront", "reserved-1y-all-upfront",
                "reserved-3y-no-upfront", "reserved-3y-partial-upfront", "reserved-3y-all-upfront",
                "savings-plan-compute-1y", "savings-plan-compute-3y", "savings-plan-instance-1y", "savings-plan-instance-3y");

        /** Without a pricing policy or upfront limit. */
        public Constraints(boolean allowSpot, List<String> includeFamilies, List<String> excludeFamilies, int maxNodes) {
            this(allowSpot, includeFamilies, excludeFamilies, maxNodes, List.of(), Optional.empty());
        }

        public static Constraints defaults() {
            return new Constraints(true, List.of(), List.of(), DEFAULT_MAX_NODES);
        }

        public boolean allowsFamily(String family) {
            if (excludeFamilies.contains(family)) {
                return false;
            }
            return includeFamilies.isEmpty() || includeFamilies.contains(family);
        }
    }

    /**
     * local: an owned machine, for break-even.
     *
     * @param idlePower power drawn while the machine is on but not working; empty means it is off
     *     when idle (mlplan then charges power only while it works)
     */
    public record LocalMachine(
            String accelerator,
            int count,
            Money hardwareCost,
            TimeSpan amortization,
            Power power,
            Optional<Power> idlePower,
            EnergyPrice electricity,
            MoneyRate operations) {

        /**
         * How an accelerator name is matched against the catalog's, when the file is read and when the
         * machine is planned: case, '-' and spaces ignored ("RTX 4090" is rtx-4090).
         */
        public static String acceleratorKey(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }

    /**
     * assumptions: overrides of estimation defaults. Empty means mlplan's default for the
     * accelerator class (see the estimate package).
     */
    public record Assumptions(
            Optional<Double> mfu,
            Optional<Double> mbu,
            Optional<Double> multiNodeEfficiency,
            Optional<Percent> servingHeadroom,
            Optional<TimeSpan> spotRestart,
            Optional<Double> decodeRatePerVcpu) {
        public Assumptions(Optional<Double> mfu, Optional<Double> mbu, Optional<Double> multiNodeEfficiency, Optional<Percent> servingHeadroom,
                Optional<TimeSpan> spotRestart) {
            this(mfu, mbu, multiNodeEfficiency, servingHeadroom, spotRestart, Optional.empty());
        }

        public static Assumptions none() {
            return new Assumptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * A model's architecture. {@code TREE} (gradient-boosted trees: XGBoost, LightGBM) and
     * {@code LINEAR} (linear models trained by SGD: scikit-learn's class) are classical models
     * costed per row and feature ({@link Tabular}), trained only.
     */
    public enum Architecture {
        TRANSFORMER, CNN, OTHER, TREE, LINEAR;

        /** Whether this is a classical (tabular) model: gradient-boosted trees or a linear model. */
        public boolean tabular() {
            return this == TREE || this == LINEAR;
        }
    }

    public enum Precision {
        FP32("fp32", 4), TF32("tf32", 4), BF16("bf16", 2), FP16("fp16", 2), FP8("fp8", 1), INT8("int8", 1), INT4("int4", 0.5);

        private final String yamlName;
        private final double bytes;

        Precision(String yamlName, double bytes) {
            this.yamlName = yamlName;
            this.bytes = bytes;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Bytes per weight or activation value at this precision. */
        public double bytes() {
            return bytes;
        }
    }

    /**
     * A model, by preset name or by its fields. Fields given beside a preset override the preset's.
     *
     * @param parameters total parameters (for mixture-of-experts, all experts)
     * @param flopsPerSample forward FLOPs per sample (for CNNs and other non-token models)
     * @param contextLength the most tokens the model attends to (prompt and output together); empty
     *     means the preset's
     */
    public record ModelSpec(
            Optional<String> preset,
            Optional<Double> parameters,
            Optional<Architecture> architecture,
            Optional<Integer> layers,
            Optional<Integer> hidden,
            Optional<Integer> heads,
            Optional<Integer> kvHeads,
            Optional<Double> flopsPerSample,
            Precision precision,
            Optional<Integer> contextLength) {

        /** A model that does not give its context length. */
        public ModelSpec(Optional<String> preset, Optional<Double> parameters, Optional<Architecture> architecture, Optional<Integer> layers,
                Optional<Integer> hidden, Optional<Integer> heads, Optional<Integer> kvHeads, Optional<Double> flopsPerSample, Precision precision) {
            this(preset, parameters, architecture, layers, hidden, heads, kvHeads, flopsPerSample, precision, Optional.empty());
        }
    }

    public enum Method { FULL, LORA, QLORA }

    /** dataset: size, and tokens (transformers) or samples (CNNs). */
    public record Dataset(DataSize size, Optional<Double> tokens, Optional<Double> samples, String location) {}

    /** Where a per-sample (image) model's input is decoded and augmented: on the host's CPUs, or on the GPU (DALI/nvJPEG). */
    public enum DataPipeline { CPU, GPU }

    /**
     * A classical model's shape (training.model.architecture tree or linear): the training set's
     * rows and features (training.dataset.rows, .features) and, for trees, boosting rounds and depth
     * (training.model.rounds, .depth).
     *
     * @param featuresGiven whether the features came from the workload (else derived from dataset.size)
     */
    public record Tabular(Architecture architecture, double rows, int features, boolean featuresGiven, int rounds, int depth) {
        /** XGBoost's default max_depth (XGBoost parameter docs). */
        public static final int DEFAULT_DEPTH = 6;
        /** Boosting rounds when the workload gives none: 1,000, a common early-stopping ceiling (see docs/estimation.md). */
        public static final int DEFAULT_ROUNDS = 1000;
        /** Bytes per stored value mlplan assumes when deriving features from dataset.size: 4 (float32, binary such as Parquet or NumPy). */
        public static final double STORED_BYTES_PER_VALUE = 4;

        public boolean trees() {
            return architecture == Architecture.TREE;
        }

        /** rows × features: the values of the training set. */
        public double values() {
            return rows * features;
        }
    }

    /**
     * @param dataPipeline where images are decoded and augmented (training.data_pipeline)
     * @param trials runs of the job in one sweep (training.trials, 1 unless a sweep)
     * @param concurrency how many of them run at once (training.concurrency, at most trials)
     * @param tabular a tree or linear model's shape; empty for neural networks
     * @param keepLast checkpoints kept on S3 ({@code training.keep_last}); older ones are deleted
     */
    public record Training(
            ModelSpec model,
            Method method,
            Dataset dataset,
            Optional<Integer> sequenceLength,
            double epochs,
            double runsPerMonth,
            Optional<TimeSpan> deadline,
            Optional<TimeSpan> checkpointEvery,
            boolean interruptible,
            boolean deadlineHard,
            DataPipeline dataPipeline,
            int trials,
            int concurrency,
            Optional<Tabular> tabular,
            int keepLast) {

        /** Checkpoints kept when {@code training.keep_last} is not given (docs/bill.md, Checkpoints). */
        public static final int DEFAULT_KEEP_LAST = 2;

        /** A job with the default checkpoint retention. */
        public Training(ModelSpec model, Method method, Dataset dataset, Optional<Integer> sequenceLength, double epochs, double runsPerMonth,
                Optional<TimeSpan> deadline, Optional<TimeSpan> checkpointEvery, boolean interruptible, boolean deadlineHard,
                DataPipeline dataPipeline, int trials, int concurrency, Optional<Tabular> tabular) {
            this(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible, deadlineHard,
                    dataPipeline, trials, concurrency, tabular, DEFAULT_KEEP_LAST);
        }

        /** A neural-network training job decoding its samples on the CPU (the default), run once each time. */
        public Training(ModelSpec model, Method method, Dataset dataset, Optional<Integer> sequenceLength, double epochs, double runsPerMonth,
                Optional<TimeSpan> deadline, Optional<TimeSpan> checkpointEvery, boolean interruptible, boolean deadlineHard) {
            this(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible, deadlineHard,
                    DataPipeline.CPU, 1, 1, Optional.empty());
        }

        /** The same job with its samples decoded where {@code pipeline} says. */
        public Training withDataPipeline(DataPipeline pipeline) {
            return new Training(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible,
                    deadlineHard, pipeline, trials, concurrency, tabular, keepLast);
        }

        /** The same job as a sweep of {@code trials} runs, {@code concurrency} at a time. */
        public Training withTrials(int trials, int concurrency) {
            return new Training(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible,
                    deadlineHard, dataPipeline, trials, concurrency, tabular, keepLast);
        }

        /** Whether this is a sweep of several runs (training.trials above 1). */
        public boolean isSweep() {
            return trials > 1;
        }

        /** Runs of the job a month: runs_per_month × trials (each sweep runs every trial). */
        public double trialsPerMonth() {
            return runsPerMonth * trials;
        }

        /** Waves of runs one sweep takes: ceil(trials ÷ concurrency); 1 for a single run. */
        public int waves() {
            return (trials + concurrency - 1) / concurrency;
        }

        /** Wall-clock hours of one sweep whose runs take {@code runHours} each: waves × run hours. */
        public double sweepHours(double runHours) {
            return waves() * runHours;
        }

        /** "12 trials, 4 at a time: 3 waves × 5.2 h = 15.6 h" (or "4 trials at once: 5.2 h"). */
        public String sweepText(double runHours) {
            String hours = dev.mlplan.util.Fmt.sig(runHours) + " h";
            if (waves() == 1) {
                return trials + " trials at once: " + hours;
            }
            return trials + " trials, " + concurrency + " at a time: " + waves() + " waves × " + hours + " = "
                    + dev.mlplan.util.Fmt.sig(sweepHours(runHours)) + " h";
        }

        /** A training job whose deadline may slip after an unlucky spot interruption (the default). */
        public Training(ModelSpec model, Method method, Dataset dataset, Optional<Integer> sequenceLength, double epochs, double runsPerMonth,
                Optional<TimeSpan> deadline, Optional<TimeSpan> checkpointEvery, boolean interruptible) {
            this(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible, false);
        }

    }

    /**
     * What answers a service's requests in front of it (issue 20 item 1, docs/bill.md): a Lambda
     * function URL (no charge), an API Gateway HTTP or REST API (per request), an Application or
     * Network Load Balancer (per hour and capacity unit), or nothing mlplan prices.
     */
    public enum Front {
        FUNCTION_URL, API_GATEWAY_HTTP, API_GATEWAY_REST, ALB, NLB, NONE;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How a part's instances reach S3 (issue 20 item 2, docs/bill.md). */
    public enum S3Access {
        GATEWAY_ENDPOINT, INTERFACE_ENDPOINT, NAT_GATEWAY, INTERNET;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What runs the containers: an EKS cluster (a control-plane charge), ECS (none) or neither. */
    public enum Orchestration { EKS, ECS, NONE }

    /**
     * The workload-wide keys of issue 20 items 2 and 3: {@code network.s3_access}, {@code orchestration},
     * {@code observability.log_bytes_per_request} and {@code observability.retention}.
     */
    public record Platform(S3Access s3Access, Orchestration orchestration, DataSize logBytesPerRequest, TimeSpan logRetention) {
        /** The key table's defaults: gateway endpoint, no orchestrator, 300 bytes of logs per request kept 30 days. */
        public static final Platform DEFAULTS = new Platform(S3Access.GATEWAY_ENDPOINT, Orchestration.NONE, new DataSize(300),
                new TimeSpan(30 * 86400.0));
    }

    public enum Pattern { STEADY, DIURNAL, SPORADIC }

    public record Traffic(Rate average, Rate peak, Pattern pattern) {}

    public enum Availability { SINGLE, MULTI_AZ }

    /**
     * inference: a model served to requests.
     *
     * @param steps denoising steps per image (diffusion presets only); empty means the preset's default
     * @param resolution image side in pixels (diffusion presets only); empty means the preset's native one
     * @param ttftP99 target for the p99 time to first token (token-generating models only)
     * @param tpotP99 target for the p99 time per output token (token-generating models only)
     */
    public record Inference(
            ModelSpec model,
            Traffic traffic,
            Optional<Integer> tokensIn,
            Optional<Integer> tokensOut,
            Optional<Integer> steps,
            Optional<Integer> resolution,
            Optional<TimeSpan> latencyP99,
            Availability availability,
            double hoursPerDay,
            Optional<TimeSpan> ttftP99,
            Optional<TimeSpan> tpotP99,
            Optional<Front> front,
            DataSize bytesPerRequest) {

        /** Request and response bytes through the front door when inference.bytes_per_request is absent. */
        public static final DataSize DEFAULT_BYTES_PER_REQUEST = new DataSize(10_000);

        public Inference {
            front = front == null ? Optional.empty() : front;
            bytesPerRequest = bytesPerRequest == null ? DEFAULT_BYTES_PER_REQUEST : bytesPerRequest;
        }

        /** A service with the default front door for its service and the default request size. */
        public Inference(ModelSpec model, Traffic traffic, Optional<Integer> tokensIn, Optional<Integer> tokensOut, Optional<Integer> steps,
                Optional<Integer> resolution, Optional<TimeSpan> latencyP99, Availability availability, double hoursPerDay,
                Optional<TimeSpan> ttftP99, Optional<TimeSpan> tpotP99) {
            this(model, traffic, tokensIn, tokensOut, steps, resolution, latencyP99, availability, hoursPerDay, ttftP99, tpotP99,
                    Optional.empty(), DEFAULT_BYTES_PER_REQUEST);
        }

        /** A service with no time-to-first-token or time-per-output-token target. */
        public Inference(ModelSpec model, Traffic traffic, Optional<Integer> tokensIn, Optional<Integer> tokensOut, Optional<Integer> steps,
                Optional<Integer> resolution, Optional<TimeSpan> latencyP99, Availability availability, double hoursPerDay) {
            this(model, traffic, tokensIn, tokensOut, steps, resolution, latencyP99, availability, hoursPerDay, Optional.empty(), Optional.empty());
        }
    }

    public enum Access { FREQUENT, INFREQUENT, ARCHIVE }

    public record Transfer(DataRate crossAz, DataRate crossRegion, DataRate internet) {
        public static Transfer none() {
            return new Transfer(new DataRate(0), new DataRate(0), new DataRate(0));
        }
    }

    /**
     * storage: data kept, and how hard it is read.
     *
     * @param reads object GETs per second at peak
     * @param writes object PUTs per second at peak
     * @param iops block IOPS one instance needs
     * @param throughput bytes per second one instance needs
     * @param sharedBy instances that read the same data at once
     * @param serves the name of the training or inference item whose best option this storage follows
     *     (region, readers, hours read); empty means the first training item, else the first inference item
     * @param lifecycle the S3 lifecycle policy ({@code storage.lifecycle}) with the object size or count it is priced on
     */
    public record Storage(
            DataSize data,
            DataRate growth,
            Rate reads,
            Rate writes,
            int prefixes,
            Optional<Double> iops,
            Optional<DataRate> throughput,
            int sharedBy,
            Access access,
            Transfer transfer,
            Optional<String> serves,
            Lifecycle lifecycle) {

        /** Storage without a lifecycle policy. */
        public Storage(DataSize data, DataRate growth, Rate reads, Rate writes, int prefixes, Optional<Double> iops,
                Optional<DataRate> throughput, int sharedBy, Access access, Transfer transfer, Optional<String> serves) {
            this(data, growth, reads, writes, prefixes, iops, throughput, sharedBy, access, transfer, serves, Lifecycle.none());
        }

        /** Storage that follows the workload's first compute part (all that schema version 1 can say). */
        public Storage(DataSize data, DataRate growth, Rate reads, Rate writes, int prefixes, Optional<Double> iops,
                Optional<DataRate> throughput, int sharedBy, Access access, Transfer transfer) {
            this(data, growth, reads, writes, prefixes, iops, throughput, sharedBy, access, transfer, Optional.empty());
        }
    }

    /**
     * One S3 lifecycle transition: objects move to {@code storageClass} ("standard-ia", "onezone-ia",
     * "intelligent-tiering", "glacier-ir", "glacier-flexible", "deep-archive") {@code afterDays} days after they were written.
     */
    public record Transition(double afterDays, String storageClass) {}

    /**
     * storage.lifecycle: transitions ordered by age, and what the per-object charges (transition
     * requests, Intelligent-Tiering monitoring, the 128 KB minimum billable size) are priced on.
     *
     * @param objectSize average object size ({@code storage.object_size}); empty when not given
     * @param objects objects stored ({@code storage.objects}); empty when not given
     */
    public record Lifecycle(List<Transition> transitions, Optional<DataSize> objectSize, Optional<Double> objects) {
        public static Lifecycle none() {
            return new Lifecycle(List.of(), Optional.empty(), Optional.empty());
        }

        public boolean isEmpty() {
            return transitions.isEmpty();
        }
    }

    /**
     * batch: an offline inference job over a set of items, run on a schedule and sized by its deadline.
     *
     * @param items items (documents, audio files, images) per run
     * @param tokensIn prompt or document tokens per item; empty means the model's default
     * @param tokensOut generated tokens per item; 0 for encoders and embedding models; empty means the model's default
     * @param audioSeconds audio length per item, for speech presets
     * @param steps denoising steps per image (diffusion presets only), as {@code inference.steps}
     * @param resolution image side in pixels (diffusion presets only), as {@code inference.resolution}
     * @param deadline each run must finish within this; empty means one instance, however long it takes
     * @param inputPerItem bytes read per item; empty means mlplan's estimate for the model's kind
     * @param outputPerItem bytes written per item; empty means mlplan's estimate for the model's kind
     */
    public record Batch(
            ModelSpec model,
            double items,
            Optional<Integer> tokensIn,
            Optional<Integer> tokensOut,
            Optional<Double> audioSeconds,
            Optional<Integer> steps,
            Optional<Integer> resolution,
            Optional<TimeSpan> deadline,
            double runsPerMonth,
            boolean interruptible,
            Optional<DataSize> inputPerItem,
            Optional<DataSize> outputPerItem) {}
}
