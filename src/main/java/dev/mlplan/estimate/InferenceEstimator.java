package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Inference;

/** Inference memory, throughput and latency (formulas and sources in VALIDATION.md). */
public final class InferenceEstimator {
    private final Assumptions assumptions;

    public InferenceEstimator(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    public InferenceRequirements requirements(Inference inference) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    /** Serving on one instance with {@code count} accelerators (tensor-parallel across them). */
    public InferenceEstimate on(InferenceRequirements req, Accelerator acc, int count) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    /** Serving on CPUs only (a CPU instance, Fargate task or Lambda function). */
    public InferenceEstimate onCpu(InferenceRequirements req, double vcpus, double memoryGiB) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    Assumptions assumptions() {
        return assumptions;
    }
}
