package dev.mlplan.estimate;

import java.util.Locale;

/**
 * Fixed, locale-independent number formats for {@link Step} values and bases: three significant
 * digits, trailing zeros kept ("1.80"), never e-notation (large counts, FLOPs and short times go through
 * {@link dev.mlplan.util.Fmt#large}, {@link dev.mlplan.util.Fmt#flops} and {@link dev.mlplan.util.Fmt#seconds}).
 */
final class Fmt {
    static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * Locale.US: the digits and separators of Locale.ROOT, and the ones a Formatter knows without
     * looking up a locale's number symbols (for any other locale it loads them at every call).
     */
    private static final Locale FORMAT_LOCALE = Locale.US;

    private Fmt() {}

    /** Three significant digits, thousands grouped: "1.82", "13.5", "5,500", "0.0123". */
    static String plain(double x) {
        double a = Math.abs(x);
        if (a >= 100) {
            return dev.mlplan.util.Fmt.num(x, 0);
        }
        if (a >= 1 || a == 0 || Double.isNaN(a)) {
            return String.format(FORMAT_LOCALE, a >= 10 ? "%.1f" : "%.2f", x);
        }
        // three significant digits, trailing zeros kept, never e-notation (%g writes 1.00e-05 below 1e-4)
        int scale = 2 - (int) Math.floor(Math.log10(a));
        return java.math.BigDecimal.valueOf(x).setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A parameter or token count, as every report writes one: "6.74 B", "124 M", "2 T", "5,500" ({@link dev.mlplan.util.Fmt#large}). */
    static String count(double n) {
        return dev.mlplan.util.Fmt.large(n);
    }

    static String gib(double bytes) {
        return plain(bytes / GIB) + " GiB";
    }

    static String gb(double bytes) {
        return plain(bytes / 1e9) + " GB";
    }

    static String ms(double seconds) {
        return plain(seconds * 1000) + " ms";
    }

    static String pct(double fraction) {
        return String.format(FORMAT_LOCALE, "%.0f%%", fraction * 100);
    }
}
