package dev.mlplan.cli;

import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.plan.Planner;
import dev.mlplan.plan.Sensitivity;
import dev.mlplan.plan.Sweep;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import dev.mlplan.workload.WorkloadVariation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --sensitivity}: each part's inputs varied one at a time with {@link WorkloadVariation} (the
 * sweep's way of setting a key) and planned by the plan's own {@link Planner}; the flips found by
 * {@link Sensitivity} are attached to the part.
 */
final class Sensitivities {
    /** The keys varied for each kind of part, in this order; a key the part does not have or take is left out. */
    static final Map<String, List<String>> KEYS = Map.of(
            "training", List.of("assumptions.mfu", "training.runs_per_month", "training.dataset.tokens", "training.dataset.samples",
                    "training.dataset.rows", "assumptions.multi_node_efficiency"),
            "inference", List.of("inference.traffic.average", "inference.hours_per_day", "assumptions.mbu", "assumptions.mfu"),
            "batch", List.of("batch.items", "batch.runs_per_month", "assumptions.mfu"));

    /** The MBU an option's memory-bandwidth step was planned with: "…; MBU 0.400 (Inferentia2 default; …)". */
    private static final java.util.regex.Pattern MBU = java.util.regex.Pattern.compile("\\bMBU ([0-9.]+)");
    /** The per-doubling efficiency of a scaling-efficiency step: "0.980 per doubling of nodes ^ …". */
    private static final java.util.regex.Pattern PER_DOUBLING = java.util.regex.Pattern.compile("^([0-9.]+) per doubling of nodes");
    private static final java.util.regex.Pattern NONE = java.util.regex.Pattern.compile("(?!)");

    private Sensitivities() {}

    /** The plan with each part's sensitivity list; {@code plans} counts the plans made. */
    static PlanResult attach(PlanResult result, List<Path> files, CliEnv env, AssumptionOptions assumptions, Planner planner, AtomicInteger plans) {
        List<WorkloadPlan> workloads = new ArrayList<>();
        for (int i = 0; i < result.workloads().size(); i++) {
            workloads.add(attach(result.workloads().get(i), files.get(i), env, assumptions, planner, plans));
        }
        return new PlanResult(result.schemaVersion(), result.mlplanVersion(), result.catalog(), List.copyOf(workloads), result.portfolio(),
                result.objective());
    }

    /** One workload's plan, planned from {@code file}, with each part's sensitivity list. */
    static WorkloadPlan attach(WorkloadPlan w, Path file, CliEnv env, AssumptionOptions assumptions, Planner planner, AtomicInteger plans) {
        String text = read(file, env);
        List<PartPlan> parts = new ArrayList<>();
        for (PartPlan p : w.parts()) {
            parts.add(p.options().isEmpty() || !KEYS.containsKey(p.part()) ? p
                    : p.withSensitivity(part(p, file.toString(), text, assumptions, planner, plans)));
        }
        return new WorkloadPlan(w.name(), w.file(), w.description(), w.regions(), List.copyOf(parts), w.breakEven(), w.monthlyUsd(),
                w.budget(), w.warnings(), w.costs(), w.byCategory());
    }

    private static List<Sensitivity.Entry> part(PartPlan p, String file, String text, AssumptionOptions assumptions, Planner planner,
            AtomicInteger plans) {
        Sweep.Best now = Sensitivity.rankOne(p);
        List<Sensitivity.Entry> out = new ArrayList<>();
        WorkloadParser parser = ModelPresets.workloadParser();
        for (String key : KEYS.get(p.part())) {
            if (key.equals("assumptions.mfu") && assumptions.mfu != null || key.equals("assumptions.mbu") && assumptions.mbu != null
                    || key.equals("assumptions.multi_node_efficiency") && assumptions.multiNodeEfficiency != null) {
                continue; // set on the command line, which overrides the file
            }
            WorkloadVariation variation = WorkloadVariation.of(parser, file, text);
            String path = key.startsWith(p.part() + ".") && p.name() != null ? p.part() + "[" + p.name() + "]" + key.substring(p.part().length()) : key;
            WorkloadVariation.Knob knob;
            try {
                knob = variation.knob(path);
            } catch (IllegalArgumentException e) {
                continue; // the file has no such part or section to vary
            }
            String current = currentText(knob, p);
            if (current == null) {
                continue;
            }
            WorkloadVariation.Reading reading = knob.read(current);
            // traffic: the peak stays as the file writes it (as in mlplan sweep, so a flip agrees with the sweep's crossover),
            // raised to the average where the average passes it (a peak below the average is an error)
            WorkloadVariation.Knob peak = key.equals("inference.traffic.average") ? variation.knob(path.replace(".average", ".peak")) : null;
            double peakValue = peak != null && peak.written() != null ? peak.read(peak.written()).value() : Double.NaN;
            Sensitivity.Input in = new Sensitivity.Input(key, reading.value(), knob.min(), knob.max(), knob.integer(), reading.factor(),
                    reading.unit().isEmpty() || reading.unit().startsWith("/") ? reading.unit() : " " + reading.unit(), v -> {
                        knob.set(v);
                        if (!Double.isNaN(peakValue)) {
                            peak.set(Math.max(peakValue, v));
                        }
                        return planner.plan(assumptions.apply(List.of(knob.bind().withFile(file))).get(0));
                    });
            try {
                out.addAll(Sensitivity.of(p.label(), now, in, plans));
            } catch (WorkloadException e) {
                // a value in the range that the file's other keys do not allow (a rule across keys): this input is not reported
            }
        }
        return List.copyOf(out);
    }

    /**
     * The key's current value as text: as the file writes it, else the key's default, else (an
     * assumption whose default depends on the accelerator) the value the rank-1 option was planned
     * with (its MFU or MBU step); null when there is none (the key does not apply to the option).
     */
    private static String currentText(WorkloadVariation.Knob knob, PartPlan p) {
        if (knob.written() != null) {
            return knob.written();
        }
        if (knob.defaultText() != null) {
            return knob.defaultText();
        }
        List<Step> steps = new ArrayList<>(p.assumptions() == null ? List.of() : p.assumptions());
        if (p.options().get(0).estimate() != null) {
            steps.addAll(p.options().get(0).estimate());
        }
        for (Step s : steps) {
            if (knob.path().endsWith(".mfu") && s.name().equals("MFU")) {
                return s.value();
            }
            java.util.regex.Matcher m = (knob.path().endsWith(".mbu") ? MBU : knob.path().endsWith(".multi_node_efficiency") ? PER_DOUBLING
                    : NONE).matcher(s.basis() == null ? "" : s.basis());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String read(Path file, CliEnv env) {
        if (Inputs.isStdin(file)) {
            throw new ExitException(ExitCode.USAGE, "--sensitivity reads FILE again for each input it varies; '-' (standard input) is not supported here: save the workload to a file");
        }
        try {
            return Files.readString(env.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
