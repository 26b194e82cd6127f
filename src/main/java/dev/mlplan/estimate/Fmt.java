package dev.mlplan.estimate;

import java.util.Locale;

/**
 * Fixed, locale-independent number formats for {@link Step} values and bases: three significant
 * digits, trailing zeros kept ("1.80"), and scientific notation for very large or small values.
 */
final class Fmt {
    static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * Locale.US: the digits and separators of Locale.ROOT, and the ones a Formatter knows without
     * looking up a locale's number symbols (for any other locale it loads them at every call).
     */
    private static final Locale FORMAT_LOCALE = Locale.US;

    private Fmt() {}

    /** Scientific for very large or small values ("8.73e22"), plain otherwise ("1.82", "5,500"). */
    static String sci(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x == 0 ? 0 : x);
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e5) {
            return plain(x);
        }
        int exp = (int) Math.floor(Math.log10(a));
        double mantissa = x / Math.pow(10, exp);
        if (Math.abs(mantissa) >= 9.995) {
            mantissa /= 10;
            exp++;
        }
        return String.format(FORMAT_LOCALE, "%.2fe%d", mantissa, exp);
    }

    /** Three significant digits, thousands grouped: "1.82", "13.5", "5,500", "0.0123". */
    static String plain(double x) {
        double a = Math.abs(x);
        if (a >= 100) {
            return dev.mlplan.util.Fmt.num(x, 0);
        }
        return String.format(FORMAT_LOCALE, a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", x);
    }

    /** A parameter or token count: "6.74B", "124M", "2.00T". */
    static String count(double n) {
        double a = Math.abs(n);
        if (a >= 1e12) {
            return plain(n / 1e12) + "T";
        }
        if (a >= 1e9) {
            return plain(n / 1e9) + "B";
        }
        if (a >= 1e6) {
            return plain(n / 1e6) + "M";
        }
        if (a >= 1e3) {
            return plain(n / 1e3) + "k";
        }
        return plain(n);
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
