package dev.mlplan.estimate;

import dev.mlplan.estimate.ModelPreset.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A resolved model plus the preset facts the estimators need beyond {@link ResolvedModel}.
 *
 * @param passesPerRequest forward passes of {@code model.forwardFlopsPerSample()} per inference request
 * @param trainingActivationBytesPerSample activations per sample at training time (per-sample models), 0 = derive
 * @param trainingMicroBatch micro-batch for per-sample models, 0 = default
 * @param defaultTokensIn tokens per request when the workload gives none, 0 = default
 * @param derivation how fields that were not given were derived, empty when none were
 */
record ModelProfile(
        ResolvedModel model,
        Role role,
        int passesPerRequest,
        double trainingActivationBytesPerSample,
        int trainingMicroBatch,
        int defaultTokensIn,
        String source,
        String derivation) {

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
