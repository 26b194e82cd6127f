package dev.mlplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command: only subcommands do work. They are added by {@link CommandFactory}, which
 * builds only the one that runs when it can (picocli's model of every command costs start-up time).
 */
@Command(
        name = "mlplan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Plans machine-learning workloads on AWS: what can run them, what it costs under on-demand, spot,",
            "reserved and savings-plan pricing, how long it takes, and when owning a GPU beats renting one.",
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
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** The command line's writers are given here too, so that subcommands need no picocli model to reach them. */
    public MlplanCommand(CliEnv env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public CliEnv env() {
        return env;
    }

    /** Where subcommands print their results. */
    public PrintWriter out() {
        return out;
    }

    /** Where subcommands print progress and warnings. */
    public PrintWriter err() {
        return err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
