package dev.mlplan.cli;

import picocli.CommandLine.Option;

/** {@code --top N}: how many options a plan keeps per part. */
final class TopOption {
    /** The most options a plan keeps per part. */
    static final int MAX = 1000;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Options shown per part (default: ${DEFAULT-VALUE}).")
    int top;

    int value() {
        return checked(top);
    }

    /** @throws ExitException (exit code 2) when {@code top} is not between 1 and {@link #MAX} */
    static int checked(int top) {
        if (top < 1 || top > MAX) {
            throw new ExitException(ExitCode.USAGE, "--top must be between 1 and " + MAX + ", got " + top);
        }
        return top;
    }
}
