package dev.mlplan.estimate;

import static dev.mlplan.estimate.TestAccelerators.A100_80;
import static dev.mlplan.estimate.TestAccelerators.H100;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.DataPipeline;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.Precision;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingEstimatorTest {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private final TrainingEstimator estimator = new TrainingEstimator(Assumptions.none());

    @Test
    void fullTrainingFlopsAreSixNDPlusKaplansAttentionTerm() {
        TrainingRequirements req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 2e12, 4096, 1));
        double expected = (6 * 6.74e9 + 6.0 * 32 * 4096 * 4096) * 2e12;
        assertThat(req.totalFlops()).isCloseTo(expected, within(expected * 1e-9));
        assertThat(req.steps()).anySatisfy(s -> assertThat(s.basis()).contains("Kaplan"));
        assertThat(req.steps()).anySatisfy(s -> assertThat(s.basis()).contains("Transformer Math 101"));
    }

    @Test
    void loraCostsTwoThirdsOfFullTrainingAndFarLessMemory() {
        var full = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e9, 2048, 1));
        var lora = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.LORA, 1e9, 2048, 1));
        var qlora = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.QLORA, 1e9, 2048, 1));
        assertThat(lora.totalFlops() / full.totalFlops()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(full.shardableBytes()).isEqualTo(16 * 6.74e9);
        assertThat(lora.shardableBytes()).isCloseTo(6.74e9 * (2 + 0.16), within(1e3));
        assertThat(qlora.shardableBytes()).isCloseTo(6.74e9 * (0.5 + 0.16), within(1e3));
        assertThat(lora.steps()).anySatisfy(s -> assertThat(s.basis()).contains("no weight gradients"));
    }

    @Test
    void activationsFollowKorthikantiSelectiveRecomputationPlusOverhead() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e9, 4096, 1));
        double activations = 4096.0 * 4096 * 32 * 34;
        assertThat(req.replicatedBytesPerAccelerator()).isCloseTo(activations + GIB, within(1.0));
        assertThat(req.steps()).anySatisfy(s -> assertThat(s.basis()).contains("Korthikanti"));
    }

    @Test
    void sequenceDefaultsToTheContextCappedAt4096() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-3.1-8b"), Method.FULL, 1e9, null, 1));
        assertThat(req.steps()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("sequence length");
            assertThat(s.value()).isEqualTo("4096 tokens");
        });
    }

    @Test
    void cnnTrainingIsThreeForwardPassesPerSample() {
        var req = estimator.requirements(Workloads.samples(Workloads.preset("resnet-50"), Method.FULL, 1.28e6, 90));
        assertThat(req.totalFlops()).isCloseTo(3 * 8.2e9 * 1.28e6 * 90, within(1e9));
        // 100 MB per image × micro-batch 32 + 1 GiB framework
        assertThat(req.replicatedBytesPerAccelerator()).isCloseTo(3.2e9 + GIB, within(1.0));
        var est = estimator.on(req, A100_80, 8, 1, true);
        assertThat(est.fits()).isTrue();
        // 90 epochs of ImageNet on 8×A100 at the CNN MFU 0.2: 2.83e18 / (8 × 312e12 × 0.2) ≈ 1.58 h
        assertThat(est.mfu()).isEqualTo(0.20);
        assertThat(est.hoursPerRun()).isCloseTo(1.576, within(0.005));
    }

    @Test
    void customCnnWithoutSamplesIsAnError() {
        var training = Workloads.tokens(Workloads.customCnn(10e6, 1e9), Method.FULL, 1e9, null, 1);
        assertThatThrownBy(() -> estimator.requirements(training)).hasMessageContaining("dataset.samples");
    }

    @Test
    void memoryFitCheckUsesNinetyFivePercentOfEachChip() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e9, 2048, 1));
        var one = estimator.on(req, A100_80, 1, 1, false);
        assertThat(one.fits()).isFalse(); // 108 GB of states alone
        assertThat(one.availableGiBPerAccelerator()).isCloseTo(76.0, within(1e-9));
        var eight = estimator.on(req, A100_80, 8, 1, false);
        assertThat(eight.fits()).isTrue();
        assertThat(eight.neededGiBPerAccelerator()).isCloseTo((16 * 6.74e9 / 8 + 2048.0 * 4096 * 32 * 34) / GIB + 1, within(1e-6));
    }

    @Test
    void timeUsesPeakMfuAndPrecision() {
        var bf16 = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e10, 2048, 1));
        var fp8 = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b", Precision.FP8), Method.FULL, 1e10, 2048, 1));
        double hoursBf16 = estimator.on(bf16, H100, 8, 1, true).hoursPerRun();
        double hoursFp8 = estimator.on(fp8, H100, 8, 1, true).hoursPerRun();
        assertThat(hoursBf16).isCloseTo(bf16.totalFlops() / (8 * 989e12 * 0.40) / 3600, within(1e-9));
        assertThat(hoursBf16 / hoursFp8).isCloseTo(1979.0 / 989, within(1e-9));
        var fp32 = estimator.requirements(Workloads.tokens(Workloads.preset("gpt2-small", Precision.FP32), Method.FULL, 1e9, 1024, 1));
        assertThat(estimator.on(fp32, A100_80, 1, 1, false).steps()).anySatisfy(s -> assertThat(s.basis()).contains("FP32 peak 19.5"));
        var custom = new TrainingEstimator(Workloads.mfu(0.5));
        assertThat(custom.on(bf16, H100, 8, 1, true).hoursPerRun()).isCloseTo(hoursBf16 * 0.4 / 0.5, within(1e-9));
    }

    @Test
    void multiNodeScalingLosesPerDoublingAndMoreWithoutEfa() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-13b"), Method.FULL, 1e11, 4096, 1));
        var one = estimator.on(req, H100, 8, 1, true);
        var fourEfa = estimator.on(req, H100, 8, 4, true);
        var fourNoEfa = estimator.on(req, H100, 8, 4, false);
        assertThat(one.scalingEfficiency()).isEqualTo(1.0);
        assertThat(fourEfa.scalingEfficiency()).isCloseTo(0.98 * 0.98, within(1e-12));
        assertThat(fourNoEfa.scalingEfficiency()).isCloseTo(0.80 * 0.80, within(1e-12));
        assertThat(fourEfa.hoursPerRun()).isCloseTo(one.hoursPerRun() / 4 / (0.98 * 0.98), within(1e-9));
        var configured = new TrainingEstimator(Workloads.multiNode(0.9)).on(req, H100, 8, 8, true);
        assertThat(configured.scalingEfficiency()).isCloseTo(0.729, within(1e-12));
        assertThat(configured.steps()).anySatisfy(s -> assertThat(s.basis()).contains("assumptions.multi_node_efficiency"));
    }

    @Test
    void trainiumUsesItsLowerDefaultMfu() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e10, 4096, 1));
        var est = estimator.on(req, TestAccelerators.TRAINIUM1, 16, 1, true);
        assertThat(est.mfu()).isEqualTo(0.25);
    }

    @Test
    void cpuTrainingUsesTheStatedPerVcpuPeak() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("distilbert"), Method.FULL, 1e8, 128, 1));
        var est = estimator.onCpu(req, 16, 64);
        assertThat(est.fits()).isTrue();
        assertThat(est.hoursPerRun()).isCloseTo(req.totalFlops() / (16 * 96e9 * 0.3) / 3600, within(1e-9));
        assertThat(est.steps()).anySatisfy(s -> assertThat(s.basis()).contains("AVX-512"));
        var big = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e8, 1024, 1));
        assertThat(estimator.onCpu(big, 1, 10240 / 1024.0).fits()).isFalse();
    }

    // ---- property tests (seeded) ----

    static Stream<Arguments> randomRuns() {
        Random r = new Random(20260720L);
        List<String> models = List.of("gpt2-small", "llama-3.2-1b", "llama-2-7b", "mistral-7b", "llama-2-13b", "mixtral-8x7b", "llama-2-70b");
        List<Accelerator> accs = List.of(TestAccelerators.A100_80, TestAccelerators.H100, TestAccelerators.A10G, TestAccelerators.TRAINIUM1,
                TestAccelerators.L40S);
        Method[] methods = Method.values();
        return IntStream.range(0, 25).mapToObj(i -> Arguments.of(models.get(r.nextInt(models.size())), methods[r.nextInt(methods.length)],
                accs.get(r.nextInt(accs.size())), Math.pow(10, 8 + 4 * r.nextDouble()), 1 + r.nextInt(5)));
    }

    @ParameterizedTest
    @MethodSource("randomRuns")
    void moreAcceleratorsMeanLessTimeAndLessMemoryEach(String model, Method method, Accelerator acc, double tokens, int epochs) {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset(model), method, tokens, null, epochs));
        double previousHours = Double.MAX_VALUE;
        double previousMemory = Double.MAX_VALUE;
        boolean previousFits = false;
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {4, 1}, {8, 1}, {8, 2}, {8, 4}, {8, 16}}) {
            var est = estimator.on(req, acc, shape[0], shape[1], true);
            int n = shape[0] * shape[1];
            assertThat(est.hoursPerRun()).as("%s on %d×%d %s", model, shape[0], shape[1], acc.name()).isLessThan(previousHours);
            // the plain sharded need falls with every accelerator added; the estimate may trade memory for time
            // (tensor parallelism, recomputation) but a run that fits never stops fitting with more accelerators
            assertThat(req.bytesPerAccelerator(n)).isLessThan(previousMemory);
            if (previousFits) {
                assertThat(est.fits()).as("%s on %d×%d %s", model, shape[0], shape[1], acc.name()).isTrue();
            }
            previousHours = est.hoursPerRun();
            previousMemory = req.bytesPerAccelerator(n);
            previousFits = est.fits();
        }
    }

    @ParameterizedTest
    @MethodSource("randomRuns")
    void flopsAreLinearInEpochsAndTokens(String model, Method method, Accelerator acc, double tokens, int epochs) {
        var one = estimator.requirements(Workloads.tokens(Workloads.preset(model), method, tokens, 2048, 1));
        var many = estimator.requirements(Workloads.tokens(Workloads.preset(model), method, tokens, 2048, epochs));
        var doubled = estimator.requirements(Workloads.tokens(Workloads.preset(model), method, 2 * tokens, 2048, 1));
        assertThat(many.totalFlops()).isCloseTo(one.totalFlops() * epochs, within(one.totalFlops() * epochs * 1e-12));
        assertThat(doubled.totalFlops()).isCloseTo(2 * one.totalFlops(), within(one.totalFlops() * 1e-12));
        assertThat(estimator.on(many, acc, 8, 1, true).hoursPerRun())
                .isCloseTo(epochs * estimator.on(one, acc, 8, 1, true).hoursPerRun(), within(1e-9 * epochs));
    }

    // ---- the input pipeline: a second ceiling for per-sample (image) models ----

    private static TrainingRequirements imagenet(TrainingEstimator e, DataPipeline pipeline) {
        return e.requirements(Workloads.samples(Workloads.preset("resnet-50", Precision.BF16), Method.FULL, 1.28e6, 1).withDataPipeline(pipeline));
    }

    @Test
    void fewVcpusPerGpuMakeTheCpuPipelineBind() {
        var req = imagenet(estimator, DataPipeline.CPU);
        var gpus = estimator.on(req, TestAccelerators.V100, 8, 1, false);
        // 8 vCPUs × 60 images/s = 480 images/s; 8 V100 could take 8 × 125e12 × 0.2 ÷ 24.6e9 ≈ 8,130
        var run = estimator.withInputPipeline(req, gpus, TestAccelerators.V100, 8, 1);
        assertThat(run.hoursPerRun()).isCloseTo(1.28e6 / 480 / 3600, within(1e-9));
        assertThat(run.steps()).anySatisfy(s -> assertThat(s.basis()).contains("8 vCPUs × 60 samples/s per vCPU = 480 samples/s")
                .contains("the pipeline binds"));
        // two nodes double the vCPUs that decode
        var twoNodes = estimator.withInputPipeline(req, estimator.on(req, TestAccelerators.V100, 8, 2, true), TestAccelerators.V100, 8, 2);
        assertThat(twoNodes.hoursPerRun()).isCloseTo(run.hoursPerRun() / 2, within(1e-9));
    }

    @Test
    void enoughVcpusLeaveTheAcceleratorsBinding() {
        var req = imagenet(estimator, DataPipeline.CPU);
        var gpus = estimator.on(req, TestAccelerators.V100, 1, 1, false);
        var run = estimator.withInputPipeline(req, gpus, TestAccelerators.V100, 96, 1);
        assertThat(run.hoursPerRun()).isEqualTo(gpus.hoursPerRun());
        assertThat(run.steps()).anySatisfy(s -> assertThat(s.basis()).contains("the accelerators bind"));
    }

    @Test
    void gpuDecodingRemovesTheCeilingOnNvidiaGpusOnly() {
        var req = imagenet(estimator, DataPipeline.GPU);
        var gpus = estimator.on(req, TestAccelerators.V100, 8, 1, false);
        assertThat(estimator.withInputPipeline(req, gpus, TestAccelerators.V100, 8, 1).hoursPerRun()).isEqualTo(gpus.hoursPerRun());
        // Trainium has no DALI: its host's CPUs still decode
        var trainium = estimator.on(req, TestAccelerators.TRAINIUM1, 16, 1, true);
        var run = estimator.withInputPipeline(req, trainium, TestAccelerators.TRAINIUM1, 8, 1);
        assertThat(run.hoursPerRun()).isCloseTo(1.28e6 / 480 / 3600, within(1e-9));
        assertThat(run.steps()).anySatisfy(s -> assertThat(s.basis()).contains("Trainium1 cannot decode with DALI"));
    }

    @Test
    void theDecodeRateAssumptionOverridesTheDefault() {
        var fast = new TrainingEstimator(new Assumptions(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(300.0)));
        var req = imagenet(fast, DataPipeline.CPU);
        var run = fast.withInputPipeline(req, fast.on(req, TestAccelerators.V100, 8, 1, false), TestAccelerators.V100, 8, 1);
        assertThat(run.hoursPerRun()).isCloseTo(1.28e6 / 2400 / 3600, within(1e-9));
        assertThat(run.steps()).anySatisfy(s -> assertThat(s.basis()).contains("assumptions.decode_rate_per_vcpu"));
    }

    @Test
    void tokenModelsHaveNoInputPipelineCeiling() {
        var req = estimator.requirements(Workloads.tokens(Workloads.preset("llama-2-7b"), Method.FULL, 1e9, 2048, 1));
        var gpus = estimator.on(req, H100, 8, 1, false);
        assertThat(estimator.withInputPipeline(req, gpus, H100, 1, 1)).isSameAs(gpus);
    }
}
