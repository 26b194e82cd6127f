package dev.mlplan.estimate;

import java.util.List;

/**
 * What an inference service needs, independent of where it runs.
 *
 * @param llm true for token-generating models (decode loop), false for one-shot models (CNN, BERT)
 * @param weightBytes weights at the serving precision
 * @param kvBytesPerToken KV-cache bytes per token of context (0 for non-LLMs)
 * @param flopsPerRequest FLOPs of one request (prefill + decode for LLMs)
 * @param peakRps requests per second at peak
 * @param averageRps requests per second on average over serving hours
 * @param latencyTargetMs p99 target, or 0 when none
 * @param workingBytesPerRequest activations live while one request is served (one-shot models)
 * @param servingUtilisation share of dense peak a one-shot model reaches on accelerators: the preset's
 *     calibrated figure, or 0 for mlplan's one-shot default
 * @param servingUtilisationSource where {@code servingUtilisation} comes from (empty for the default)
 * @param ttftTargetMs p99 time-to-first-token target, or 0 when none (LLMs)
 * @param tpotTargetMs p99 time-per-output-token target, or 0 when none (LLMs)
 * @param calibration measured ÷ estimated speed every estimate of this model is scaled by: rates ×
 *     it, times ÷ it (the speech calibration of Whisper presets, {@link InferenceEstimator#speechCalibration()});
 *     1 for every other model
 */
public record InferenceRequirements(
        ResolvedModel model,
        boolean llm,
        double weightBytes,
        double kvBytesPerToken,
        int tokensIn,
        int tokensOut,
        double flopsPerRequest,
        double peakRps,
        double averageRps,
        double latencyTargetMs,
        double workingBytesPerRequest,
        double servingUtilisation,
        String servingUtilisationSource,
        List<Step> steps,
        double ttftTargetMs,
        double tpotTargetMs,
        double calibration) {

    /** Requirements of an uncalibrated model. */
    public InferenceRequirements(ResolvedModel model, boolean llm, double weightBytes, double kvBytesPerToken, int tokensIn, int tokensOut,
            double flopsPerRequest, double peakRps, double averageRps, double latencyTargetMs, double workingBytesPerRequest,
            double servingUtilisation, String servingUtilisationSource, List<Step> steps, double ttftTargetMs, double tpotTargetMs) {
        this(model, llm, weightBytes, kvBytesPerToken, tokensIn, tokensOut, flopsPerRequest, peakRps, averageRps, latencyTargetMs,
                workingBytesPerRequest, servingUtilisation, servingUtilisationSource, steps, ttftTargetMs, tpotTargetMs, 1);
    }

    /** Requirements with at most a latency target. */
    public InferenceRequirements(ResolvedModel model, boolean llm, double weightBytes, double kvBytesPerToken, int tokensIn, int tokensOut,
            double flopsPerRequest, double peakRps, double averageRps, double latencyTargetMs, double workingBytesPerRequest,
            double servingUtilisation, String servingUtilisationSource, List<Step> steps) {
        this(model, llm, weightBytes, kvBytesPerToken, tokensIn, tokensOut, flopsPerRequest, peakRps, averageRps, latencyTargetMs,
                workingBytesPerRequest, servingUtilisation, servingUtilisationSource, steps, 0, 0);
    }

    /** Whether any serving target (latency, time to first token, time per output token) is set. */
    public boolean hasTarget() {
        return latencyTargetMs > 0 || ttftTargetMs > 0 || tpotTargetMs > 0;
    }
}
