package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.CATALOG;
import static dev.mlplan.constraint.rules.RuleFixtures.workload;
import static dev.mlplan.constraint.rules.RuleFixtures.yamlNumber;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.TabularEstimator;
import dev.mlplan.estimate.TrainingEstimate;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a tree or linear model's training part, for rule tests. Defaults: boosted trees on
 * 1M rows × 100 features, 1,000 rounds; one run takes 1 h. The requirements come from the real
 * {@link TabularEstimator}, so memory figures are mlplan's.
 */
final class TabularFacts extends PartFacts<TabularFacts> {
    private String architecture = "tree";
    private double rows = 1e6;
    private int features = 100;

    /** {@code training.model.architecture: linear}. */
    TabularFacts linear() {
        this.architecture = "linear";
        return this;
    }

    /** {@code training.dataset.rows}. */
    TabularFacts rows(double rows) {
        this.rows = rows;
        return this;
    }

    /** {@code training.dataset.features}. */
    TabularFacts features(int features) {
        this.features = features;
        return this;
    }

    /** The facts of this training part running on {@code shape}. */
    Facts on(RuleFixtures.Shape shape) {
        var w = workload(constraintsYaml() + "training:\n"
                + "  model: { architecture: " + architecture + " }\n"
                + "  dataset: { size: 10 GB, rows: " + yamlNumber(rows) + ", features: " + features + " }\n");
        var requirements = new TabularEstimator().requirements(w.training().orElseThrow());
        var estimate = new TrainingEstimate(true, 0, 0, 1, 0, 1, List.of());
        return new Facts(w, CATALOG, shape.of(Part.TRAINING), Optional.of(requirements), Optional.of(estimate), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
    }
}
