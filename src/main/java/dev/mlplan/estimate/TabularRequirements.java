package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.Tabular;

/**
 * What one tree or linear training run needs, independent of where it runs (docs/estimation.md,
 * Classical models).
 *
 * @param shape the workload's rows, features, rounds and depth
 * @param epochs passes over the data of a linear model (1 for trees)
 * @param work for trees row × feature × round × depth-level units, for linear models row × feature × epoch
 * @param cpuHostBytes the whole training set in a CPU machine's memory
 * @param gpuHostBytes the whole training set in a GPU machine's host memory
 * @param gpuDeviceBytes the whole training set in GPU memory (trees only; 0 for linear models)
 */
public record TabularRequirements(Tabular shape, double epochs, double work, double cpuHostBytes, double gpuHostBytes, double gpuDeviceBytes) {

    public boolean trees() {
        return shape.trees();
    }

    /** "xgboost (trees)" or "sgd (linear)": how plans name the model. */
    public String modelName() {
        return trees() ? "boosted trees" : "linear model";
    }
}
