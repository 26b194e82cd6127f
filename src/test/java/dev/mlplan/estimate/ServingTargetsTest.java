package dev.mlplan.estimate;

import static dev.mlplan.estimate.TestAccelerators.H100;
import static dev.mlplan.estimate.TestAccelerators.L40S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Precision;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * inference.ttft_p99 and inference.tpot_p99 steer the one batch and layout search that latency_p99
 * steers: the largest batch (and the layout serving the most) that meets every target set, so that
 * the fleet, and the cost, is the smallest that meets them.
 */
class ServingTargetsTest {
    private final InferenceEstimator estimator = new InferenceEstimator(null);

    private static Inference chat(int tokensIn, Double latencyMs, Double ttftMs, Double tpotMs) {
        Inference base = Workloads.inference(Workloads.preset("llama-3.1-8b", Precision.FP16), tokensIn, 256, latencyMs);
        return new Inference(base.model(), base.traffic(), base.tokensIn(), base.tokensOut(), base.steps(), base.resolution(), base.latencyP99(),
                base.availability(), base.hoursPerDay(), Optional.ofNullable(ttftMs).map(ms -> new TimeSpan(ms / 1000)),
                Optional.ofNullable(tpotMs).map(ms -> new TimeSpan(ms / 1000)));
    }

    /** Seeded targets between a tenth and twice the untargeted figures, on one and on eight chips. */
    static Stream<Arguments> targets() {
        Random random = new Random(16_5);
        return IntStream.range(0, 24).mapToObj(i -> {
            Accelerator acc = i % 2 == 0 ? H100 : L40S;
            int count = i % 3 == 0 ? 8 : 1;
            int tokensIn = new int[] {256, 2048, 8192}[i % 3];
            return Arguments.of(acc, count, tokensIn, 0.1 + 1.9 * random.nextDouble(), 0.1 + 1.9 * random.nextDouble());
        });
    }

    @ParameterizedTest(name = "{1} × {0}, {2} tokens in, ttft × {3}, tpot × {4}")
    @MethodSource("targets")
    void theChosenLayoutMeetsEveryTargetItCanAndServesNoMoreThanWithoutThem(Accelerator acc, int count, int tokensIn, double ttftShare,
            double tpotShare) {
        InferenceEstimate free = estimator.on(estimator.requirements(chat(tokensIn, null, null, null)), acc, count);
        double ttftTarget = free.ttftMsP99() * ttftShare;
        double tpotTarget = free.tpotMsP99() * tpotShare;
        InferenceEstimate held = estimator.on(estimator.requirements(chat(tokensIn, null, ttftTarget, tpotTarget)), acc, count);
        assertThat(held.fits()).isTrue();
        assertThat(held.requestsPerSecond()).isLessThanOrEqualTo(free.requestsPerSecond() * 1.0000001);
        boolean met = held.ttftMsP99() <= ttftTarget && held.tpotMsP99() <= tpotTarget;
        if (!met) {
            // only when no batch meets both: the search then serves one request at a time per replica
            assertThat(held.batch()).isEqualTo(1);
        }
        if (ttftShare >= 1 && tpotShare >= 1) {
            assertThat(met).isTrue();
            assertThat(held.requestsPerSecond()).isEqualTo(free.requestsPerSecond());
        }
    }

    @ParameterizedTest(name = "{1} × {0}, {2} tokens in")
    @MethodSource("targets")
    void aTimeToFirstTokenTargetBesideTheLatencyTargetNeverServesMoreNorBreaksTheLatencyTarget(Accelerator acc, int count, int tokensIn, double share, double unused) {
        InferenceEstimate free = estimator.on(estimator.requirements(chat(tokensIn, null, null, null)), acc, count);
        double latencyTarget = free.latencyMsP99() * 2;
        InferenceEstimate latencyOnly = estimator.on(estimator.requirements(chat(tokensIn, latencyTarget, null, null)), acc, count);
        InferenceEstimate both = estimator.on(estimator.requirements(chat(tokensIn, latencyTarget, free.ttftMsP99() * share, null)), acc, count);
        assertThat(both.requestsPerSecond()).isLessThanOrEqualTo(latencyOnly.requestsPerSecond() * 1.0000001);
        assertThat(both.latencyMsP99()).isLessThanOrEqualTo(latencyTarget);
    }
}
