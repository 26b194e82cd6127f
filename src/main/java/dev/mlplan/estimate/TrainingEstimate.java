package dev.mlplan.estimate;

import dev.mlplan.util.Lazy;
import java.util.List;

/**
 * A training run on a given set of accelerators (one instance type × count, or a local machine).
 *
 * @param fits whether the per-accelerator memory need is within the accelerator's memory
 * @param neededGiBPerAccelerator memory one accelerator needs
 * @param availableGiBPerAccelerator memory one accelerator has
 * @param hoursPerRun wall-clock hours of one run
 * @param mfu model-FLOPs utilisation assumed
 * @param scalingEfficiency multi-node efficiency assumed (1 on one node)
 * @param stepChain the chain of formulas, for explain, made on first use ({@link #steps()})
 */
public record TrainingEstimate(
        boolean fits,
        double neededGiBPerAccelerator,
        double availableGiBPerAccelerator,
        double hoursPerRun,
        double mfu,
        double scalingEfficiency,
        Lazy<List<Step>> stepChain) {

    public TrainingEstimate(boolean fits, double neededGiBPerAccelerator, double availableGiBPerAccelerator, double hoursPerRun, double mfu,
            double scalingEfficiency, List<Step> steps) {
        this(fits, neededGiBPerAccelerator, availableGiBPerAccelerator, hoursPerRun, mfu, scalingEfficiency, Lazy.ofValue(List.copyOf(steps)));
    }

    /** The chain of formulas behind the figures, for explain and reports. */
    public List<Step> steps() {
        return stepChain.get();
    }
}
