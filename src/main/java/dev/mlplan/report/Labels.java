package dev.mlplan.report;

import dev.mlplan.util.Fmt;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The one table of what a reviewer reads for each requirement key of the plan: a label in words
 * ({@code acceleratorMemoryGiB} → "accelerator memory") and how its value is written, with its unit
 * shown once, in the value ("118 GiB", "84 EFLOPs", "6.74 B"). Every human renderer (terminal table,
 * Markdown, HTML, explain, diff) takes labels and values from here; JSON and CSV keep the keys.
 * A key not in the table (a part added later) gets its camelCase split into words and its number
 * written plainly, so nothing prints an internal key.
 */
public final class Labels {
    /** How one key reads: its label and how its number is written (null for text values). */
    record Label(String text, DoubleFunction<String> number) {}

    private static final DoubleFunction<String> PLAIN = Labels::plain;

    private static final Map<String, Label> TABLE = Map.ofEntries(
            Map.entry("model", new Label("model", null)),
            Map.entry("architecture", new Label("architecture", null)),
            Map.entry("method", new Label("method", null)),
            Map.entry("precision", new Label("precision", null)),
            Map.entry("availability", new Label("availability", null)),
            Map.entry("pricing", new Label("pricing", null)),
            Map.entry("parameters", new Label("parameters", Fmt::large)),
            Map.entry("rows", new Label("rows", Fmt::large)),
            Map.entry("features", new Label("features", Fmt::large)),
            Map.entry("rounds", new Label("boosting rounds", PLAIN)),
            Map.entry("depth", new Label("tree depth", PLAIN)),
            Map.entry("epochs", new Label("epochs", PLAIN)),
            Map.entry("totalFlops", new Label("training compute per run", Fmt::flops)),
            Map.entry("acceleratorMemoryGiB", new Label("accelerator memory", v -> Fmt.sig(v) + " GiB")),
            Map.entry("hostMemoryGiB", new Label("host memory", v -> Fmt.sig(v) + " GiB")),
            Map.entry("weightsGiB", new Label("weights", v -> Fmt.sig(v) + " GiB")),
            Map.entry("dataGB", new Label("data", v -> Fmt.sig(v) + " GB")),
            Map.entry("months", new Label("storage over 12 months", null)),
            Map.entry("inputGBPerRun", new Label("input per run", v -> Fmt.sig(v) + " GB")),
            Map.entry("outputGBPerRun", new Label("output per run", v -> Fmt.sig(v) + " GB")),
            Map.entry("throughputMiBps", new Label("throughput", v -> Fmt.sig(v) + " MiB/s")),
            Map.entry("iops", new Label("IOPS", PLAIN)),
            Map.entry("readsPerSecond", new Label("reads", v -> plain(v) + "/s")),
            Map.entry("writesPerSecond", new Label("writes", v -> plain(v) + "/s")),
            Map.entry("prefixes", new Label("S3 prefixes", PLAIN)),
            Map.entry("prefixesNeeded", new Label("S3 prefixes needed", PLAIN)),
            Map.entry("sharedBy", new Label("shared by", null)),
            Map.entry("runsPerMonth", new Label("runs per month", PLAIN)),
            Map.entry("deadlineHours", new Label("deadline", Fmt::hours)),
            Map.entry("hoursPerMonth", new Label("serving hours per month", v -> Fmt.sig(v) + " h")),
            Map.entry("itemsPerRun", new Label("items per run", Fmt::large)),
            Map.entry("requestsPerItem", new Label("requests per item", PLAIN)),
            Map.entry("peakRequestsPerSecond", new Label("peak load", v -> plain(v) + " req/s")),
            Map.entry("averageRequestsPerSecond", new Label("average load", v -> plain(v) + " req/s")),
            Map.entry("latencyTargetMsP99", new Label("p99 latency target", Fmt::millis)),
            Map.entry("ttftTargetMsP99", new Label("p99 time-to-first-token target", Fmt::millis)),
            Map.entry("tpotTargetMsP99", new Label("p99 time-per-output-token target", Fmt::millis)),
            Map.entry("lambdaBreakEvenRequestsPerDay", new Label("Lambda break-even", v -> plain(v) + " requests/day")),
            Map.entry("lambdaBreakEvenVersus", new Label("Lambda break-even against", null)),
            Map.entry("trials", new Label("trials", PLAIN)),
            Map.entry("concurrency", new Label("trials at once", PLAIN)),
            Map.entry("waves", new Label("waves", PLAIN)),
            Map.entry("instanceTypesExcludedByFamilies", new Label("instance types left out by constraints.families", PLAIN)));

    private Labels() {}

    /** Whether the table has this key (a test holds every key the planners write to it). */
    static boolean known(String key) {
        return TABLE.containsKey(key);
    }

    /** The words a reviewer reads for a requirement key: "accelerator memory" for {@code acceleratorMemoryGiB}. */
    public static String label(String key) {
        Label l = TABLE.get(key);
        return l != null ? l.text() : words(key);
    }

    /** A requirement's value as a reviewer reads it, its unit once: "118 GiB", "84 EFLOPs", "6.74 B", "on-demand". */
    public static String value(String key, Object v) {
        if (v instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof java.util.Map<?, ?>) {
            // the 12-month storage curve ([{month, dataGB, usd}, …]) on one line
            return PlanText.curve(l);
        }
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        if (v instanceof Number n) {
            Label l = TABLE.get(key);
            DoubleFunction<String> f = l != null && l.number() != null ? l.number() : PLAIN;
            return f.apply(n.doubleValue());
        }
        return String.valueOf(v);
    }

    /** "label value", as the terminal's one-line summary of a part writes it. */
    public static String labelled(String key, Object v) {
        return label(key) + " " + value(key, v);
    }

    /** A number with no unit: whole numbers grouped ("10,240"), others to 3 significant figures, large ones short-scale ("1.2 B"). */
    static String plain(double v) {
        return Math.abs(v) >= 1e6 ? Fmt.large(v) : Fmt.sig(v);
    }

    /** {@code camelCaseKey} → "camel case key", with unit suffixes kept as written (GiB, GB, MiBps). */
    static String words(String key) {
        String spaced = key.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
        StringBuilder sb = new StringBuilder();
        for (String w : spaced.split(" ")) {
            boolean unit = w.length() > 1 && w.chars().skip(1).anyMatch(Character::isUpperCase);
            sb.append(sb.length() == 0 ? "" : " ").append(unit || w.equals(w.toUpperCase(Locale.ROOT)) && w.length() > 1 ? w : w.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
