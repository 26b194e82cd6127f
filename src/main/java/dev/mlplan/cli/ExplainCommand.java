package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.workload.Suggestions;
import dev.mlplan.report.ExplainRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan explain: how one workload's options were estimated and costed, and why others were eliminated. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Explains a workload's plan.",
            "It shows the requirements of each part with the formulas and assumptions behind them, each "
                    + "option's cost components and notes, and the eliminated options grouped by rule. With --option "
                    + "ID, everything about one option (IDs as in 'recommend --format json' or this command's output)."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan explain workloads/llama2-7b-finetune.yaml",
            "  mlplan explain workloads/bert-realtime.yaml --top 10",
            "  mlplan explain workloads/llama2-7b-finetune.yaml \\",
            "      --option training/ec2/p4d.24xlarge/spot/us-east-1"
        })
final class ExplainCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Mixin
    AssumptionOptions assumptions;

    @Parameters(arity = "1", paramLabel = "FILE", description = "A workload YAML file.")
    Path file;

    @Option(names = "--option", paramLabel = "ID", description = "Explain only this option, e.g. training/ec2/g5.xlarge/spot/us-east-1.")
    String option;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Options explained per part (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SensitivityOption sensitivity;

    @Override
    public void run() {
        TopOption.checked(top);
        // with --option, every feasible option is planned, so that any can be found, not only the shown ones
        PlanResult plan = Plans.plan(List.of(file), catalog, option == null ? top : TopOption.MAX, assumptions, parent.env(), new ObjectiveOptions(),
                sensitivity.sensitivity);
        String text;
        if (option == null) {
            text = ExplainRenderer.render(plan, top);
        } else {
            Optional<String> one = ExplainRenderer.renderOption(plan, option);
            if (one.isEmpty()) {
                throw new ExitException(ExitCode.USAGE,
                        "no feasible option '" + option + "' in " + file + Suggestions.suffix(option, ExplainRenderer.ids(plan))
                                + "; 'mlplan explain " + file + "' lists the best ones, 'mlplan recommend " + file + " --format csv --top 1000' all");
            }
            text = one.get();
        }
        parent.out().print(dev.mlplan.util.SafeText.of(text));
        parent.out().flush();
    }
}
