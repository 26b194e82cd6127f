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
        return plan(Inputs.workloads(files, env), catalogOption, top, assumptions, env, pricing, tune, sensitivity ? files : null);
    }

    /** Plans workloads already parsed ({@code check} plans the valid ones among its files), every workload under {@code pricing} when given. */
    static PlanResult planParsed(List<dev.mlplan.workload.Workload> parsed, CatalogOption catalogOption, int top, AssumptionOptions assumptions,
            CliEnv env, java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing) {
        return plan(parsed, catalogOption, top, assumptions, env, pricing, java.util.function.UnaryOperator.identity(), null);
    }

    /** @param sensitivityFiles the files again for --sensitivity, or null without it */
    private static PlanResult plan(List<dev.mlplan.workload.Workload> parsed, CatalogOption catalogOption, int top, AssumptionOptions assumptions,
            CliEnv env, java.util.Optional<dev.mlplan.plan.PricingPolicy> pricing, java.util.function.UnaryOperator<PlanOptions> tune,
            List<Path> sensitivityFiles) {
        TopOption.checked(top);
        var workloads = assumptions.apply(parsed);
        var catalog = catalogOption.load(env);
        PlanOptions options = tune.apply(PlanOptions.defaults(VersionProvider.version()).withTop(top));
        Planner planner = new Planner(catalog, ConstraintEngine.standard(), pricing.map(options::withPricingPolicy).orElse(options), env.today());
        PlanResult result = planner.plan(workloads);
        return sensitivityFiles != null ? Sensitivities.attach(result, sensitivityFiles, env, assumptions, planner, new java.util.concurrent.atomic.AtomicInteger()) : result;
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
            text = Files.readString(p, StandardCharsets.UTF_8);
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
