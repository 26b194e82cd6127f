package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.Architecture;

/**
 * One row of {@code model-presets.json}: a named model's figures and where they come from. Zero
 * means unknown or not applicable.
 *
 * @param role how the model is served (decode loop or one shot)
 * @param forwardFlopsPerSample forward FLOPs of one sample for models costed per sample
 * @param passesPerRequest forward passes per inference request (diffusion: steps × guidance), 0 = 1
 * @param trainingActivationBytesPerSample activations per sample at training time (per-sample models)
 * @param trainingMicroBatch default micro-batch for per-sample models, 0 = mlplan's default
 * @param defaultTokensIn tokens (or frames) per request when the workload gives none, 0 = mlplan's default
 * @param source model card, config or paper the figures come from
 */
record ModelPreset(
        String name,
        Architecture architecture,
        Role role,
        double parameters,
        double activeParameters,
        int layers,
        int hidden,
        int heads,
        int kvHeads,
        int vocabulary,
        int contextLength,
        double forwardFlopsPerSample,
        int passesPerRequest,
        double trainingActivationBytesPerSample,
        int trainingMicroBatch,
        int defaultTokensIn,
        String source) {

    /** How a model produces its answer. */
    enum Role {
        /** Autoregressive decoder: prefill, then one decode step per output token. */
        DECODER,
        /** Encoder-decoder (Whisper): encodes the input once, then decodes tokens. */
        ENCODER_DECODER,
        /** Encoder only (BERT): one forward pass over the input tokens. */
        ENCODER,
        /** One forward pass per sample, costed by FLOPs per sample (CNN, ViT, diffusion U-Net). */
        ONE_SHOT;

        boolean generates() {
            return this == DECODER || this == ENCODER_DECODER;
        }
    }
}
