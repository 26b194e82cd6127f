package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.CATALOG;
import static dev.mlplan.constraint.rules.RuleFixtures.workload;

import dev.mlplan.constraint.BatchRun;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.ModelPresets;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a batch (offline inference) part, for rule tests. Defaults: bert-large over 1M items,
 * no deadline, interruptible; one instance fits the model (1 GiB needed of 24 GiB) and processes 100
 * items/s; one run takes 1 h; the deadline needs as many instances as the shape has.
 */
final class BatchFacts extends PartFacts<BatchFacts> {
    private String deadline;
    private Boolean interruptible;
    private double itemsPerSecondEach = 100;
    private double hoursPerRun = 1;
    private Integer nodesNeeded;
    private double neededGiB = 1;
    private double availableGiB = 24;

    /** {@code batch.deadline}, such as "6h". */
    BatchFacts deadline(String deadline) {
        this.deadline = deadline;
        return this;
    }

    /** {@code batch.interruptible}. */
    BatchFacts interruptible(boolean interruptible) {
        this.interruptible = interruptible;
        return this;
    }

    /** Items one instance processes per second. */
    BatchFacts itemsPerSecondEach(double items) {
        this.itemsPerSecondEach = items;
        return this;
    }

    /** Hours one run takes on the shape (with spot rework on a spot offer). */
    BatchFacts hoursPerRun(double hours) {
        this.hoursPerRun = hours;
        return this;
    }

    /** Instances the deadline needs (absent: as many as the shape has). */
    BatchFacts nodesNeeded(int nodes) {
        this.nodesNeeded = nodes;
        return this;
    }

    /** Memory serving the model needs on one instance; it fits when the instance has as much. */
    BatchFacts needsGiB(double gib) {
        this.neededGiB = gib;
        return this;
    }

    /** The facts of this batch job running on {@code shape}. */
    Facts on(RuleFixtures.Shape shape) {
        var w = workload(sections());
        var b = w.batch().orElseThrow();
        var requirements = new InferenceRequirements(ModelPresets.find("bert-large").orElseThrow(), false, 0.7e9, 0, 512, 0, 3.5e11, 0, 0, 0, 0, 0,
                "", List.of());
        var estimate = new InferenceEstimate(neededGiB <= availableGiB, neededGiB, availableGiB, 64, 0, itemsPerSecondEach, 0, 0, List.of());
        int needed = nodesNeeded != null ? nodesNeeded : shape.count();
        return new Facts(w, CATALOG, shape.of(Part.BATCH), Optional.empty(), Optional.empty(), Optional.of(requirements), Optional.of(estimate),
                Optional.empty(), needed, hoursPerRun, Optional.empty(), Optional.of(new BatchRun(b, itemsPerSecondEach, needed)));
    }

    private String sections() {
        var yaml = new StringBuilder(constraintsYaml()).append("batch:\n")
                .append("  model: { preset: bert-large }\n")
                .append("  items: 1M\n");
        if (deadline != null) {
            yaml.append("  deadline: ").append(deadline).append('\n');
        }
        if (interruptible != null) {
            yaml.append("  interruptible: ").append(interruptible).append('\n');
        }
        return yaml.toString();
    }
}
