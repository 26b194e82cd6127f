package dev.mlplan.util;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use and kept. The planner prices hundreds of candidates but shows a
 * handful: their explanations (chains of formatted numbers) are made only for those. Computing twice
 * from two threads gives the same value, so no lock.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> source;
    private volatile T value;

    private Lazy(Supplier<? extends T> source, T value) {
        this.source = source;
        this.value = value;
    }

    /** A value made by {@code source} at the first {@link #get()}; {@code source} must not return null. */
    public static <T> Lazy<T> of(Supplier<? extends T> source) {
        return new Lazy<>(Objects.requireNonNull(source), null);
    }

    /** A value already made. */
    public static <T> Lazy<T> ofValue(T value) {
        return new Lazy<>(null, Objects.requireNonNull(value));
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            v = Objects.requireNonNull(source.get(), "a Lazy's source returned null");
            value = v;
        }
        return v;
    }
}
