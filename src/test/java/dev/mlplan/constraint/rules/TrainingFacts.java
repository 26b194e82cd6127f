package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.CATALOG;
import static dev.mlplan.constraint.rules.RuleFixtures.workload;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.workload.Workload.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Facts about a training part, for rule tests. Defaults: llama-2-7b, full training, no deadline,
 * interruptible; the estimate fits (1 GiB needed of 80 GiB per accelerator) and one run takes 1 h.
 */
final class TrainingFacts extends PartFacts<TrainingFacts> {
    private String model = "llama-2-7b";
    private Method method = Method.FULL;
    private String deadline;
    private Boolean interruptible;
    private Boolean deadlineHard;
    private String checkpointEvery;
    private int trials = 1;
    private int concurrency = 1;
    private double neededGiBPerAccelerator = 1;
    private double availableGiBPerAccelerator = 80;
    private double hoursPerRun = 1;
    private double hoursPerRunWithSpotRework;

    /** {@code training.model.preset}. */
    TrainingFacts model(String preset) {
        this.model = preset;
        return this;
    }

    /** {@code training.method}. */
    TrainingFacts method(Method method) {
        this.method = method;
        return this;
    }

    /** {@code training.deadline}, such as "12h". */
    TrainingFacts deadline(String deadline) {
        this.deadline = deadline;
        return this;
    }

    /** {@code training.deadline_hard}. */
    TrainingFacts deadlineHard(boolean hard) {
        this.deadlineHard = hard;
        return this;
    }

    /** {@code training.trials} and {@code training.concurrency}: a sweep of runs. */
    TrainingFacts trials(int trials, int concurrency) {
        this.trials = trials;
        this.concurrency = concurrency;
        return this;
    }

    /** {@code training.checkpoint_every}, such as "1h". */
    TrainingFacts checkpointEvery(String every) {
        this.checkpointEvery = every;
        return this;
    }

    /** {@code training.interruptible}. */
    TrainingFacts interruptible(boolean interruptible) {
        this.interruptible = interruptible;
        return this;
    }

    /** Estimated memory one accelerator needs (sharded over the candidate's accelerators). */
    TrainingFacts needsGiBPerAccelerator(double gib) {
        this.neededGiBPerAccelerator = gib;
        return this;
    }

    /** Memory one accelerator of the candidate has. The run fits when it needs no more. */
    TrainingFacts acceleratorHasGiB(double gib) {
        this.availableGiBPerAccelerator = gib;
        return this;
    }

    /** Estimated wall-clock hours of one run. */
    TrainingFacts hoursPerRun(double hours) {
        this.hoursPerRun = hours;
        return this;
    }

    /** Estimated hours of one run on spot capacity, including the expected rework after interruptions. */
    TrainingFacts hoursPerRunWithSpotRework(double hours) {
        this.hoursPerRunWithSpotRework = hours;
        return this;
    }

    /** The facts of this training part running on {@code shape}. */
    Facts on(RuleFixtures.Shape shape) {
        var requirements = new TrainingRequirements(ModelPresets.find(model).orElseThrow(), method, 1e20, 1e11, 1e9, 1e10, 1, List.of(), 1e8,
                4.0 / 3);
        var estimate = new TrainingEstimate(neededGiBPerAccelerator <= availableGiBPerAccelerator, neededGiBPerAccelerator,
                availableGiBPerAccelerator, hoursPerRun, 0.4, 1.0, List.of());
        return new Facts(workload(sections()), CATALOG, shape.of(Part.TRAINING), Optional.of(requirements), Optional.of(estimate), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, hoursPerRunWithSpotRework, Optional.empty());
    }

    private String sections() {
        var yaml = new StringBuilder(constraintsYaml()).append("training:\n")
                .append("  model: { preset: ").append(model).append(" }\n")
                .append("  dataset: { size: 40 GB, tokens: 2B }\n");
        if (method != Method.FULL) {
            yaml.append("  method: ").append(method.name().toLowerCase(Locale.ROOT)).append('\n');
        }
        if (deadline != null) {
            yaml.append("  deadline: ").append(deadline).append('\n');
        }
        if (interruptible != null) {
            yaml.append("  interruptible: ").append(interruptible).append('\n');
        }
        if (deadlineHard != null) {
            yaml.append("  deadline_hard: ").append(deadlineHard).append('\n');
        }
        if (checkpointEvery != null) {
            yaml.append("  checkpoint_every: ").append(checkpointEvery).append('\n');
        }
        if (trials > 1) {
            yaml.append("  trials: ").append(trials).append("\n  concurrency: ").append(concurrency).append('\n');
        }
        return yaml.toString();
    }
}
