package dev.mlplan.estimate;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Training;

/** Training compute, memory and wall time (formulas and sources in VALIDATION.md). */
public final class TrainingEstimator {
    private final Assumptions assumptions;

    public TrainingEstimator(Assumptions assumptions) {
        this.assumptions = assumptions;
    }

    public TrainingRequirements requirements(Training training) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    /**
     * One run on {@code nodes} machines of {@code perNode} accelerators each.
     *
     * @param efa whether the nodes have EFA (multi-node scaling is worse without it)
     */
    public TrainingEstimate on(TrainingRequirements req, Accelerator acc, int perNode, int nodes, boolean efa) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    /** One run on CPUs only (a CPU instance or a Lambda function). */
    public TrainingEstimate onCpu(TrainingRequirements req, double vcpus, double memoryGiB) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    Assumptions assumptions() {
        return assumptions;
    }
}
