package dev.mlplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: only subcommands do work. It gives them the environment and the writers. */
@Command(
        name = "mlplan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            RecommendCommand.class,
            SweepCommand.class,
            CheckCommand.class,
            DiffCommand.class,
            ReportCommand.class,
            ExplainCommand.class,
            ValidateCommand.class,
            InitCommand.class,
            SchemaCommand.class,
            CatalogCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        },
        description = {
            "Plans machine-learning workloads on AWS: what can run them, what it costs under on-demand, "
                    + "spot, reserved and savings-plan pricing, how long it takes, and when owning a GPU beats renting "
                    + "one.",
            "Works offline on an embedded, dated catalog of prices and limits."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan recommend workloads/llama2-7b-finetune.yaml",
            "  mlplan recommend workloads/*.yaml --format json --output plan.json",
            "  mlplan check workloads/*.yaml --baseline plan.json --max-increase 10%%",
            "  mlplan report workloads/*.yaml --format html --output plan.html",
            "  mlplan explain workloads/llama2-7b-finetune.yaml",
            "  mlplan validate workloads/*.yaml",
            "  mlplan init --output workloads/my-model.yaml",
            "  mlplan catalog show p4d.24xlarge",
            "",
            "Exit codes: 0 success, 1 check failed, 2 invalid input or usage, 3 catalog or AWS error, 4 internal error."
        })
public final class MlplanCommand implements Runnable {
    private final CliEnv env;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    public MlplanCommand(CliEnv env) {
        this.env = env;
    }

    public CliEnv env() {
        return env;
    }

    /** Where subcommands print their results. */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Colour only for a terminal: not with --no-color, nor into a file. */
    boolean colorAllowed(Path output) {
        return !common.noColor && output == null && env.colorAllowed();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
