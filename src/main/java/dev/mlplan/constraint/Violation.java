package dev.mlplan.constraint;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A rule's verdict that a candidate cannot work: the rule's id and one sentence with the workload's
 * value and the limit. The sentence may be given as a {@link Supplier} and is then made when first
 * asked for: the planner tries each instance type at 1, 2, … nodes and keeps only the last attempt's
 * violations, so most sentences of the busiest rules would be formatted for nothing.
 * A violation is a value: equal when rule and reason are equal.
 */
public final class Violation {
    private final String rule;
    /** Makes the sentence; null when it was given as text. */
    private final Supplier<String> lazyReason;
    private String reason;
    /** Set (after {@link #reason}) once the sentence is known: readers that see it true see the sentence. */
    private volatile boolean known;

    /**
     * @param rule the rule id, e.g. "lambda.duration"
     * @param reason one sentence with the workload's value and the limit
     */
    public Violation(String rule, String reason) {
        this.rule = Objects.requireNonNull(rule);
        this.lazyReason = null;
        this.reason = reason;
        this.known = true;
    }

    /** A violation whose sentence is made by {@code reason}, from immutable facts, when first asked for. */
    public Violation(String rule, Supplier<String> reason) {
        this.rule = Objects.requireNonNull(rule);
        this.lazyReason = Objects.requireNonNull(reason);
    }

    public String rule() {
        return rule;
    }

    public String reason() {
        if (!known) {
            synchronized (this) {
                if (!known) {
                    reason = lazyReason.get();
                    known = true;
                }
            }
        }
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Violation v && rule.equals(v.rule) && Objects.equals(reason(), v.reason());
    }

    @Override
    public int hashCode() {
        return 31 * rule.hashCode() + Objects.hashCode(reason());
    }

    @Override
    public String toString() {
        return "Violation[rule=" + rule + ", reason=" + reason() + "]";
    }
}
