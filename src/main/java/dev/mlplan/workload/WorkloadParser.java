package dev.mlplan.workload;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads workload YAML (schema version 1, DESIGN.md) into a {@link Workload}, with errors that name
 * the file, line and column, what was expected, and a "did you mean" hint.
 */
public final class WorkloadParser {
    private final Set<String> knownPresets;

    /** @param knownPresets model preset names accepted in {@code preset:} (from the estimate package) */
    public WorkloadParser(Set<String> knownPresets) {
        this.knownPresets = Set.copyOf(knownPresets);
    }

    /** @throws WorkloadException for any problem with the file or its content */
    public Workload parse(Path file) {
        throw new UnsupportedOperationException("TODO(parser helper)" + knownPresets);
    }

    /**
     * @param displayName the file name used in messages
     * @throws WorkloadException for any problem with the content
     */
    public Workload parse(String displayName, String yaml) {
        throw new UnsupportedOperationException("TODO(parser helper)");
    }
}
