package dev.mlplan.estimate;

import static dev.mlplan.estimate.TestAccelerators.A100_40;
import static dev.mlplan.estimate.TestAccelerators.A100_80;
import static dev.mlplan.estimate.TestAccelerators.A10G;
import static dev.mlplan.estimate.TestAccelerators.H100;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Precision;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InferenceEstimatorTest {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private final InferenceEstimator estimator = new InferenceEstimator(Assumptions.none());

    @Test
    void kvCacheUsesKvHeadsNotHiddenSize() {
        var mha = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b"), 512, 256, null));
        var gqa = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-70b"), 512, 256, null));
        assertThat(mha.llm()).isTrue();
        assertThat(mha.kvBytesPerToken()).isEqualTo(2.0 * 32 * 32 * 128 * 2);
        assertThat(gqa.kvBytesPerToken()).isEqualTo(2.0 * 80 * 8 * 128 * 2);
        assertThat(mha.flopsPerRequest()).isEqualTo(2 * 6.74e9 * 768);
        var int4 = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b", Precision.INT4), 512, 256, null));
        assertThat(int4.kvBytesPerToken()).isEqualTo(mha.kvBytesPerToken()); // weight-only quantisation keeps a 16-bit KV cache
    }

    @Test
    void encodersAndCnnsAreOneShot() {
        var bert = estimator.requirements(Workloads.inference(Workloads.preset("bert-base"), null, null, null));
        assertThat(bert.llm()).isFalse();
        assertThat(bert.tokensIn()).isEqualTo(128);
        assertThat(bert.flopsPerRequest()).isEqualTo(2 * 110e6 * 128);
        var resnet = estimator.requirements(Workloads.inference(Workloads.preset("resnet-50"), null, null, null));
        assertThat(resnet.llm()).isFalse();
        assertThat(resnet.flopsPerRequest()).isEqualTo(8.2e9);
        var decoderWithoutOutput = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b"), 512, null, null));
        assertThat(decoderWithoutOutput.llm()).isFalse();
        var sd = estimator.requirements(Workloads.inference(Workloads.preset("stable-diffusion-1.5"), null, null, null));
        assertThat(sd.flopsPerRequest()).isEqualTo(678e9 * 50 * 2);
    }

    @Test
    void diffusionCostsStepsTimesTwoPassesTimesLatentArea() {
        var sd20 = estimator.requirements(Workloads.diffusion("stable-diffusion-1.5", Precision.FP16, 20, 768));
        assertThat(sd20.flopsPerRequest()).isCloseTo(20 * 2 * 678e9 * 2.25, within(1.0));
        var xl = estimator.requirements(Workloads.diffusion("stable-diffusion-xl", Precision.FP16, null, null));
        assertThat(xl.flopsPerRequest()).isCloseTo(50 * 2 * 6.7e12, within(1.0));
        assertThat(xl.servingUtilisation()).isEqualTo(0.35);
        var est = estimator.on(xl, A10G, 1);
        assertThat(est.requestsPerSecond()).isCloseTo(0.35 * 70e12 / (100 * 6.7e12), within(1e-9));
        assertThat(est.steps().toString()).contains("denoising steps", "calibrated on");
    }

    @Test
    void aGuidanceDistilledDiffusionModelRunsOnePassPerStep() {
        var dev = estimator.requirements(Workloads.diffusion("flux.1-dev", Precision.BF16, null, null));
        assertThat(dev.flopsPerRequest()).isCloseTo(50 * 1 * 74.4e12, within(1.0));
        assertThat(dev.steps().toString()).contains("steps × 1 pass (guidance-distilled", "its model card's").doesNotContain("diffusers default");
        var schnell = estimator.requirements(Workloads.diffusion("flux.1-schnell", Precision.BF16, null, 512));
        assertThat(schnell.flopsPerRequest()).isCloseTo(4 * 1 * 69.4e12 * 0.25, within(1.0));
    }

    @Test
    void aStatedHeadWidthSizesTheKvCache() {
        // Gemma 2 9B: head_dim 256 while hidden ÷ heads = 224; bf16 cache: 2 · 42 · 8 · 256 · 2 bytes
        var gemma = estimator.requirements(Workloads.inference(Workloads.preset("gemma-2-9b"), 512, 128, null));
        assertThat(gemma.kvBytesPerToken()).isEqualTo(2.0 * 42 * 8 * 256 * 2);
        // DeepSeek-V3's MLA latent: 512 + 64 values per token per layer, carried as 1 KV head of 288
        var deepseek = estimator.requirements(Workloads.inference(Workloads.preset("deepseek-v3"), 512, 128, null));
        assertThat(deepseek.kvBytesPerToken()).isEqualTo(61.0 * (512 + 64) * 2);
        // overriding hidden or heads drops the stated head width: hidden ÷ heads again
        var overridden = ModelPresets.resolve(new dev.mlplan.workload.Workload.ModelSpec(java.util.Optional.of("gemma-2-9b"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(4096),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), Precision.BF16));
        assertThat(overridden.headDim()).isEqualTo(4096 / 16);
    }

    @Test
    void stepsOnAModelThatIsNotDiffusionAreRefused() {
        var bert = new dev.mlplan.workload.Workload.Inference(Workloads.preset("bert-base"),
                Workloads.inference(Workloads.preset("bert-base"), null, null, null).traffic(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(30), java.util.Optional.empty(), java.util.Optional.empty(),
                dev.mlplan.workload.Workload.Availability.SINGLE, 24);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> estimator.requirements(bert))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inference.steps");
    }

    @Test
    void oneShotThroughputIsUtilisationTimesPeakOverFlops() {
        var req = estimator.requirements(Workloads.inference(Workloads.preset("resnet-50", Precision.FP16), null, null, 100.0));
        var est = estimator.on(req, A10G, 1);
        assertThat(est.fits()).isTrue();
        assertThat(est.tokensPerSecond()).isZero();
        assertThat(est.requestsPerSecond()).isCloseTo(0.4 * 70e12 / 8.2e9, within(1e-6));
        assertThat(est.latencyMsP99()).isLessThanOrEqualTo(100.0);
        var four = estimator.on(req, A10G, 4);
        assertThat(four.requestsPerSecond()).isCloseTo(4 * est.requestsPerSecond(), within(1e-6));
    }

    @Test
    void llmMemoryIsWeightsTimesOnePointTwoPlusContextPlusKv() {
        var req = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b", Precision.FP16), 512, 256, null));
        var est = estimator.on(req, A100_40, 1);
        double expected = 1.2 * 6.74e9 * 2 + GIB + 768 * 524288.0;
        assertThat(est.neededGiB()).isCloseTo(expected / GIB, within(1e-9));
        assertThat(est.availableGiB()).isEqualTo(40.0);
        assertThat(est.fits()).isTrue();
        var huge = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-70b", Precision.FP16), 512, 256, null));
        var tooSmall = estimator.on(huge, A100_80, 1);
        assertThat(tooSmall.fits()).isFalse();
        assertThat(tooSmall.batch()).isZero();
        assertThat(estimator.on(huge, A100_80, 2).fits()).isTrue();
    }

    @Test
    void batchIsWhatTheKvCacheHoldsUnlessTheTargetAsksForLess() {
        var free = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b"), 512, 256, null));
        var bounded = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-7b"), 512, 256, 8000.0));
        var unbounded = estimator.on(free, A100_80, 1);
        var limited = estimator.on(bounded, A100_80, 1);
        // memory: 80 GiB − 1.2 × 13.5 GB − 1 GiB = 63.9 GiB leaves room for 170 requests of 768 tokens × 0.524 MB (not a power of two)
        double kvPerRequest = 768 * 2.0 * 32 * 32 * 128 * 2;
        double free80 = 80 * Math.pow(1024, 3) - 1.2 * free.weightBytes() - Math.pow(1024, 3);
        assertThat(unbounded.batch()).isEqualTo((int) Math.floor(free80 / kvPerRequest)).isEqualTo(170);
        assertThat(limited.batch()).isLessThan(unbounded.batch());
        assertThat(limited.latencyMsP99()).isLessThanOrEqualTo(8000.0);
        assertThat(limited.tokensPerSecond()).isLessThan(unbounded.tokensPerSecond());
        assertThat(unbounded.requestsPerSecond()).isCloseTo(unbounded.tokensPerSecond() / 256, within(1e-9));
    }

    @Test
    void aModelThatFitsOneChipIsServedAsOneReplicaPerChip() {
        // an 8B model on 8 × H100 (p5.48xlarge): 8 replicas at TP 1, not one TP 8 group
        var llama8b = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 1000, 1000, null));
        var p5 = estimator.on(llama8b, H100, 8);
        assertThat(p5.tensorParallel()).isEqualTo(1);
        assertThat(p5.replicas()).isEqualTo(8);
        assertThat(p5.requestsPerSecond()).isCloseTo(8 * estimator.on(llama8b, H100, 1).requestsPerSecond(), within(1e-6));
        // a 70B FP8 model (70 GB of weights × 1.2) does not fit one H100: 4 replicas at TP 2
        var llama70bFp8 = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-70b", Precision.FP8), 1000, 1000, null));
        var p5with70b = estimator.on(llama70bFp8, H100, 8);
        assertThat(p5with70b.tensorParallel()).isEqualTo(2);
        assertThat(p5with70b.replicas()).isEqualTo(4);
    }

    @Test
    void timeToFirstTokenAndTimePerOutputTokenAddUpToTheRequestLatency() {
        var req = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 2000, 200, null));
        var e = estimator.on(req, H100, 1);
        assertThat(e.ttftMsP99()).isPositive();
        assertThat(e.tpotMsP99()).isPositive();
        assertThat(e.latencyMsP99()).isCloseTo(e.ttftMsP99() + 200 * e.tpotMsP99(), within(1e-6 * e.latencyMsP99()));
        // a longer prompt takes longer to its first token; the time per output token hardly depends on it at batch 1
        var longPrompt = estimator.at(estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 8000, 200, null)), H100, 1, 1);
        var shortPrompt = estimator.at(estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 500, 200, null)), H100, 1, 1);
        assertThat(longPrompt.ttftMsP99()).isGreaterThan(10 * shortPrompt.ttftMsP99());
        assertThat(longPrompt.tpotMsP99() / shortPrompt.tpotMsP99()).isBetween(1.0, 1.2);
    }

    @Test
    void tensorParallelEfficiencyFollowsDatabricksBeyondFourChips() {
        EstimationDefaults d = EstimationDefaults.standard();
        assertThat(d.tensorParallelEfficiency(1)).isEqualTo(1.0);
        assertThat(d.tensorParallelEfficiency(4)).isEqualTo(1.0);
        // latency(8) / latency(4) = (4 × eff4) / (8 × eff8) = 0.7
        assertThat(4 * d.tensorParallelEfficiency(4) / (8 * d.tensorParallelEfficiency(8))).isCloseTo(0.7, within(1e-12));
        var req = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-70b"), 512, 256, null));
        double l4 = estimator.at(req, H100, 4, 1).latencyMsP99();
        double l8 = estimator.at(req, H100, 8, 1).latencyMsP99();
        // the bandwidth-bound part shrinks to 0.7×; the fixed 80 layers × 0.04 ms of every step does not
        double fixed = 1.5 * (1 + 256) * 80 * 0.04;
        assertThat((l8 - fixed) / (l4 - fixed)).isCloseTo(0.7, within(0.02));
    }

    @Test
    void mixtureOfExpertsReadsOnlyActiveExpertsAtBatchOne() {
        var moe = estimator.requirements(Workloads.inference(Workloads.preset("mixtral-8x7b"), 512, 256, null));
        var dense13 = estimator.requirements(Workloads.inference(Workloads.preset("llama-2-13b"), 512, 256, null));
        double moeLatency = estimator.at(moe, H100, 2, 1).latencyMsP99();
        double denseLatency = estimator.at(dense13, H100, 2, 1).latencyMsP99();
        assertThat(moeLatency / denseLatency).isBetween(0.8, 1.2);
        assertThat(moe.flopsPerRequest()).isEqualTo(2 * 12.9e9 * 768);
    }

    @Test
    void lambdaNeedsTwiceTheWeightsWhileLoading() {
        // lecture: Lambda's 10 GB limit and a 2× load overhead put practical Lambda models under about 4–5 GB
        double lambdaGiB = 10240 / 1024.0;
        double vcpus = 10240 / 1769.0;
        var small = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.2-1b"), 256, 64, null)); // 2.5 GB bf16
        var mid = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.2-3b"), 256, 64, null)); // 6.4 GB bf16
        assertThat(estimator.onCpu(small, vcpus, lambdaGiB).fits()).isTrue();
        assertThat(estimator.onCpu(mid, vcpus, lambdaGiB).fits()).isFalse();
        var distil = estimator.requirements(Workloads.inference(Workloads.preset("distilbert", Precision.FP32), null, null, null));
        var lambda = estimator.onCpu(distil, 1769 / 1769.0, 1769 / 1024.0);
        assertThat(lambda.fits()).isTrue();
        assertThat(lambda.requestsPerSecond()).isCloseTo(0.3 * 96e9 / (2 * 66e6 * 128), within(1e-9));
        assertThat(lambda.steps()).anySatisfy(s -> assertThat(s.basis()).contains("docs/limits.md"));
    }

    @Test
    void cpuDecodeIsBandwidthBound() {
        var req = estimator.requirements(Workloads.inference(Workloads.preset("llama-3.2-1b"), 128, 128, null));
        var est = estimator.onCpuAt(req, 16, 64, 1);
        // decode: 2.48 GB of weights ÷ (16 vCPU × 5 GB/s × MBU 0.5 = 40 GB/s) = 62 ms per token, plus the KV cache
        // read at 0.8 of 80 GB/s and 16 layers × 0.04 ms; prefill: 2 × 1.24e9 × 128 ÷ (0.3 × 16 × 96 GFLOPS) = 0.69 s
        double step = 2.48e9 / 40e9 + 32768.0 * 192 / 64e9 + 16 * 0.04e-3;
        double prefill = 2 * 1.24e9 * 128 / (0.3 * 16 * 96e9);
        assertThat(est.fits()).isTrue();
        assertThat(est.tokensPerSecond()).isCloseTo(128 / (prefill + 128 * step), within(1e-6));
        assertThat(estimator.onCpu(req, 16, 64).batch()).isGreaterThan(1);
    }

    static Stream<Arguments> randomDeployments() {
        Random r = new Random(7L);
        List<String> models = List.of("llama-3.2-1b", "llama-2-7b", "mistral-7b", "qwen2.5-7b", "llama-3.1-8b", "llama-2-13b");
        List<Accelerator> accs = List.of(A100_80, H100, TestAccelerators.L40S, TestAccelerators.H200);
        return IntStream.range(0, 20).mapToObj(i -> Arguments.of(models.get(r.nextInt(models.size())), accs.get(r.nextInt(accs.size())),
                64 << r.nextInt(5), 16 << r.nextInt(5)));
    }

    @ParameterizedTest
    @MethodSource("randomDeployments")
    void throughputGrowsAndLatencyGrowsWithBatch(String model, Accelerator acc, int tokensIn, int tokensOut) {
        var req = estimator.requirements(Workloads.inference(Workloads.preset(model), tokensIn, tokensOut, null));
        double previousTps = 0;
        double previousLatency = 0;
        for (int b = 1; b <= 16; b *= 2) {
            var est = estimator.at(req, acc, 1, b);
            assertThat(est.fits()).as("%s batch %d on %s", model, b, acc.name()).isTrue();
            assertThat(est.tokensPerSecond()).isGreaterThan(previousTps);
            assertThat(est.latencyMsP99()).isGreaterThan(previousLatency);
            previousTps = est.tokensPerSecond();
            previousLatency = est.latencyMsP99();
        }
    }

    @ParameterizedTest
    @MethodSource("randomDeployments")
    void moreChipsNeverSlowDecodeAtBatchOne(String model, Accelerator acc, int tokensIn, int tokensOut) {
        var req = estimator.requirements(Workloads.inference(Workloads.preset(model), tokensIn, tokensOut, null));
        double previous = Double.MAX_VALUE;
        for (int count = 1; count <= 16; count *= 2) {
            double latency = estimator.at(req, acc, count, 1).latencyMsP99();
            assertThat(latency).isLessThan(previous);
            previous = latency;
        }
    }
}
