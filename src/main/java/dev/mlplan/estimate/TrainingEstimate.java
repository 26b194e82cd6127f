package dev.mlplan.estimate;

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
 * @param steps the chain of formulas, for explain
 */
public record TrainingEstimate(
        boolean fits,
        double neededGiBPerAccelerator,
        double availableGiBPerAccelerator,
        double hoursPerRun,
        double mfu,
        double scalingEfficiency,
        List<Step> steps) {}
