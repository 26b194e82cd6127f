package dev.mlplan.cli;

import dev.mlplan.workload.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** mlplan init: writes a commented example workload to start from. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a commented example workload to start from.",
            "The general example has training, inference, storage, a budget and an owned GPU; with --kind, "
                    + "an example of one kind of job. Never overwrites an existing file."
        },
        footer = {
            "",
            "Examples:",
            "  mlplan init",
            "  mlplan init --output workloads/my-model.yaml",
            "  mlplan init --kind serving --output chat.yaml",
            "  mlplan init --output -          # print it instead"
        })
final class InitCommand implements Runnable {
    static final String EXAMPLE = "/dev/mlplan/cli/example-workload.yaml";

    /** The kinds of job {@code --kind} writes an example of, each from {@code example-<kind>.yaml}. */
    enum Kind {
        /** an offline job over many items by a deadline (a {@code batch:} part) */
        batch,
        /** fine-tuning a model on GPUs */
        training,
        /** an always-on model endpoint */
        serving,
        /** gradient-boosted trees on a table (CPU) */
        tabular;

        String resource() {
            return "/dev/mlplan/cli/example-" + name() + ".yaml";
        }
    }

    /**
     * {@code --kind}'s converter, case-insensitive like every enum option, with "did you mean" for a
     * misspelt kind. Registered as a method reference in {@link CommandFactory}: a class implementing
     * picocli's converter interface could not go into the class-data-sharing archive (the interface's
     * old class-file version keeps it out), so every start would load it from the jar.
     */
    static Kind kind(String value) {
        List<String> names = Arrays.stream(Kind.values()).map(Kind::name).toList();
        String wanted = value.toLowerCase(Locale.ROOT);
        if (names.contains(wanted)) {
            return Kind.valueOf(wanted);
        }
        throw new TypeConversionException("unknown kind '" + value + "'" + Suggestions.suffix(wanted, names)
                + "; expected one of: " + String.join(", ", names));
    }

    @ParentCommand
    MlplanCommand parent;

    @Option(names = {"-o", "--output"}, defaultValue = "workload.yaml", paramLabel = "FILE",
            description = "Where to write it (default: ${DEFAULT-VALUE}; - for standard output).")
    Path output;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Which example: ${COMPLETION-CANDIDATES} (default: the general one, with every section).")
    Kind kind;

    @Override
    public void run() {
        CliEnv env = parent.env();
        String text = kind == null ? example() : resource(kind.resource());
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
        return resource(EXAMPLE);
    }

    static String resource(String name) {
        try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
