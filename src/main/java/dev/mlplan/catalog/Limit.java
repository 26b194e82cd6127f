package dev.mlplan.catalog;

/**
 * A service limit (a quota or a hard limit) with its source.
 *
 * @param id e.g. "lambda.memory.max"
 * @param value in {@code unit}
 * @param unit e.g. "MB", "s", "requests/s", "IOPS", "MiB/s"
 */
public record Limit(String id, double value, String unit, String description, String source) {}
