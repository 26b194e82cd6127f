package dev.mlplan.cli;

import dev.mlplan.gate.Gate;
import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.Status;
import dev.mlplan.gate.Threshold;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PricingPolicy;
import dev.mlplan.report.CheckRenderer;
import dev.mlplan.report.GithubRenderer;
import dev.mlplan.report.JUnitRenderer;
import dev.mlplan.workload.QuantityException;
import dev.mlplan.workload.QuantityParser;
import dev.mlplan.workload.Suggestions;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** mlplan check: the CI gate. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks workloads against their budgets (or --budget) and, with --baseline, against a saved plan.",
            "Each workload and the whole run pass, warn or fail, with the reason in one line each; a "
                    + "workload with no budget passes. Several workloads also get a portfolio line: the sum of their "
                    + "monthly totals, which --budget gates instead of each workload with --total. With --baseline, "
                    + "workloads are matched by name and parts by part, the monthly difference is shown per workload "
                    + "and part, and --max-increase fails a larger increase."
        },
        footer = {
            "",
            "In CI: --junit FILE writes JUnit XML (a test case per workload and rule, an",
            "<error> per invalid file). When GITHUB_STEP_SUMMARY is set, a Markdown summary",
            "is appended to that file (--format markdown prints it instead); when",
            "GITHUB_ACTIONS=true, invalid files, failed and warned workloads are also printed",
            "as ::error / ::warning annotations at their line. An invalid file does not stop",
            "the check: the other files are checked, and it exits 2. See docs/ci.md.",
            "",
            "Examples:",
            "  mlplan check workloads/*.yaml",
            "  mlplan check workloads/*.yaml --budget 500USD --warn-at 80%%",
            "  mlplan check workloads/*.yaml --budget 20000USD --total",
            "  mlplan check workloads/*.yaml --baseline plan.json --max-increase 10%%",
            "  mlplan check workloads/reserved-inference.yaml --pricing on-demand",
            "  mlplan check workloads/*.yaml --format markdown --output mlplan-check.md",
            "  mlplan check workloads/*.yaml --baseline plan.json --max-increase 200USD \\",
            "      --junit mlplan-junit.xml",
            "",
            "Exit codes: 0 pass (warnings allowed), 1 fail, 2 invalid input or usage,",
            "3 catalog error."
        })
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    MlplanCommand parent;

    @Mixin
    AssumptionOptions assumptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workload YAML files.")
    List<Path> files;

    @Option(names = "--budget", paramLabel = "USD", description = "Monthly budget for every workload, overriding budget.monthly, e.g. 500USD; with --total, the budget of their sum.")
    String budget;

    @Option(names = "--total", description = "Apply --budget to the portfolio total (the sum of the workloads' monthly totals) instead of each"
            + " workload; each workload keeps its own budget.monthly.")
    boolean total;

    @Option(names = "--warn-at", paramLabel = "PCT", description = "Warn above this share of the budget, overriding budget.warn_at (default: the workload's, else 80%%).")
    String warnAt;

    @Option(names = "--baseline", paramLabel = "PLAN", description = "A plan saved with 'mlplan recommend … --format json --output PLAN', e.g. on main.")
    Path baseline;

    @Option(names = "--max-increase", paramLabel = "PCT|USD", description = "Fail when a workload costs more than this over the baseline: 10%% of it, or 200USD.")
    String maxIncrease;

    @Option(names = "--pricing", paramLabel = "MODEL", completionCandidates = Candidates.PricingModels.class, description = "Gate on the cost of each part's best option under this pricing"
            + " model (on-demand, spot, reserved-1y, reserved-3y, savings-plan-1y, savings-plan-3y, capacity-block, or a precise id such as"
            + " reserved-1y-no-upfront), even when another ranks first; it replaces each workload's constraints.pricing. Pay-per-request"
            + " services and an owned machine stay candidates.")
    String pricing;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the result as JUnit XML to FILE.")
    Path junit;

    /** The check's output formats: markdown is the step summary, for CI systems that have none. */
    enum Format { table, json, markdown }

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
            + " markdown is the GitHub step summary, for CI systems without one (a merge-request note, a GitLab artifact).")
    Format format;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalog;

    /** The file GitHub Actions reads the job summary from. */
    static final String STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY";

    /** The checkout GitHub Actions resolves annotation paths against. */
    static final String WORKSPACE_ENV = "GITHUB_WORKSPACE";

    @Override
    public Integer call() {
        CliEnv env = parent.env();
        Gate.Thresholds thresholds = thresholds();
        Optional<PricingPolicy> policy = pricingPolicy();
        // a file that cannot be written is a usage error found before any planning, named by its option
        OutputTarget.checkTarget(output.file, "--output", env);
        OutputTarget.checkTarget(junit, "--junit", env);
        // an invalid file does not stop the check: the valid ones are planned and gated, each invalid one reported (exit 2);
        // regions and accelerators the catalog lacks make a file invalid too
        dev.mlplan.catalog.Catalog cat = catalog.load(env);
        Inputs.Parsed parsed = Inputs.parseEach(files, env, cat);
        List<GateResult.InvalidFile> invalid = parsed.invalid();
        PlanResult plan = Plans.planParsed(parsed.valid(), cat, 5, assumptions, env, policy);
        invalid.forEach(f -> spec.commandLine().getErr().println("mlplan: " + dev.mlplan.util.SafeText.oneLine(f.describe())));
        spec.commandLine().getErr().flush();
        Optional<PlanResult> base = baseline == null ? Optional.empty()
                : Optional.ofNullable(Plans.read(baseline, "--baseline", env)).map(b -> withoutFiles(b, invalid));
        GateResult gate = Gate.check(plan, base, thresholds, invalid);
        GateResult result = pricing == null ? gate : gate.underPricing(pricing);

        PrintWriter out = parent.out();
        List<Path> inputs = new ArrayList<>(Inputs.paths(files, env));
        if (baseline != null) {
            inputs.add(env.resolve(baseline));
        }
        String rendered = switch (format) {
            case json -> JacksonText.json(result);
            case markdown -> GithubRenderer.summary(result, plan.catalog());
            case table -> CheckRenderer.render(result, plan.catalog());
        };
        OutputTarget.write(rendered, output.file, env, out, inputs);
        if ("true".equals(env.env().get("GITHUB_ACTIONS"))) {
            // after the table; when standard output carries JSON or Markdown, on standard error (the runner reads both)
            PrintWriter to = format != Format.table && (output.file == null || output.file.toString().equals("-")) ? spec.commandLine().getErr() : out;
            GithubRenderer.annotations(result, places(env)).forEach(to::println);
            to.flush();
        }
        out.flush();
        // the summary first: a JUnit file that cannot be written still leaves the run's summary
        String summaryFile = env.env().get(STEP_SUMMARY_ENV);
        if (summaryFile != null && !summaryFile.isBlank()) {
            appendSummary(env.resolve(summaryFile), dev.mlplan.util.SafeText.of(GithubRenderer.summary(result, plan.catalog())));
        }
        if (junit != null) {
            OutputTarget.write(JUnitRenderer.render(result, workspacePath(env)), junit, "--junit", env, out, inputs);
        }
        if (!result.invalid().isEmpty()) {
            return ExitCode.USAGE;
        }
        return result.status() == Status.FAIL ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /** Where GitHub finds the places annotations point at; see {@link GithubRenderer.Places}. */
    private GithubRenderer.Places places(CliEnv env) {
        UnaryOperator<String> path = workspacePath(env);
        // with --budget (and not --total) the budget is the command line's, so no line of the file decided it
        boolean ownBudget = budget == null || total;
        return new GithubRenderer.Places(path, f -> ownBudget ? budgetLine(env.resolve(f)) : Optional.empty());
    }

    /** Files named as the repository names them: relative to {@code GITHUB_WORKSPACE} when set (annotations and JUnit {@code file=}). */
    private static UnaryOperator<String> workspacePath(CliEnv env) {
        String workspace = env.env().get(WORKSPACE_ENV);
        return workspace == null || workspace.isBlank() ? UnaryOperator.identity() : f -> relativeTo(env, workspace, f);
    }

    /**
     * The file relative to the workspace when it lies inside it (GitHub resolves annotation paths from there), else as given.
     * Compared by real paths when both exist (a workspace reached through a symbolic link, or a file named through one), else
     * as written; the relative path is joined with '/' from its elements, so a backslash in a Linux file name stays one.
     */
    static String relativeTo(CliEnv env, String workspace, String file) {
        Path root = env.resolve(workspace).toAbsolutePath().normalize();
        Path abs = env.resolve(file).toAbsolutePath().normalize();
        try {
            Path realRoot = root.toRealPath();
            Path parent = abs.getParent();
            if (parent != null && Files.exists(abs)) {
                // the file's own name is kept (a link named in the repository is annotated as itself)
                root = realRoot;
                abs = parent.toRealPath().resolve(abs.getFileName());
            }
        } catch (IOException | RuntimeException e) {
            // compared as written
        }
        if (!abs.startsWith(root) || abs.equals(root)) {
            return file;
        }
        Path rel = root.relativize(abs);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            sb.append(sb.length() == 0 ? "" : "/").append(part);
        }
        return sb.toString();
    }

    /** Where {@code budget.monthly} stands in the file, from the parser's node positions; empty when it cannot be read. */
    private static Optional<WorkloadParser.Position> budgetLine(Path file) {
        try {
            return WorkloadParser.position(Files.readString(file, StandardCharsets.UTF_8), "budget", "monthly");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The baseline without the workloads of files that are invalid now: they were not planned, so
     * they are reported as invalid, not as removed.
     */
    private static PlanResult withoutFiles(PlanResult base, List<GateResult.InvalidFile> invalid) {
        if (invalid.isEmpty()) {
            return base;
        }
        var names = invalid.stream().map(GateResult.InvalidFile::file).collect(java.util.stream.Collectors.toSet());
        var kept = base.workloads().stream().filter(w -> w.file() == null || !names.contains(w.file())).toList();
        return new PlanResult(base.schemaVersion(), base.mlplanVersion(), base.catalog(), kept, base.portfolio(), base.objective());
    }

    /** --pricing: one known pricing model name (exit 2 with did-you-mean otherwise). */
    private Optional<PricingPolicy> pricingPolicy() {
        if (pricing == null) {
            return Optional.empty();
        }
        List<String> names = Workload.Constraints.PRICING_NAMES;
        if (!names.contains(pricing)) {
            throw new ExitException(ExitCode.USAGE, "--pricing: unknown pricing model '" + pricing + "'"
                    + Suggestions.suffix(pricing.toLowerCase(java.util.Locale.ROOT), names) + "; use one of " + String.join(", ", names.subList(0, 7)) + " or a precise id such as reserved-1y-no-upfront");
        }
        return Optional.of(new PricingPolicy(List.of(pricing)));
    }

    private Gate.Thresholds thresholds() {
        Double budgetUsd = null;
        if (budget != null) {
            try {
                budgetUsd = QuantityParser.money(budget).value();
            } catch (QuantityException e) {
                throw new ExitException(ExitCode.USAGE, "--budget: " + e.getMessage() + "; use e.g. --budget 500USD");
            }
            if (!(budgetUsd > 0)) {
                throw new ExitException(ExitCode.USAGE, "--budget must be more than 0 USD, got " + budget);
            }
        }
        Double warn = null;
        if (warnAt != null) {
            try {
                warn = QuantityParser.percent(warnAt).fraction();
            } catch (QuantityException e) {
                throw new ExitException(ExitCode.USAGE, "--warn-at: " + e.getMessage() + "; use e.g. --warn-at 80%");
            }
            if (!(warn > 0 && warn <= 1)) {
                throw new ExitException(ExitCode.USAGE, "--warn-at must be above 0% and at most 100%, got " + warnAt);
            }
        }
        Threshold max = null;
        if (maxIncrease != null) {
            if (baseline == null) {
                throw new ExitException(ExitCode.USAGE, "--max-increase needs --baseline PLAN (a plan saved with 'mlplan recommend … --format json')");
            }
            try {
                max = Threshold.parse(maxIncrease);
            } catch (IllegalArgumentException e) {
                throw new ExitException(ExitCode.USAGE, "--max-increase: " + e.getMessage());
            }
        }
        if (total && budgetUsd == null) {
            throw new ExitException(ExitCode.USAGE, "--total needs --budget USD: the portfolio's monthly budget");
        }
        return new Gate.Thresholds(budgetUsd, warn, max, total);
    }

    /** Appends (never overwrites: other steps write there too) the Markdown summary. */
    private static void appendSummary(Path file, String markdown) {
        try {
            Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, STEP_SUMMARY_ENV + "=" + file + ": cannot append the summary (" + e.getMessage() + ")");
        }
    }
}
