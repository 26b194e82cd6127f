package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan report: review documents from workloads, or from a saved plan without recomputing. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a review document for workloads.",
            "Markdown with Mermaid charts; CSV, one row per option, eliminated ones with their rule and "
                    + "reason; or one self-contained, printable HTML page with SVG charts. With --from, renders a plan "
                    + "saved with 'recommend --format json' as it is, without recomputing."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan report workloads/*.yaml --format markdown --output plan.md",
            "  mlplan report workloads/llama2-7b-finetune.yaml \\",
            "      --format html --output plan.html",
            "  mlplan report workloads/*.yaml --format csv --output options.csv",
            "  mlplan report --from plan.json --format html --output plan.html"
        })
final class ReportCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Mixin
    AssumptionOptions assumptions;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Workload YAML files (or use --from).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--from", paramLabel = "PLAN", description = "Render this saved plan (recommend --format json) instead of planning FILEs.")
    Path from;

    @Mixin
    PlanFormatOption format = new PlanFormatOption(PlanFormat.markdown);

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Mixin
    TopOption top;

    @Mixin
    ObjectiveOptions objective;

    @Mixin
    SensitivityOption sensitivity;

    @Override
    public void run() {
        CliEnv env = parent.env();
        if (from != null && !files.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "give workload FILEs or --from PLAN, not both");
        }
        if (from == null && files.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, "give workload FILEs to plan, or --from PLAN to render a saved plan");
        }
        if (from != null && sensitivity.sensitivity) {
            throw new ExitException(ExitCode.USAGE, "--sensitivity plans the workload FILEs; a saved plan (--from) shows the sensitivity it was saved with");
        }
        List<Path> inputs = new ArrayList<>(Inputs.paths(files, env));
        boolean color = parent.colorAllowed(output.file);
        if (from != null) {
            inputs.add(env.resolve(from));
            PlanResult plan = Plans.read(from, "--from", env);
            OutputTarget.write(format.format.render(plan, color), output.file, env, parent.out(), inputs);
            return;
        }
        OutputTarget.stream(out -> Plans.stream(files, catalog, top.value(), assumptions, env, objective, sensitivity.sensitivity,
                format.format.writer(out, color, false)), output.file, env, parent.out(), inputs);
    }
}
