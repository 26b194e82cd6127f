package dev.mlplan.estimate;

import dev.mlplan.util.Lazy;
import java.util.List;

/**
 * Serving on one instance (all its accelerators, tensor-parallel), or on CPU.
 *
 * @param fits whether weights + runtime overhead + the KV cache of one request fit in memory
 * @param neededGiB memory needed at batch 1
 * @param availableGiB memory available (accelerator memory, or instance/function memory for CPU)
 * @param batch concurrent requests the memory left allows (capped by the latency target)
 * @param tokensPerSecond generated tokens per second at that batch (0 for non-LLMs)
 * @param requestsPerSecond sustainable requests per second per instance
 * @param latencyMsP99 estimated p99 latency of one request at that batch
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
        Lazy<List<Step>> stepChain) {

    public InferenceEstimate(boolean fits, double neededGiB, double availableGiB, int batch, double tokensPerSecond, double requestsPerSecond,
            double latencyMsP99, List<Step> steps) {
        this(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99, Lazy.ofValue(List.copyOf(steps)));
    }

    /** The chain of formulas behind the figures, for explain and reports. */
    public List<Step> steps() {
        return stepChain.get();
    }

    /** The same figures with another chain of steps. */
    public InferenceEstimate withStepChain(Lazy<List<Step>> chain) {
        return new InferenceEstimate(fits, neededGiB, availableGiB, batch, tokensPerSecond, requestsPerSecond, latencyMsP99, chain);
    }
}
