package dev.mlplan.estimate;

import dev.mlplan.estimate.ModelPreset.Role;

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
        String derivation) {}
