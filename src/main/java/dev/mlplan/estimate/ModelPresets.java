package dev.mlplan.estimate;

import dev.mlplan.workload.Workload.ModelSpec;
import java.util.Optional;
import java.util.SortedSet;

/** Named models with their architecture figures, and resolution of a workload's model spec. */
public final class ModelPresets {
    private ModelPresets() {}

    /** Every preset name, sorted. */
    public static SortedSet<String> names() {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    public static Optional<ResolvedModel> find(String name) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }

    /**
     * The preset named in the spec (if any) with the spec's own fields over it, at the spec's
     * precision.
     *
     * @throws IllegalArgumentException when the spec names no preset and lacks parameters
     */
    public static ResolvedModel resolve(ModelSpec spec) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }
}
