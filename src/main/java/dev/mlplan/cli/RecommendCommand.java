package dev.mlplan.cli;

import dev.mlplan.plan.PlanResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan recommend: the ranked, explained plan. */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description = {
            "Ranks the options that can run each part of the workloads (training, inference, storage),",
            "says why the others were eliminated, totals the best options per month against the budget,",
            "and works out the break-even against an owned machine."
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
            "  mlplan recommend workloads/llm-chat-serving.yaml --mbu 0.3   (a simple serving stack)"
        })
final class RecommendCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;


    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workload YAML files.")
    List<String> files;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    String output;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Use this catalog file instead of the embedded one.")
    String catalogFile;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Options shown per part (default: ${DEFAULT-VALUE}).")
    int top;

    @picocli.CommandLine.Mixin
    AssumptionOptions assumptions;

    @Override
    public void run() {
        CliEnv env = parent.env();
        PlanResult plan = Plans.plan(files, catalogFile, top, assumptions, env);
        String text = format.render(plan, !parent.common.noColor && output == null && env.colorAllowed());
        OutputTarget.write(text, output, env, parent.out(), Inputs.paths(files, env));
    }
}
