package dev.mlplan.gate;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.QuantityException;
import dev.mlplan.workload.QuantityParser;
import java.util.Locale;

/**
 * The largest cost increase a check allows over its baseline: a percentage of the baseline
 * ("10%") or an amount in USD ("200USD", "200 USD", "$200").
 *
 * @param value a fraction of the baseline when {@code percent}, else USD
 */
public record Threshold(double value, boolean percent) {
    public Threshold {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a threshold is a non-negative finite number, got " + value);
        }
    }

    public static Threshold percent(double fraction) {
        return new Threshold(fraction, true);
    }

    public static Threshold usd(double usd) {
        return new Threshold(usd, false);
    }

    /**
     * Reads "10%", "200USD", "200 USD" or "$200".
     *
     * @throws IllegalArgumentException with a message for the user when the text is neither
     */
    public static Threshold parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.endsWith("%")) {
                return percent(QuantityParser.percent(t).fraction());
            }
            return usd(QuantityParser.money(t).value());
        } catch (QuantityException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage or an amount in USD; use e.g. '10%' or '200 USD'"
                    + (e.hint().isPresent() ? " (" + e.hint().get() + ")" : ""));
        }
    }

    /** Whether an increase of {@code increaseUsd} over {@code baselineUsd} is more than allowed. */
    public boolean exceededBy(double increaseUsd, double baselineUsd) {
        return increaseUsd > allowedUsd(baselineUsd) + 1e-9;
    }

    /** The allowed increase in USD over a baseline. */
    public double allowedUsd(double baselineUsd) {
        return percent ? baselineUsd * value : value;
    }

    /** "+10%" or "+$200.00". */
    public String describe() {
        return "+" + (percent ? trimPct(value) : Fmt.usd(value));
    }

    private static String trimPct(double fraction) {
        String s = Fmt.num(fraction * 100, 2);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s + "%";
    }

    @Override
    public String toString() {
        return describe().toLowerCase(Locale.ROOT);
    }
}
