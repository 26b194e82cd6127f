package dev.mlplan.cli;

import dev.mlplan.gate.PlanDiff;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.report.DiffRenderer;
import dev.mlplan.report.JsonRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan diff: what changed between two plans, each a workload planned now or a saved plan. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what changed between BASE and NEW, each a workload YAML file (planned now) or a plan saved with 'recommend --format json'.",
            "Per workload (matched by name) and part (matched by part, as check --baseline matches them): "
                    + "the requirements that differ, the chosen option and its unit price before and after, the rules "
                    + "that eliminate more or fewer candidates, and the monthly delta; then each workload's and the "
                    + "total delta. --format markdown writes a body to post as a pull-request comment."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan diff workloads/llm-chat-serving.yaml my-chat.yaml",
            "  mlplan diff main-plan.json workloads/llm-chat-serving.yaml --format json",
            "  mlplan diff main-plan.json my-chat.yaml --format markdown --output diff.md",
            "",
            "--mfu, --mbu, --headroom and --multi-node-efficiency apply to the workload",
            "files planned now, not to a saved plan. See docs/ci.md to post the Markdown",
            "on a pull request.",
            "",
            "Exit codes: 0 whatever the delta, 2 invalid input or usage, 3 catalog error."
        })
final class DiffCommand implements Runnable {
    enum Format { table, json, markdown }

    @ParentCommand
    MlplanCommand parent;

    @Parameters(index = "0", paramLabel = "BASE", description = "The plan before: a workload YAML file, or a saved plan (.json).")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The plan after: a workload YAML file, or a saved plan (.json).")
    Path current;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Mixin
    AssumptionOptions assumptions;

    @Override
    public void run() {
        CliEnv env = parent.env();
        PlanResult before = load(base, "BASE", env);
        PlanResult after = load(current, "NEW", env);
        PlanDiff diff = PlanDiff.of(before, side(base, before), after, side(current, after));
        String text = switch (format) {
            case table -> DiffRenderer.table(diff);
            case json -> JacksonText.json(diff);
            case markdown -> DiffRenderer.markdown(diff);
        };
        OutputTarget.write(text, output.file, env, parent.out(), Inputs.paths(List.of(base, current), env));
    }

    private static boolean isPlan(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static PlanDiff.Side side(Path file, PlanResult plan) {
        return new PlanDiff.Side(file.toString(), isPlan(file) ? "plan" : "workload", plan.catalog());
    }

    /**
     * A saved plan as it is, or a workload planned now and passed through the saved plan's JSON, so
     * that both sides carry the same precision and a workload compared with its own saved plan
     * shows no change.
     */
    private PlanResult load(Path file, String what, CliEnv env) {
        if (isPlan(file)) {
            return Plans.read(file, what, env);
        }
        PlanResult planned = Plans.plan(List.of(file), catalog, 5, assumptions, env);
        try {
            return JsonRenderer.read(JsonRenderer.render(planned));
        } catch (IOException e) {
            throw new IllegalStateException("a plan's own JSON did not read back", e);
        }
    }
}
