package dev.mlplan.estimate;

import dev.mlplan.estimate.ModelPreset.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A resolved model plus the preset facts the estimators need beyond {@link ResolvedModel}.
 *
 * @param diffusionSteps default denoising steps per image of a diffusion preset, 0 = not diffusion
 * @param nativeResolution image side in pixels at which a diffusion preset's FLOPs are given
 * @param guidancePasses model passes per denoising step of a diffusion preset (2 with
 *     classifier-free guidance, 1 when guidance-distilled)
 * @param servingUtilisation share of dense peak reached when served one-shot on accelerators, 0 = default
 * @param servingUtilisationSource the published results behind {@code servingUtilisation}
 * @param trainingActivationBytesPerSample activations per sample at training time (per-sample models), 0 = derive
 * @param trainingMicroBatch micro-batch for per-sample models, 0 = default
 * @param defaultTokensIn tokens per request when the workload gives none, 0 = default
 * @param derivation how fields that were not given were derived, empty when none were
 */
record ModelProfile(
        ResolvedModel model,
        Role role,
        int diffusionSteps,
        int nativeResolution,
        int guidancePasses,
        double servingUtilisation,
        String servingUtilisationSource,
        double trainingActivationBytesPerSample,
        int trainingMicroBatch,
        int defaultTokensIn,
        String source,
        String derivation) {

    boolean diffusion() {
        return diffusionSteps > 0 && nativeResolution > 0;
    }

    /** The first steps of every estimate: which model, its size and source, and how its shape was derived. */
    List<Step> steps() {
        ResolvedModel m = model;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("model", m.name(), Fmt.count(m.parameters()) + " parameters"
                + (m.activeParameters() < m.parameters() ? ", " + Fmt.count(m.activeParameters()) + " active per token" : "")
                + ", " + m.precision().yamlName() + "; source: " + source));
        if (!derivation.isEmpty()) {
            steps.add(new Step("model shape", m.layers() + " layers × hidden " + m.hidden(), derivation));
        }
        return steps;
    }
}
