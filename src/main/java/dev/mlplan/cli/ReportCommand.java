package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan report: review documents from workloads, or from a saved plan without recomputing. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a review document for workloads: Markdown with Mermaid charts; CSV,",
            "one row per option, eliminated ones with their rule and reason; or one",
            "self-contained, printable HTML page with SVG charts. With --from, renders a",
            "plan saved with 'recommend --format json' as it is, without recomputing."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan report workloads/*.yaml --format markdown --output plan.md",
            "  mlplan report workloads/llama2-7b-finetune.yaml --format html --output plan.html",
            "  mlplan report workloads/*.yaml --format csv --output options.csv",
            "  mlplan report --from plan.json --format html --output plan.html"
        })
final class ReportCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;


    @picocli.CommandLine.Mixin
    AssumptionOptions assumptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Workload YAML files (or use --from).")
    List<String> files = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PLAN", description = "Render this saved plan (recommend --format json) instead of planning FILEs.")
    String from;

    @Option(names = {"-f", "--format"}, defaultValue = "markdown", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    String output;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Use this catalog file instead of the embedded one.")
    String catalogFile;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Options shown per part (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public void run() {
        CliEnv env = parent.env();
        if (from != null && !files.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "give workload FILEs or --from PLAN, not both");
        }
        if (from == null && files.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "give workload FILEs to plan, or --from PLAN to render a saved plan");
        }
        PlanResult plan = from != null ? Plans.read(from, "--from", env) : Plans.plan(files, catalogFile, top, assumptions, env);
        List<java.nio.file.Path> inputs = new ArrayList<>(Inputs.paths(files, env));
        if (from != null) {
            inputs.add(env.resolve(from));
        }
        String text = format.render(plan, !parent.common.noColor && output == null && env.colorAllowed());
        OutputTarget.write(text, output, env, parent.out(), inputs);
    }
}
