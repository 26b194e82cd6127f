package dev.mlplan.cli;

import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.plan.Sweep;
import dev.mlplan.report.SweepRenderer;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import dev.mlplan.workload.WorkloadVariation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan sweep: one workload planned over a range of one key (or a grid of two), with the crossovers. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Plans the workload at each value of a numeric key, or each cell of a grid of two keys.",
            "It shows each part's best option and the monthly total per step, and finds the crossovers: the "
                    + "value, by bisection, at which a part's best option changes service, instance type, pricing "
                    + "model or region."
        },
        footer = {
            "",
            "KEY is a numeric workload key as docs/workload-reference.md names it; an",
            "item of a list by index or name: training[1].runs_per_month. FROM and TO",
            "are written in the key's units.",
            "",
            "Examples:",
            "  mlplan sweep workloads/tiny-sporadic.yaml \\",
            "      --vary inference.traffic.average=10/day..80000/day --log",
            "  mlplan sweep workloads/llama2-7b-finetune.yaml \\",
            "      --vary training.runs_per_month=1..60 --steps 60",
            "  mlplan sweep my.yaml --vary training.dataset.tokens=1B..100B --log \\",
            "      --format html --output sweep.html",
            "  mlplan sweep my.yaml --vary inference.traffic.average=1/s..100/s \\",
            "      --vary inference.hours_per_day=4..24 --steps 10"
        })
final class SweepCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "Workload YAML file.")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "KEY=FROM..TO",
            description = "Key and range, in the key's units; give it twice for a grid (rows by the second key).")
    List<String> vary;

    @Option(names = "--steps", paramLabel = "N", description = "Values per key, ends included (default: ${DEFAULT-VALUE}; a grid at most "
            + Sweep.MAX_STEPS + " cells).")
    int steps = 20;

    @Option(names = "--log", description = "Geometric steps (and log axes in the chart) instead of linear ones.")
    boolean log;

    @Mixin
    PlanFormatOption format = new PlanFormatOption(PlanFormat.table);

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Override
    public void run() {
        CliEnv env = parent.env();
        if (vary.size() > 2) {
            throw new ExitException(ExitCode.USAGE, "--vary: at most two keys (a grid); got " + vary.size());
        }
        if (steps < 2 || steps > Sweep.MAX_STEPS || Math.pow(steps, vary.size()) > Sweep.MAX_STEPS) {
            throw new ExitException(ExitCode.USAGE, "--steps: expected 2 to " + (vary.size() == 2 ? "100 for a grid of two keys (at most "
                    + Sweep.MAX_STEPS + " cells)" : Sweep.MAX_STEPS) + ", got " + steps);
        }
        if (Inputs.isStdin(file)) {
            throw new ExitException(ExitCode.USAGE, "sweep reads its FILE once per step; '-' (standard input) is not supported here: save the workload to a file");
        }
        Inputs.workloads(List.of(file), env);
        String text;
        try {
            text = Files.readString(env.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, file + ": cannot read (" + e.getMessage() + ")");
        }
        // one parser (immutable; each parse has its own binder) for the file and every thread's copy of it
        WorkloadParser parser = ModelPresets.workloadParser();
        WorkloadVariation variation;
        try {
            variation = WorkloadVariation.of(parser, file.toString(), text);
        } catch (WorkloadException e) {
            throw new ExitException(ExitCode.USAGE, e.getMessage());
        }
        List<WorkloadVariation.Knob> knobs = new ArrayList<>();
        List<Sweep.Axis> axes = new ArrayList<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            int dots = v.indexOf("..", Math.max(eq, 0));
            if (eq <= 0 || dots < 0) {
                throw new ExitException(ExitCode.USAGE, "--vary " + v + ": expected KEY=FROM..TO, such as inference.traffic.average=10/day..10000000/day");
            }
            WorkloadVariation.Knob knob;
            WorkloadVariation.Reading from;
            WorkloadVariation.Reading to;
            try {
                knob = variation.knob(v.substring(0, eq));
                from = knob.read(v.substring(eq + 1, dots));
                to = knob.read(v.substring(dots + 2));
            } catch (IllegalArgumentException e) {
                throw new ExitException(ExitCode.USAGE, "--vary: " + e.getMessage());
            }
            if (log && (from.value() <= 0 || to.value() <= 0)) {
                throw new ExitException(ExitCode.USAGE, "--vary " + v + ": --log needs FROM and TO above 0");
            }
            if (from.value() == to.value()) {
                throw new ExitException(ExitCode.USAGE, "--vary " + v + ": FROM and TO are the same value; give a range");
            }
            for (WorkloadVariation.Reading end : List.of(from, to)) {
                knob.set(end.value());
                try {
                    knob.bind();
                } catch (WorkloadException e) {
                    // which end of the range the file cannot take, in the range's unit (Fmt: "1,000,000/day")
                    String at = dev.mlplan.report.SweepRenderer.value(end.value() / end.factor(), end.unit());
                    String hint = e.getMessage().contains("is below traffic.average")
                            ? (knob.path().endsWith("traffic.average")
                                    ? "; raise traffic.peak in the file to at least " + at + ", or --vary it too"
                                    : "; every swept traffic.peak must be at or above traffic.average: start the range higher, or lower the average")
                            : "";
                    throw new ExitException(ExitCode.USAGE, "--vary " + v + ": at " + knob.path() + " = " + at + ", " + e.getMessage() + hint);
                }
            }
            knobs.add(knob);
            axes.add(new Sweep.Axis(knob.path(), from.value() / from.factor(), to.value() / from.factor(), from.unit(), steps, log, from.factor(),
                    knob.integer()));
        }
        var cat = catalog.load(env);
        // a sweep shows each part's best option only: the planner builds (notes, cost lines, steps) just that one
        Planner planner = new Planner(cat, ConstraintEngine.standard(), PlanOptions.defaults(VersionProvider.version()).withTop(1), env.today());
        PlanResult.CatalogRef ref = new PlanResult.CatalogRef(cat.id(), cat.pricesAsOf(), cat.description());
        // a variation is edited in place, so each planning thread edits its own copy of the file's node tree
        ThreadLocal<List<WorkloadVariation.Knob>> perThread = ThreadLocal.withInitial(() -> {
            WorkloadVariation own = WorkloadVariation.of(parser, file.toString(), text);
            return knobs.stream().map(k -> own.knob(k.path())).toList();
        });
        Sweep.Result result = Sweep.run(axes, values -> {
            List<WorkloadVariation.Knob> own = perThread.get();
            for (int i = 0; i < values.length; i++) {
                own.get(i).set(values[i]);
            }
            try {
                return planner.plan(own.get(0).bind().withFile(file.toString()));
            } catch (WorkloadException e) {
                // a grid's step the file cannot take (the ends were checked one key at a time): which values
                List<String> at = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    at.add(axes.get(i).key() + " = " + dev.mlplan.report.SweepRenderer.value(values[i] / axes.get(i).factor(), axes.get(i).unit()));
                }
                throw new ExitException(ExitCode.USAGE, "--vary: at " + String.join(", ", at) + ", " + e.getMessage()
                        + (e.getMessage().contains("is below traffic.average") ? "; narrow the ranges so that traffic.peak stays at or above traffic.average" : ""));
            }
        }, VersionProvider.version(), ref, variation.bind().name(), file.toString());
        String out = switch (format.format) {
            case table -> SweepRenderer.table(result);
            case json -> SweepRenderer.json(result);
            case csv -> SweepRenderer.csv(result);
            case markdown -> SweepRenderer.markdown(result);
            case html -> SweepRenderer.html(result);
        };
        OutputTarget.write(out, output.file, env, parent.out(), List.of(env.resolve(file)));
    }
}
