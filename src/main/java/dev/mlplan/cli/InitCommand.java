package dev.mlplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** mlplan init: writes a commented example workload to start from. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a commented example workload to start from: training, inference,",
            "storage, a budget and an owned GPU. Never overwrites an existing file."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan init",
            "  mlplan init --output workloads/my-model.yaml",
            "  mlplan init --output -          # print it instead"
        })
final class InitCommand implements Runnable {
    static final String EXAMPLE = "/dev/mlplan/cli/example-workload.yaml";

    @ParentCommand
    MlplanCommand parent;

    @Option(names = {"-o", "--output"}, defaultValue = "workload.yaml", paramLabel = "FILE",
            description = "Where to write it (default: ${DEFAULT-VALUE}; - for standard output).")
    Path output;

    @Override
    public void run() {
        CliEnv env = parent.env();
        String text = example();
        boolean toStdout = output.toString().equals("-");
        if (!toStdout && Files.exists(env.resolve(output))) {
            throw new ExitException(ExitCode.USAGE, output + " already exists; mlplan init never overwrites a file (choose another --output)");
        }
        OutputTarget.write(text, output, env, parent.out(), List.of());
        if (!toStdout && !parent.common.quiet) {
            parent.out().println("wrote " + output + "; next: mlplan validate " + output + " && mlplan recommend " + output);
            parent.out().flush();
        }
    }

    static String example() {
        try (InputStream in = InitCommand.class.getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + EXAMPLE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLE, e);
        }
    }
}
