package dev.mlplan.estimate;

import dev.mlplan.workload.DataRate;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Rate;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Availability;
import dev.mlplan.workload.Workload.Dataset;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.ModelSpec;
import dev.mlplan.workload.Workload.Pattern;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.Workload.Storage;
import dev.mlplan.workload.Workload.Traffic;
import dev.mlplan.workload.Workload.Training;
import dev.mlplan.workload.Workload.Transfer;
import java.util.Optional;

/** Builders for workload records in tests. */
final class Workloads {
    private Workloads() {}

    static ModelSpec preset(String name) {
        return preset(name, Precision.BF16);
    }

    static ModelSpec preset(String name, Precision precision) {
        return new ModelSpec(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), precision);
    }

    static ModelSpec presetWithParameters(String name, double parameters) {
        return new ModelSpec(Optional.of(name), Optional.of(parameters), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Precision.BF16);
    }

    static ModelSpec custom(double parameters, Architecture architecture) {
        return new ModelSpec(Optional.empty(), Optional.of(parameters), Optional.of(architecture), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Precision.BF16);
    }

    static ModelSpec customCnn(double parameters, double flopsPerSample) {
        return new ModelSpec(Optional.empty(), Optional.of(parameters), Optional.of(Architecture.CNN), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(flopsPerSample), Precision.BF16);
    }

    static Training tokens(ModelSpec model, Method method, double tokens, Integer sequence, double epochs) {
        return new Training(model, method, new Dataset(DataSize.ofGb(tokens * 4 / 1e9), Optional.of(tokens), Optional.empty(), "s3"),
                Optional.ofNullable(sequence), epochs, 1, Optional.empty(), Optional.empty(), false);
    }

    /** Boosted trees (architecture tree) on rows × features, {@code rounds} rounds of depth {@code depth}. */
    static Training trees(double rows, int features, int rounds, int depth) {
        return tabular(Architecture.TREE, rows, features, rounds, depth, 1);
    }

    /** A linear model trained by SGD for {@code epochs} passes over rows × features. */
    static Training linear(double rows, int features, double epochs) {
        return tabular(Architecture.LINEAR, rows, features, 0, 0, epochs);
    }

    private static Training tabular(Architecture architecture, double rows, int features, int rounds, int depth, double epochs) {
        var model = new ModelSpec(Optional.empty(), Optional.empty(), Optional.of(architecture), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Precision.FP32);
        var dataset = new Dataset(new DataSize(rows * features * 4), Optional.empty(), Optional.empty(), "s3");
        return new Training(model, Method.FULL, dataset, Optional.empty(), epochs, 1, Optional.empty(), Optional.empty(), false, false, dev.mlplan.workload.Workload.DataPipeline.CPU, 1, 1,
                Optional.of(new dev.mlplan.workload.Workload.Tabular(architecture, rows, features, true, rounds, depth)));
    }

    static Training samples(ModelSpec model, Method method, double samples, double epochs) {
        return new Training(model, method, new Dataset(DataSize.ofGb(150), Optional.empty(), Optional.of(samples), "s3"),
                Optional.empty(), epochs, 1, Optional.empty(), Optional.empty(), false);
    }

    static Inference inference(ModelSpec model, Integer tokensIn, Integer tokensOut, Double latencyP99Ms) {
        return new Inference(model, new Traffic(new Rate(10), new Rate(30), Pattern.STEADY), Optional.ofNullable(tokensIn),
                Optional.ofNullable(tokensOut), Optional.empty(), Optional.empty(), Optional.ofNullable(latencyP99Ms).map(ms -> new TimeSpan(ms / 1000)),
                Availability.SINGLE, 24);
    }

    /** A diffusion preset served at the given steps and resolution (null: the preset's). */
    static Inference diffusion(String preset, Precision precision, Integer steps, Integer resolution) {
        return new Inference(preset(preset, precision), new Traffic(new Rate(10), new Rate(30), Pattern.STEADY), Optional.empty(),
                Optional.empty(), Optional.ofNullable(steps), Optional.ofNullable(resolution), Optional.empty(), Availability.SINGLE, 24);
    }

    static Storage storage(double dataGb, double growthGbPerMonth, double reads, double writes, int prefixes) {
        double growth = growthGbPerMonth * 1e9 / (TimeSpan.HOURS_PER_MONTH * 3600.0);
        return new Storage(DataSize.ofGb(dataGb), new DataRate(growth), new Rate(reads), new Rate(writes), prefixes,
                Optional.of(20000.0), Optional.of(new DataRate(500e6)), 8, dev.mlplan.workload.Workload.Access.FREQUENT, Transfer.none());
    }

    static Assumptions mfu(double mfu) {
        return new Assumptions(Optional.of(mfu), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Assumptions multiNode(double perDoubling) {
        return new Assumptions(Optional.empty(), Optional.empty(), Optional.of(perDoubling), Optional.empty(), Optional.empty());
    }
}
