package dev.mlplan.estimate;

import static dev.mlplan.estimate.EstimationDefaults.LINEAR_CORE_SECONDS_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.LINEAR_HOST_BYTES_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.TREE_CORE_DOUBLING_EFFICIENCY;
import static dev.mlplan.estimate.EstimationDefaults.TREE_CORE_SECONDS_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.TREE_DATA_PARALLEL_DOUBLING_EFFICIENCY;
import static dev.mlplan.estimate.EstimationDefaults.TREE_GPU_BYTES_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.TREE_GPU_HOST_BYTES_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.TREE_HOST_BYTES_PER_VALUE;
import static dev.mlplan.estimate.EstimationDefaults.TREE_LINEAR_CORES;
import static dev.mlplan.estimate.EstimationDefaults.TREE_V100_BANDWIDTH_GBS;
import static dev.mlplan.estimate.EstimationDefaults.TREE_V100_CORE_EQUIVALENTS;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.Workload.Tabular;
import dev.mlplan.workload.Workload.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Run time and memory of classical models (architecture tree or linear) from published throughput
 * figures: XGBoost hist on CPU cores, XGBoost {@code device=cuda} on GPUs, SGD on one core. The
 * constants and their sources are in {@link EstimationDefaults}; docs/estimation.md, Classical models.
 */
public final class TabularEstimator {
    /**
     * x86 families whose vCPUs are whole cores (no simultaneous multithreading): AMD's 7th and 8th
     * generation and hpc7a (AWS: "each vCPU is a physical core" on M7a, C7a, R7a and later AMD types).
     */
    private static final Set<String> ONE_THREAD_PER_CORE = Set.of("c7a", "m7a", "r7a", "c8a", "m8a", "r8a", "hpc7a", "hpc8a");

    private final EstimationDefaults defaults;

    public TabularEstimator() {
        this(EstimationDefaults.standard());
    }

    public TabularEstimator(EstimationDefaults defaults) {
        this.defaults = defaults;
    }

    public TrainingRequirements requirements(Training t) {
        Tabular s = t.tabular().orElseThrow(() -> new IllegalArgumentException("not a tree or linear model"));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("training set", Fmt.count(s.rows()) + " rows × " + Fmt.count(s.features()) + " features = " + dev.mlplan.util.Fmt.large(s.values()) + " values",
                "dataset.rows × " + (s.featuresGiven() ? "dataset.features"
                        : "features = dataset.size " + Fmt.gb(t.dataset().size().bytes()) + " ÷ (rows × 4 B, float32 values; no features given)")));
        double work;
        double epochs = 1;
        double cpuHost;
        double gpuHost = 0;
        double gpuDevice = 0;
        if (s.trees()) {
            work = s.values() * s.rounds() * s.depth();
            steps.add(new Step("tree work per run", dev.mlplan.util.Fmt.large(work) + " value-levels",
                    "rows × features × rounds × depth = " + dev.mlplan.util.Fmt.large(s.values()) + " × " + s.rounds() + " × " + s.depth()
                            + " (histogram boosting reads every value once per tree level: XGBoost paper, Chen & Guestrin 2016, §4.1)"));
            cpuHost = s.values() * TREE_HOST_BYTES_PER_VALUE;
            gpuHost = s.values() * TREE_GPU_HOST_BYTES_PER_VALUE;
            gpuDevice = s.values() * TREE_GPU_BYTES_PER_VALUE;
            steps.add(new Step("training set in memory (CPU)", Fmt.gib(cpuHost), dev.mlplan.util.Fmt.large(s.values()) + " values × "
                    + Fmt.plain(TREE_HOST_BYTES_PER_VALUE) + " B: float32 input + XGBoost's quantised copy + histograms (xgboost_hist on Higgs,"
                    + " 3.784 GB for 10.5M × 28: LightGBM Experiments)"));
            steps.add(new Step("training set in memory (GPU)", Fmt.gib(gpuDevice) + " on the GPUs, " + Fmt.gib(gpuHost) + " on the host",
                    Fmt.plain(TREE_GPU_BYTES_PER_VALUE) + " B per value as compressed quantised ELLPACK (1/4 of a float CSR matrix: XGBoost GPU docs)"
                            + " and " + Fmt.plain(TREE_GPU_HOST_BYTES_PER_VALUE) + " B per value of float32 input on the host"));
        } else {
            epochs = t.epochs();
            work = s.values() * epochs;
            cpuHost = s.values() * LINEAR_HOST_BYTES_PER_VALUE;
            steps.add(new Step("linear work per run", dev.mlplan.util.Fmt.large(work) + " values", "rows × features × epochs = " + dev.mlplan.util.Fmt.large(s.values()) + " × "
                    + Fmt.plain(epochs) + " (training.epochs: SGD passes)"));
            steps.add(new Step("training set in memory", Fmt.gib(cpuHost), dev.mlplan.util.Fmt.large(s.values()) + " values × "
                    + Fmt.plain(LINEAR_HOST_BYTES_PER_VALUE) + " B (float64: scikit-learn's SGD works in float64)"));
        }
        double datasetBytes = t.dataset().size().bytes();
        steps.add(new Step("dataset read per run", Fmt.gb(datasetBytes), "dataset.size, read once: the training set stays in memory"));
        ResolvedModel model = new ResolvedModel(s.trees() ? "boosted-trees" : "linear-model", s.architecture(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Precision.FP32);
        var tab = new TabularRequirements(s, epochs, work, cpuHost, gpuHost, gpuDevice);
        return new TrainingRequirements(model, Method.FULL, 0, 0, 0, datasetBytes, 1, List.copyOf(steps), 0, 1, 0, Workload.DataPipeline.CPU, Optional.of(tab));
    }

    /** Physical cores of a CPU instance: vCPUs on Graviton and on x86 types without SMT, else vCPUs ÷ 2. */
    public static int physicalCores(InstanceType it) {
        if ("arm64".equals(it.arch()) || ONE_THREAD_PER_CORE.contains(it.family())) {
            return it.vcpus();
        }
        return Math.max(1, it.vcpus() / 2);
    }

    /** Cores' worth of speed: linear up to 16 cores, then 0.8 per doubling. */
    static double effectiveCores(int cores) {
        if (cores <= TREE_LINEAR_CORES) {
            return cores;
        }
        double doublings = Math.log((double) cores / TREE_LINEAR_CORES) / Math.log(2);
        return cores * Math.pow(TREE_CORE_DOUBLING_EFFICIENCY, doublings);
    }

    /** Speed kept by data-parallel training over {@code workers} machines or GPUs. */
    static double dataParallel(int workers) {
        if (workers <= 1) {
            return 1.0;
        }
        return Math.pow(TREE_DATA_PARALLEL_DOUBLING_EFFICIENCY, Math.log(workers) / Math.log(2));
    }

    /** One run on {@code nodes} CPU instances of this type (linear models: one node, one core). */
    public TrainingEstimate onCpu(TrainingRequirements req, InstanceType it, int nodes) {
        TabularRequirements tab = req.tabular().orElseThrow();
        List<Step> steps = new ArrayList<>(req.steps());
        int cores = physicalCores(it);
        double seconds;
        double scaling = 1.0;
        if (tab.trees()) {
            double eff = effectiveCores(cores);
            scaling = dataParallel(nodes);
            seconds = tab.work() * TREE_CORE_SECONDS_PER_VALUE / (eff * nodes * scaling);
            steps.add(new Step("cores", cores + " physical cores of " + it.name() + " → " + Fmt.plain(eff) + " effective",
                    (cores == it.vcpus() ? "a vCPU is a core (Graviton, or x86 without SMT)" : it.vcpus() + " vCPUs ÷ 2 (SMT)")
                            + "; linear to " + TREE_LINEAR_CORES + " cores (the calibration's), " + Fmt.plain(TREE_CORE_DOUBLING_EFFICIENCY)
                            + " per doubling beyond (mlplan assumption: histogram building is memory-bound)"));
            if (nodes > 1) {
                steps.add(new Step("data-parallel scaling", Fmt.plain(scaling), nodes + " nodes: " + Fmt.plain(TREE_DATA_PARALLEL_DOUBLING_EFFICIENCY)
                        + " per doubling (LightGBM on 1 to 16 machines kept 93%: docs/Experiments.rst)"));
            }
            steps.add(new Step("hours per run", Fmt.plain(seconds / 3600) + " h", "work × " + dev.mlplan.util.Fmt.seconds(TREE_CORE_SECONDS_PER_VALUE)
                    + " of core time ÷ (effective cores × nodes × scaling) (xgboost_hist on Higgs: LightGBM Experiments)"));
        } else {
            seconds = tab.work() * LINEAR_CORE_SECONDS_PER_VALUE;
            steps.add(new Step("hours per run", Fmt.plain(seconds / 3600) + " h", "work × " + dev.mlplan.util.Fmt.seconds(LINEAR_CORE_SECONDS_PER_VALUE)
                    + " on one core (SGD updates are sequential; Bottou's svmsgd on RCV1)"));
        }
        double hostGiB = it.memoryGiB();
        return new TrainingEstimate(true, tab.cpuHostBytes() / nodes / Fmt.GIB, hostGiB, seconds / 3600, 0, scaling, List.copyOf(steps));
    }

    /** One run of XGBoost {@code device=cuda} on {@code perNode} GPUs × {@code nodes} instances. */
    public TrainingEstimate onGpu(TrainingRequirements req, Accelerator acc, int perNode, int nodes) {
        TabularRequirements tab = req.tabular().orElseThrow();
        if (!tab.trees()) {
            throw new IllegalArgumentException("linear models are costed on CPUs only");
        }
        List<Step> steps = new ArrayList<>(req.steps());
        int gpus = perNode * nodes;
        double needed = tab.gpuDeviceBytes() / gpus + defaults.frameworkOverheadGiB() * Fmt.GIB;
        double available = acc.memoryGiB() * defaults.usableMemoryFraction() * Fmt.GIB;
        boolean fits = needed <= available;
        steps.add(new Step("memory per GPU", Fmt.gib(needed), "training set on the GPUs " + Fmt.gib(tab.gpuDeviceBytes()) + " ÷ " + gpus
                + " + " + Fmt.plain(defaults.frameworkOverheadGiB()) + " GiB CUDA context; " + acc.name() + " usable " + Fmt.gib(available)
                + " → " + (fits ? "fits" : "does not fit")));
        double bandwidth = acc.bandwidthGBs() > 0 ? acc.bandwidthGBs() : TREE_V100_BANDWIDTH_GBS;
        double coresPerGpu = TREE_V100_CORE_EQUIVALENTS * bandwidth / TREE_V100_BANDWIDTH_GBS;
        double scaling = dataParallel(gpus);
        double seconds = tab.work() * TREE_CORE_SECONDS_PER_VALUE / (coresPerGpu * gpus * scaling);
        steps.add(new Step("one GPU's speed", Fmt.plain(coresPerGpu) + " CPU cores", "a V100 does the work of " + Fmt.plain(TREE_V100_CORE_EQUIVALENTS)
                + " cores (szilard/GBM-perf: 78 s on 16 cores, 13 s on a V100) × " + acc.name() + " bandwidth " + Fmt.plain(bandwidth) + " ÷ "
                + Fmt.plain(TREE_V100_BANDWIDTH_GBS) + " GB/s"));
        if (gpus > 1) {
            steps.add(new Step("data-parallel scaling", Fmt.plain(scaling), gpus + " GPUs (XGBoost with Dask): "
                    + Fmt.plain(TREE_DATA_PARALLEL_DOUBLING_EFFICIENCY) + " per doubling (LightGBM's 1 to 16 machines)"));
        }
        steps.add(new Step("hours per run", Fmt.plain(seconds / 3600) + " h", "work × " + dev.mlplan.util.Fmt.seconds(TREE_CORE_SECONDS_PER_VALUE)
                + " of core time ÷ (cores per GPU × GPUs × scaling)"));
        return new TrainingEstimate(fits, needed / Fmt.GIB, available / Fmt.GIB, seconds / 3600, 0, scaling, List.copyOf(steps));
    }

    /** Whether a workload's model is a tree or linear model. */
    public static boolean applies(Training t) {
        return t.tabular().isPresent() && t.model().architecture().map(Architecture::tabular).orElse(false);
    }
}
