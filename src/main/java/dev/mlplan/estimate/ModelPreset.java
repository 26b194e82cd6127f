package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.Architecture;

/**
 * One row of {@code model-presets.json}: a named model's figures and where they come from. Zero
 * means unknown or not applicable.
 *
 * @param role how the model is served (decode loop or one shot)
 * @param headDim width of one attention head when the config gives one that is not hidden ÷ heads
 *     (Gemma, Qwen 3, Mistral NeMo), 0 = hidden ÷ heads; it sizes the KV cache
 * @param intermediate feed-forward width (config {@code intermediate_size}, per expert for
 *     mixture-of-experts); a shape fact the preset tests check the parameter count against, not
 *     used by the estimators
 * @param forwardFlopsPerSample forward FLOPs of one sample for models costed per sample
 * @param diffusionSteps denoising steps per image when the workload gives none; above 0 only for
 *     diffusion presets, each step being 2 forward passes (classifier-free guidance)
 * @param nativeResolution image side in pixels at which {@code forwardFlopsPerSample} is given
 *     (diffusion presets), 0 = not an image generator
 * @param guidancePasses model passes per denoising step of a diffusion preset: 2 with
 *     classifier-free guidance (with and without the prompt), 1 for guidance-distilled models
 *     (FLUX.1); 0 when not a diffusion preset
 * @param servingUtilisation share of dense peak the model reaches when served on accelerators, 0 =
 *     mlplan's one-shot default
 * @param servingUtilisationSource the published results that set {@code servingUtilisation}
 * @param trainingActivationBytesPerSample activations per sample at training time (per-sample models)
 * @param trainingMicroBatch default micro-batch for per-sample models, 0 = mlplan's default
 * @param defaultTokensIn tokens (or frames) per request when the workload gives none, 0 = mlplan's default
 * @param source model card, config or paper the figures come from
 * @param url the model's page (its card and config), for docs/presets.md
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
        int headDim,
        int intermediate,
        int vocabulary,
        int contextLength,
        double forwardFlopsPerSample,
        int diffusionSteps,
        int nativeResolution,
        int guidancePasses,
        double servingUtilisation,
        String servingUtilisationSource,
        double trainingActivationBytesPerSample,
        int trainingMicroBatch,
        int defaultTokensIn,
        String source,
        String url) {

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

    /** A diffusion model: steps and resolution set its cost per image. */
    boolean diffusion() {
        return diffusionSteps > 0 && nativeResolution > 0;
    }
}
