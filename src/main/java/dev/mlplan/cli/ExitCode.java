package dev.mlplan.cli;

/** mlplan's process exit codes (docs/design.md, Exit codes). */
public final class ExitCode {
    /** Success; {@code check} passed (warnings allowed). */
    public static final int OK = 0;
    /** {@code check} failed: budget exceeded, or an increase over the allowed threshold. */
    public static final int CHECK_FAILED = 1;
    /** Invalid input or usage: bad YAML, unknown key, bad unit, missing file, bad flag. */
    public static final int USAGE = 2;
    /** Catalog or AWS error: unreadable catalog, refresh failed. */
    public static final int CATALOG = 3;
    /** Internal error: a bug. */
    public static final int INTERNAL = 4;

    private ExitCode() {}
}
