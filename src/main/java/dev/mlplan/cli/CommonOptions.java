package dev.mlplan.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command has: verbosity, colour and quiet mode. Inherited by subcommands. */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show stack traces of errors and more detail.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (also: NO_COLOR set).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only results and errors, no progress or warnings.")
    boolean quiet;
}
