package dev.mlplan.cli;

import picocli.CommandLine.Option;

/** {@code -f, --format table|json}: a command's result as text for people or as JSON. */
final class TextFormatOption {
    enum Format { table, json }

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
