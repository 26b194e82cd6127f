package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Precision;

/**
 * A model with every figure the estimators need: a preset merged with the user's fields.
 *
 * @param parameters total parameters (all experts for mixture-of-experts)
 * @param activeParameters parameters used per token (equals parameters for dense models)
 * @param layers 0 when unknown (non-transformers)
 * @param headDim width of one attention head; given as 0 it becomes hidden ÷ heads
 * @param forwardFlopsPerSample forward FLOPs per sample for non-token models (CNN: 2 × multiply-adds), 0 for LLMs
 * @param contextLength maximum context, 0 when not a sequence model
 */
public record ResolvedModel(
        String name,
        Architecture architecture,
        double parameters,
        double activeParameters,
        int layers,
        int hidden,
        int heads,
        int kvHeads,
        int headDim,
        int vocabulary,
        int contextLength,
        double forwardFlopsPerSample,
        Precision precision) {

    public ResolvedModel {
        if (headDim <= 0) {
            headDim = heads > 0 ? hidden / heads : 0;
        }
    }

    public boolean isTransformer() {
        return architecture == Architecture.TRANSFORMER;
    }

    public double weightBytes() {
        return parameters * precision.bytes();
    }
}
