package dev.mlplan.cli;

import picocli.CommandLine.Option;

/**
 * {@code -f, --format}: the format a plan is rendered in. Each command gives its default by creating
 * the mixin, e.g. {@code @Mixin PlanFormatOption format = new PlanFormatOption(PlanFormat.markdown)}.
 */
final class PlanFormatOption {
    @Option(names = {"-f", "--format"}, description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat format;

    PlanFormatOption() {
        this(PlanFormat.table);
    }

    PlanFormatOption(PlanFormat defaultFormat) {
        this.format = defaultFormat;
    }
}
