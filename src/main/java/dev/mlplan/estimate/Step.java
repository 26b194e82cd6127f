package dev.mlplan.estimate;

/**
 * One link in the chain that produced an estimate, for {@code explain} and reports: a named
 * quantity, its value with unit, and the formula or assumption behind it.
 *
 * @param name e.g. "training FLOPs"
 * @param value rendered value with unit, e.g. "8.4e19 FLOPs"
 * @param basis e.g. "6 · N · D = 6 × 7.0e9 × 2.0e9 × 1 epochs (Transformer Math 101)"
 */
public record Step(String name, String value, String basis) {}
