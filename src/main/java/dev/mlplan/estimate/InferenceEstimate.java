package dev.mlplan.estimate;

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
 * @param steps the chain of formulas, for explain
 */
public record InferenceEstimate(
        boolean fits,
        double neededGiB,
        double availableGiB,
        int batch,
        double tokensPerSecond,
        double requestsPerSecond,
        double latencyMsP99,
        List<Step> steps) {}
