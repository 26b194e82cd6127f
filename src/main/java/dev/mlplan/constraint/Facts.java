package dev.mlplan.constraint;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.workload.TimeSpan;
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
 * @param batch for a batch job: the job and its sizing; its inference requirements and estimate are
 *     those of one request of the job, and {@code effectiveHoursPerRun} is one run's hours
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
        Optional<dev.mlplan.catalog.InstanceType> reader,
        Optional<BatchRun> batch) {

    /** Facts of a training, inference or storage candidate. */
    public Facts(Workload workload, Catalog catalog, Candidate candidate, Optional<TrainingRequirements> trainingRequirements,
            Optional<TrainingEstimate> training, Optional<InferenceRequirements> inferenceRequirements, Optional<InferenceEstimate> inference,
            Optional<StorageRequirements> storage, int instancesNeeded, double effectiveHoursPerRun, Optional<dev.mlplan.catalog.InstanceType> reader) {
        this(workload, catalog, candidate, trainingRequirements, training, inferenceRequirements, inference, storage, instancesNeeded,
                effectiveHoursPerRun, reader, Optional.empty());
    }

    public Service service() {
        return candidate.service();
    }

    public Part part() {
        return candidate.part();
    }

    /** The deadline of one run: the batch job's for a batch candidate, else the training run's. */
    public Optional<TimeSpan> runDeadline() {
        if (batch.isPresent()) {
            return batch.get().batch().deadline();
        }
        return workload.training().isPresent() ? workload.training().get().deadline() : Optional.empty();
    }

    /** Hours of one training run: with spot rework where the offer computed it, else the estimate's; 0 when unknown. */
    public double runHours() {
        return effectiveHoursPerRun > 0 ? effectiveHoursPerRun : training.isPresent() ? training.get().hoursPerRun() : 0;
    }

    /** The training sweep this training candidate runs (training.trials above 1); empty for one run and for other parts. */
    public Optional<dev.mlplan.workload.Workload.Training> sweep() {
        return part() == Part.TRAINING ? workload.training().filter(dev.mlplan.workload.Workload.Training::isSweep) : Optional.empty();
    }

    /** Hours the job holds its instances each time it runs: a sweep's waves × {@link #runHours()}, else one run's. */
    public double jobHours() {
        return sweep().map(t -> t.sweepHours(runHours())).orElse(runHours());
    }

    /** Instances the job holds at once: a sweep's concurrent trials × the candidate's nodes, else the candidate's count. */
    public int instancesAtOnce() {
        return sweep().map(t -> t.concurrency() * candidate.count()).orElse(candidate.count());
    }

}
