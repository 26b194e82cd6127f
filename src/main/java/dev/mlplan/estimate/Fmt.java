package dev.mlplan.estimate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Fixed, locale-independent number formats for {@link Step} values and bases.
 *
 * <p>Formats with {@link #FORMAT_LOCALE}, Locale.US, whose digits and separators are those of
 * Locale.ROOT: a Formatter looks up the DecimalFormatSymbols of any other locale at every call, which
 * made these formats a third of the planning time (FmtTest checks that the output is ROOT's).
 */
final class Fmt {
    static final double GIB = 1024.0 * 1024 * 1024;

    /** Same output as Locale.ROOT, without a symbols look-up per call. */
    static final Locale FORMAT_LOCALE = Locale.US;

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
        String m = fixed(mantissa, 2, false);
        return m != null ? m + "e" + exp : String.format(FORMAT_LOCALE, "%.2fe%d", mantissa, exp);
    }

    /** Three significant digits, thousands grouped: "1.82", "13.5", "5,500". */
    static String plain(double x) {
        double a = Math.abs(x);
        if (a >= 100) {
            String f = fixed(x, 0, true);
            return f != null ? f : String.format(FORMAT_LOCALE, "%,.0f", x);
        }
        if (a >= 10) {
            String f = fixed(x, 1, false);
            return f != null ? f : String.format(FORMAT_LOCALE, "%.1f", x);
        }
        if (a >= 1) {
            String f = fixed(x, 2, false);
            return f != null ? f : String.format(FORMAT_LOCALE, "%.2f", x);
        }
        if (x >= 1e-4) {
            // "%.3g" below 1: three significant digits, as a plain decimal
            BigDecimal r = BigDecimal.valueOf(x).round(THREE_DIGITS);
            int exponent = r.precision() - r.scale() - 1;
            return r.setScale(2 - exponent, RoundingMode.HALF_UP).toPlainString();
        }
        if (x == 0) {
            // what "%.3g" gives for ±0 (FmtTest), without a Formatter: its first use loads locale data and
            // runs streams and lambdas in a cold JVM, and a storage workload without growth formats a zero
            return Double.doubleToRawLongBits(x) == 0 ? "0.00" : "-0.00";
        }
        return String.format(FORMAT_LOCALE, "%.3g", x);
    }

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    /**
     * What {@code String.format("%.<decimals>f", x)} (with {@code %,} grouping when asked) gives, for
     * a finite x ≥ 0: the shortest decimal digits of x rounded half-up. Null for any other x. Much
     * cheaper than a Formatter, which parses its pattern with a regular expression at every call;
     * FmtTest checks that the two agree.
     */
    private static String fixed(double x, int decimals, boolean group) {
        if (!(x >= 0) || x == Double.POSITIVE_INFINITY || Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(Math.abs(x))) {
            return null;
        }
        String plain = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return group ? dev.mlplan.util.Fmt.grouped(plain) : plain;
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
        String f = fixed(fraction * 100, 0, false);
        return f != null ? f + "%" : String.format(FORMAT_LOCALE, "%.0f%%", fraction * 100);
    }
}
