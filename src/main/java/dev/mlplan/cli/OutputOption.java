package dev.mlplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o, --output FILE}: where a command writes its result, standard output when not given. */
final class OutputOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    Path file;
}
