package dev.mlplan.estimate;

import dev.mlplan.util.Lazy;
import java.util.List;

/**
 * Serving on one instance (an LLM as {@code replicas} × tensor-parallel {@code tensorParallel}), or on CPU.
 *
 * @param fits whether weights + runtime overhead + the KV cache of one request fit in memory
 * @param neededGiB memory needed at batch 1 (all replicas)
 * @param availableGiB memory available (accelerator memory, or instance/function memory for CPU)
 * @param batch concurrent requests per replica the memory left allows (capped by the latency target)
 * @param tokensPerSecond generated tokens per second at that batch, all replicas (0 for non-LLMs)
 * @param requestsPerSecond sustainable requests per second per instance
 * @param latencyMsP99 estimated p99 latency of one request at that batch
 * @param meanLatencyMs mean time one request takes at that batch (what a per-request service bills at batch 1)
 * @param tensorParallel chips one model replica spans
 * @param replicas model replicas on the instance
 * @param ttftMsP99 estimated p99 time to first token (LLMs; 0 otherwise)
 * @param tpotMsP99 estimated p99 time per output token (LLMs; 0 otherwise)
 * @param stepChain the chain of formulas, for explain, made on first use ({@link #steps()})
 */
public record InferenceEstimate(
        boolean fits,
        double neededGiB,
        double availableGiB,
        int batch,
        double tokensPerSecond,
        double requestsPerSecond,
        double latencyMsP99,
        double meanLatencyMs,
        int tensorParallel,
        int replicas,
        double ttftMsP99,
        double tpotMsP99,
        Lazy<List<Step>> stepChain) {

    public InferenceEstimate(boolean fits, double neededGiB, double availableGiB, int batch, double tokensPerSecond, double requestsPerSecond,
            double latencyMsP99, double meanLatencyMs, int tensorParallel, int replicas, double ttftMsP99, double tpotMsP99, List<Step> steps) {
        this(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99, meanLatencyMs, tensorParallel, replicas,
                ttftMsP99, tpotMsP99, Lazy.ofValue(List.copyOf(steps)));
    }

    /** Figures without a layout or token timings (a one-shot model on one replica, or a test's facts). */
    public InferenceEstimate(boolean fits, double neededGiB, double availableGiB, int batch, double tokensPerSecond, double requestsPerSecond,
            double latencyMsP99, double meanLatencyMs, List<Step> steps) {
        this(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99, meanLatencyMs, 1, 1, 0, 0, steps);
    }

    /** The chain of formulas behind the figures, for explain and reports. */
    public List<Step> steps() {
        return stepChain.get();
    }

    /** The same figures with another chain of steps. */
    public InferenceEstimate withStepChain(Lazy<List<Step>> chain) {
        return new InferenceEstimate(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99, meanLatencyMs,
                tensorParallel, replicas, ttftMsP99, tpotMsP99, chain);
    }

    /** The same figures with {@code ms} more at p99 (a cold start) and in time to first token. */
    public InferenceEstimate plusLatency(double ms) {
        return new InferenceEstimate(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99 + ms, meanLatencyMs,
                tensorParallel, replicas, ttftMsP99 > 0 ? ttftMsP99 + ms : 0, tpotMsP99, stepChain);
    }
}
