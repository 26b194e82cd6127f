package dev.mlplan.cli;

import picocli.CommandLine.Option;

/** {@code --sensitivity}, shared by recommend, report and explain: where each part's rank-1 option changes (docs/design.md). */
final class SensitivityOption {
    @Option(names = "--sensitivity", description = "Under each part, where its rank-1 option changes: each input (MFU, MBU, traffic,"
            + " hours per day, runs per month, dataset size, items) moved from ÷4 to ×4 of its value, the nearest flip on each side (docs/design.md).")
    boolean sensitivity;
}
