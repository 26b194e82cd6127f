package dev.mlplan.robust;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded, line-oriented mutations of a workload file for the CLI fuzz test. Most mutations keep the
 * YAML shape and change one value or key, so that many mutants still parse and reach the planner and
 * the estimators (scaled numbers, extreme but well-formed quantities); the rest break the document.
 */
final class Mutator {
    /** Tricky values put in place of a value. */
    static final String[] TRICKY = {
        "-1", "0", "0.0", "-0", ".nan", ".NaN", ".inf", "-.inf", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308",
        "9223372036854775807", "9223372036854775808", "2147483648", "99999999999999999999", "\"7B\"", "\"12 hrs\"", "[]", "{}", "~",
        "null", "''", "\"\"", "yes", "no", "true", "0x1F", "0o17", "1_000", "1,000", "+5", "1e3", "3.", ".5",
        "x".repeat(5000), "\"" + "y".repeat(300) + "\"", "\u00e9t\u00e9", "\u4e2d\u6587", "\ud83d\ude80", "\u200f", "\u0301", "\t", "\"\\t\"",
        "\"a\\u0000b\"", "&a [1, 2]", "*a", "!!binary aGVsbG8=", "!!int 3", "!!float 3", "!!str 3", "!!set {a, b}", "!!timestamp 2026-01-01",
        "2026-01-01", "12:30:00", "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "|\n  multi\n  line", ">\n  folded",
        "0 GB", "1 B", "1 EB", "1e30 GB", "1 PB", "0.000001 GB", "1e-9 GB", "0.0001/s", "1e9/s", "1/day", "1/year",
        "1 s", "1 ms", "0.001 s", "100000h", "1e9 h", "1 min", "1 USD", "0.0000001 USD", "1e15 USD", "1 W", "1e9 W",
        "0.0 USD/kWh", "1 USD/kWh", "1 GB/month", "1e12 GB/month", "1 %", "100%", "0.001%", "1", "1e6", "1e12", "1T", "1e15",
        "0.5", "1024", "1025", "65535", "any", "[any]", "[us-east-1, eu-west-1]", "[us-gov-west-1]", "[ap-east-2]", "[cn-north-1]",
    };

    /** Key names put in place of a key. */
    static final String[] KEYS = {
        "version", "name", "training", "inference", "storage", "budget", "constraints", "local", "assumptions", "regions",
        "model", "preset", "parameters", "precision", "method", "dataset", "tokens", "samples", "size", "epochs", "deadline",
        "runs_per_month", "sequence_length", "traffic", "average", "peak", "pattern", "tokens_in", "tokens_out", "latency_p99",
        "availability", "hours_per_day", "data", "growth", "reads", "writes", "access", "prefixes", "shared_by", "transfer",
        "monthly", "warn_at", "max_nodes", "allow_spot", "instance_types", "accelerator", "count", "power", "mfu", "batch_size",
        "Epochs", "epoch", "trainig", "dataset ", "<<", "? x", "-", "0", "\"quoted key\"", "k\u00e9y",
    };

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    private Mutator() {}

    static String mutate(String text, Random random, int times) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int t = 0; t < times; t++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            int colon = line.indexOf(':');
            switch (random.nextInt(12)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3, 4 -> {
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon) + ": " + TRICKY[random.nextInt(TRICKY.length)]);
                    }
                }
                case 5, 6, 7 -> lines.set(at, scaleNumbers(line, random));
                case 8 -> {
                    if (colon > 0) {
                        String indent = line.substring(0, line.length() - line.stripLeading().length());
                        lines.set(at, indent + KEYS[random.nextInt(KEYS.length)] + line.substring(colon));
                    }
                }
                case 9 -> lines.set(at, " ".repeat(random.nextInt(6)) + line.stripLeading());
                case 10 -> lines.set(at, line.replaceFirst("^( *)", random.nextBoolean() ? "$1\t" : "$1  "));
                default -> {
                    // a value inside a flow mapping: { a: 1, b: 2 }
                    int comma = line.indexOf(", ");
                    if (comma > 0) {
                        lines.set(at, line.substring(0, comma) + ", " + KEYS[random.nextInt(KEYS.length)] + ": "
                                + TRICKY[random.nextInt(TRICKY.length)] + line.substring(comma));
                    }
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    /** Multiplies one number on the line by 10^k (k from -9 to 12), or sets it to 0 or 1: units stay valid. */
    static String scaleNumbers(String line, Random random) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return line;
        }
        Matcher m = NUMBER.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            if (m.start() > colon) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        double v = Double.parseDouble(line.substring(s[0], s[1]));
        String replacement = switch (random.nextInt(4)) {
            case 0 -> "0";
            case 1 -> "1";
            default -> {
                double scaled = v * Math.pow(10, random.nextInt(22) - 9);
                yield scaled == Math.rint(scaled) && Math.abs(scaled) < 1e15 ? Long.toString((long) scaled) : Double.toString(scaled);
            }
        };
        return line.substring(0, s[0]) + replacement + line.substring(s[1]);
    }
}
