package dev.mlplan.workload;

import java.util.Optional;

/**
 * Text that is not a valid quantity of the expected kind: what is wrong (without the key path or
 * location, which the caller adds) and an optional hint such as "did you mean 'h'?".
 */
public final class QuantityException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String hint;

    public QuantityException(String problem, String hint) {
        super(hint == null ? problem : problem + " (" + hint + ")");
        this.problem = problem;
        this.hint = hint;
    }

    public String problem() {
        return problem;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
