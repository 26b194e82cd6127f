package dev.mlplan.estimate;

import static dev.mlplan.estimate.TestAccelerators.A100_80;
import static dev.mlplan.estimate.TestAccelerators.A10G;
import static dev.mlplan.estimate.TestAccelerators.H100;
import static dev.mlplan.estimate.TestAccelerators.L4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Precision;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The speech calibration lives in the estimator: every estimate of a Whisper preset, served or
 * offline, on any device, is the uncalibrated one with every rate × the factor and every time ÷ it.
 */
class SpeechCalibrationTest {
    private final InferenceEstimator estimator = new InferenceEstimator(Assumptions.none());

    private InferenceRequirements servedWhisper(Double latencyP99Ms) {
        return estimator.requirements(Workloads.inference(Workloads.preset("whisper-large-v3", Precision.FP16), null, null, latencyP99Ms));
    }

    /** The same requirements without the calibration: what the estimate was before. */
    private static InferenceRequirements uncalibrated(InferenceRequirements r) {
        return new InferenceRequirements(r.model(), r.llm(), r.weightBytes(), r.kvBytesPerToken(), r.tokensIn(), r.tokensOut(), r.flopsPerRequest(),
                r.peakRps(), r.averageRps(), r.latencyTargetMs(), r.workingBytesPerRequest(), r.servingUtilisation(), r.servingUtilisationSource(),
                r.steps(), r.ttftTargetMs(), r.tpotTargetMs());
    }

    @Test
    void theFactorIsMeasuredOverEstimatedOnTheReference() {
        var c = estimator.speechCalibration();
        // insanely-fast-whisper: 150 min of audio in 98 s on 1 × A100-80GB = 3.06 windows of 30 s a second
        assertThat(c.measured()).isCloseTo(150.0 * 60 / 98 / 30, within(1e-12));
        assertThat(c.accelerator()).isEqualTo("A100-80GB");
        assertThat(c.factor()).isCloseTo(c.measured() / c.estimated(), within(1e-12)).isCloseTo(0.144, within(0.0005));
        assertThat(c.step().name()).isEqualTo("speech calibration");
        assertThat(c.step().value()).isEqualTo("× 0.144");
    }

    @Test
    void aServedWhisperTranscribesOneWindowAndCarriesTheCalibration() {
        var served = servedWhisper(null);
        // not given: a 30 s window's transcript, 100 tokens, over the 1,500 encoder frames
        assertThat(served.llm()).isTrue();
        assertThat(served.tokensOut()).isEqualTo(InferenceEstimator.SPEECH_TOKENS_PER_WINDOW).isEqualTo(100);
        assertThat(served.tokensIn()).isEqualTo(1500);
        assertThat(served.calibration()).isEqualTo(estimator.speechCalibration().factor());
        assertThat(served.steps()).contains(estimator.speechCalibration().step());
        // the served request is the batch job's window: the same calibration, the same throughput
        var offline = estimator.offline(new InferenceEstimator.Request(Workloads.preset("whisper-large-v3", Precision.FP16), Optional.empty(),
                Optional.of(100), Optional.empty(), Optional.empty(), "batch"), 0);
        assertThat(offline.calibration()).isEqualTo(served.calibration());
        assertThat(estimator.on(served, A10G, 4).requestsPerSecond()).isEqualTo(estimator.on(offline, A10G, 4).requestsPerSecond());
    }

    @Test
    void otherModelsAreNotCalibrated() {
        assertThat(estimator.requirements(Workloads.inference(Workloads.preset("bert-large"), null, null, null)).calibration()).isEqualTo(1);
        assertThat(estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 512, 256, null)).calibration()).isEqualTo(1);
        assertThat(estimator.requirements(Workloads.inference(Workloads.preset("llama-3.1-8b"), 512, 256, null)).steps())
                .noneMatch(s -> s.name().equals("speech calibration"));
    }

    @Test
    void everySpeechPresetSharesTheOneFactor() {
        // measured on large-v3 at fp16; turbo and other precisions keep their estimated speed relative to it
        var turbo = estimator.requirements(Workloads.inference(Workloads.preset("whisper-large-v3-turbo", Precision.FP16), null, null, null));
        var fp32 = estimator.requirements(Workloads.inference(Workloads.preset("whisper-large-v3", Precision.FP32), null, null, null));
        assertThat(turbo.calibration()).isEqualTo(estimator.speechCalibration().factor());
        assertThat(fp32.calibration()).isEqualTo(estimator.speechCalibration().factor());
        assertThat(estimator.on(turbo, A100_80, 1).requestsPerSecond()).isGreaterThan(estimator.on(servedWhisper(null), A100_80, 1).requestsPerSecond());
    }

    static Stream<Arguments> devices() {
        return Stream.of(Arguments.of(A10G, 1), Arguments.of(L4, 1), Arguments.of(A100_80, 1), Arguments.of(A10G, 4), Arguments.of(H100, 8));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void ratesAreTimesTheFactorAndTimesDividedByIt(Accelerator acc, int count) {
        var served = servedWhisper(null);
        double f = served.calibration();
        var calibrated = estimator.on(served, acc, count);
        var before = estimator.on(uncalibrated(served), acc, count);
        assertThat(calibrated.batch()).isEqualTo(before.batch());
        assertThat(calibrated.replicas()).isEqualTo(before.replicas());
        Percentage close = Percentage.withPercentage(1e-9);
        assertThat(calibrated.requestsPerSecond()).isCloseTo(before.requestsPerSecond() * f, close);
        assertThat(calibrated.tokensPerSecond()).isCloseTo(before.tokensPerSecond() * f, close);
        assertThat(calibrated.latencyMsP99()).isCloseTo(before.latencyMsP99() / f, close);
        assertThat(calibrated.meanLatencyMs()).isCloseTo(before.meanLatencyMs() / f, close);
        assertThat(calibrated.ttftMsP99()).isCloseTo(before.ttftMsP99() / f, close);
        assertThat(calibrated.tpotMsP99()).isCloseTo(before.tpotMsP99() / f, close);
        // the steps say so
        assertThat(calibrated.steps()).anySatisfy(s -> assertThat(s.basis()).contains("÷ speech calibration 0.144"));
    }

    @Test
    void onCpuTheSameFactorApplies() {
        var served = servedWhisper(null);
        var calibrated = estimator.onCpuAt(served, 6, 10, 1);
        var before = estimator.onCpuAt(uncalibrated(served), 6, 10, 1);
        assertThat(calibrated.meanLatencyMs()).isCloseTo(before.meanLatencyMs() / served.calibration(), Percentage.withPercentage(1e-9));
    }

    @Test
    void aLatencyTargetIsMetOnTheCalibratedTimes() {
        var noTarget = estimator.on(servedWhisper(null), A10G, 1);
        var atBatch1 = estimator.at(servedWhisper(null), A10G, 1, 1);
        // a target between the calibrated p99 at batch 1 and at the largest batch: the batch drops until the calibrated p99 meets it
        double target = Math.sqrt(atBatch1.latencyMsP99() * noTarget.latencyMsP99());
        var served = servedWhisper(target);
        var est = estimator.on(served, A10G, 1);
        assertThat(est.latencyMsP99()).isLessThanOrEqualTo(target);
        assertThat(est.batch()).isLessThan(noTarget.batch());
        // the uncalibrated estimate would have taken a larger batch, whose calibrated p99 misses the target
        assertThat(estimator.on(uncalibrated(served), A10G, 1).batch()).isGreaterThan(est.batch());
    }

    @Test
    void aOneShotWhisperPassIsCalibratedToo() {
        var oneShot = estimator.requirements(Workloads.inference(Workloads.preset("whisper-large-v3", Precision.FP16), null, 0, null));
        assertThat(oneShot.llm()).isFalse();
        var calibrated = estimator.on(oneShot, A10G, 1);
        var before = estimator.on(uncalibrated(oneShot), A10G, 1);
        assertThat(calibrated.requestsPerSecond()).isCloseTo(before.requestsPerSecond() * oneShot.calibration(), Percentage.withPercentage(1e-9));
        assertThat(calibrated.latencyMsP99()).isCloseTo(before.latencyMsP99() / oneShot.calibration(), Percentage.withPercentage(1e-9));
    }
}
