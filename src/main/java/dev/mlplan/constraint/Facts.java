package dev.mlplan.constraint;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.workload.Workload;
import java.util.Optional;

/**
 * Everything a rule may look at for one candidate: the workload, the catalog, what the part needs,
 * and what the estimators expect the candidate to achieve.
 *
 * @param instancesNeeded for inference: instances the fleet needs at peak (0 when not computed)
 * @param effectiveHoursPerRun for training offers: hours per run including spot rework (0 when not computed)
 * @param reader for storage: the instance type that reads the data (the best training or inference
 *     option's), when the workload has one
 */
public record Facts(
        Workload workload,
        Catalog catalog,
        Candidate candidate,
        Optional<TrainingRequirements> trainingRequirements,
        Optional<TrainingEstimate> training,
        Optional<InferenceRequirements> inferenceRequirements,
        Optional<InferenceEstimate> inference,
        Optional<StorageRequirements> storage,
        int instancesNeeded,
        double effectiveHoursPerRun,
        Optional<dev.mlplan.catalog.InstanceType> reader) {

    public Service service() {
        return candidate.service();
    }

    public Part part() {
        return candidate.part();
    }

    /** Hours of one training run: with spot rework where the offer computed it, else the estimate's; 0 when unknown. */
    public double runHours() {
        return effectiveHoursPerRun > 0 ? effectiveHoursPerRun : training.isPresent() ? training.get().hoursPerRun() : 0;
    }
}
