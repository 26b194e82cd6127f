package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan recommend: the ranked, explained plan. */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description = {
            "Ranks the options that can run each part of the workloads.",
            "For each part (training, inference, batch, storage) it says why the other options were "
                    + "eliminated; it totals the best options per month against the budget, and works out the "
                    + "break-even against an owned machine."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan recommend workloads/llama2-7b-finetune.yaml",
            "  mlplan recommend workloads/bert-realtime.yaml --top 10",
            "  mlplan recommend workloads/*.yaml --format json --output plan.json",
            "  mlplan recommend workloads/*.yaml --format csv --output options.csv",
            "  mlplan recommend workloads/llama2-7b-finetune.yaml --format markdown",
            "  mlplan recommend my.yaml --catalog refreshed-catalog.json",
            "  mlplan recommend workloads/llm-chat-serving.yaml --mbu 0.3   # a simple stack",
            "  mlplan recommend workloads/hparam-sweep.yaml --objective time --frontier"
        })
final class RecommendCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workload YAML files.")
    List<Path> files;

    @Mixin
    PlanFormatOption format = new PlanFormatOption(PlanFormat.table);

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Mixin
    TopOption top;

    @Mixin
    ObjectiveOptions objective;

    @Mixin
    AssumptionOptions assumptions;

    @Mixin
    SensitivityOption sensitivity;

    @Override
    public void run() {
        CliEnv env = parent.env();
        boolean color = parent.colorAllowed(output.file);
        OutputTarget.stream(out -> Plans.stream(files, catalog, top.value(), assumptions, env, objective, sensitivity.sensitivity,
                format.format.writer(out, color, parent.common.quiet)), output.file, env, parent.out(), Inputs.paths(files, env));
    }
}
