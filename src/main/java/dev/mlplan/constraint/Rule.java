package dev.mlplan.constraint;

import dev.mlplan.catalog.PricingModel;
import java.util.Optional;

/**
 * One constraint. Each rule lives in its own class in {@code constraint.rules}, named after its id,
 * with the limit it enforces, the source of that limit, and a test beside it.
 *
 * <p>A rule looks either at the candidate's shape (service, type, count: {@link #check(Facts)}) or
 * at an offer of it in a region under a pricing model ({@link #checkOffer(Facts, String,
 * PricingModel)}). Shape rules are evaluated once per shape, not once per region and price.
 */
public interface Rule {
    /** Stable id, e.g. "lambda.memory". Part of the JSON contract. */
    String id();

    /** The violation, if the candidate's shape cannot work. */
    default Optional<Violation> check(Facts facts) {
        return Optional.empty();
    }

    /** The violation, if the candidate cannot work in this region under this pricing model. */
    default Optional<Violation> checkOffer(Facts facts, String region, PricingModel pricing) {
        return Optional.empty();
    }

    default Optional<Violation> violation(String reason) {
        return Optional.of(new Violation(id(), reason));
    }

    /** A violation whose sentence is formatted only if it is shown (for rules that fail often: see {@link Violation}). */
    default Optional<Violation> violation(java.util.function.Supplier<String> reason) {
        return Optional.of(new Violation(id(), reason));
    }
}
