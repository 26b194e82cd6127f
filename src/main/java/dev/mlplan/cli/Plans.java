package dev.mlplan.cli;

import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.report.JsonRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Making a plan from workload files, and reading a saved one. */
final class Plans {
    private Plans() {}

    /**
     * Parses the files (exit 2 on any problem), applies the command line's assumptions, loads the
     * catalog (exit 3) and plans, keeping {@code top} options per part.
     */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty());
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}, every workload under {@code pricing} when given. */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing) {
        return plan(files, catalogOption, top, assumptions, env, pricing, java.util.function.UnaryOperator.identity());
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}, ranked as {@code objective} says (--objective, --frontier). */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env, ObjectiveOptions objective) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty(), objective::apply);
    }

    /** Like {@link #plan(List, CatalogOption, int, AssumptionOptions, CliEnv)}; with {@code sensitivity}, each part says where its rank-1 option flips. */
    static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env, ObjectiveOptions objective,
            boolean sensitivity) {
        return plan(files, catalogOption, top, assumptions, env, java.util.Optional.empty(), objective::apply, sensitivity);
    }

    private static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune) {
        return plan(files, catalogOption, top, assumptions, env, pricing, tune, false);
    }

    private static PlanResult plan(List<Path> files, CatalogOption catalogOption, int top, AssumptionOptions assumptions, CliEnv env,
            java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune, boolean sensitivity) {
        TopOption.checked(top);
        var workloads = assumptions.apply(Inputs.workloads(files, env));
        var catalog = catalogOption.load(env);
        PlanOptions options = tune.apply(PlanOptions.defaults(VersionProvider.version()).withTop(top));
        Planner planner = new Planner(catalog, ConstraintEngine.standard(), pricing.map(options::withPricingPolicy).orElse(options), env.today());
        PlanResult result = located(files, env, () -> planner.plan(workloads));
        return sensitivity ? Sensitivities.attach(result, files, env, assumptions, planner, new java.util.concurrent.atomic.AtomicInteger()) : result;
    }

    /**
     * Runs {@code planning}; a value it finds missing from the catalog (a region, an accelerator) is
     * reported at its line and column, found again in the file it came from.
     */
    static PlanResult located(List<Path> files, CliEnv env, java.util.function.Supplier<PlanResult> planning) {
        try {
            return planning.get();
        } catch (dev.mlplan.workload.WorkloadException e) {
            if (e.line() > 0 || e.keyPath().isEmpty()) {
                throw e;
            }
            for (Path f : files) {
                if (!Inputs.isStdin(f) && dev.mlplan.util.SafeText.of(f.toString()).equals(e.file())) {
                    try {
                        String text = Files.readString(env.resolve(f), StandardCharsets.UTF_8);
                        var at = dev.mlplan.workload.WorkloadParser.locate(text, e.keyPath().get());
                        if (at.isPresent()) {
                            throw e.at(at.get()[0], at.get()[1]);
                        }
                    } catch (IOException unreadable) {
                        // read a moment ago; if not now, the message stays without a position
                    }
                }
            }
            throw e;
        }
    }

    /**
     * Reads a plan saved with {@code recommend --format json}.
     *
     * @param what how messages name the file's role, e.g. "--baseline"
     */
    static PlanResult read(Path file, String what, CliEnv env) {
        Path p = env.resolve(file);
        String text;
        try {
            if (Files.isDirectory(p)) {
                throw new ExitException(ExitCode.USAGE, what + " " + file + " is a directory; give a plan saved with 'mlplan recommend --format json --output FILE'");
            }
            text = Files.readString(Inputs.regular(p, what + " " + file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not UTF-8 text, so not a saved plan");
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + ": cannot read (" + e.getMessage() + ")");
        }
        PlanResult plan;
        try {
            plan = JsonRenderer.read(text);
        } catch (IOException | RuntimeException e) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a saved mlplan plan (make one with 'mlplan recommend FILE… --format json --output plan.json'): " + firstLine(e.getMessage()));
        }
        if (plan == null || plan.workloads() == null || plan.catalog() == null) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " is not a saved mlplan plan: no workloads or catalog");
        }
        if (plan.schemaVersion() != PlanResult.SCHEMA_VERSION) {
            throw new ExitException(ExitCode.USAGE, what + " " + file + " has plan schema version " + plan.schemaVersion() + "; this mlplan reads version "
                    + PlanResult.SCHEMA_VERSION);
        }
        return plan;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
