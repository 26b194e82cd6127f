package dev.mlplan.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for messages and reports. Always locale-independent (a German or Turkish default
 * locale must not change mlplan's output), always the same rounding (half-up).
 */
public final class Fmt {
    /** Made only when a number is too large for {@link #num}'s own grouping: loading locale data costs ~7 ms of a cold start. */
    private static final class Symbols {
        static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);
    }

    /** Formatters by number of decimals, made once per thread (a DecimalFormat is costly to build and not thread-safe). */
    private static final int CACHED_DECIMALS = 12;
    private static final ThreadLocal<DecimalFormat[]> FORMATS = new ThreadLocal<>() {
        // not ThreadLocal.withInitial(lambda): a lambda costs ~75 µs at its first run in a cold JVM (docs/performance.md)
        @Override
        protected DecimalFormat[] initialValue() {
            return new DecimalFormat[CACHED_DECIMALS + 1];
        }
    };

    private Fmt() {}

    /** Rounds to {@code decimals} places, half-up, and groups thousands: 12345.678 → "12,345.68". */
    public static String num(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value >= 0 && value < PLAIN_LIMIT && decimals >= 0 && decimals <= CACHED_DECIMALS) {
            return grouped(roundedPlain(value, decimals));
        }
        return format(decimals).format(BigDecimal.valueOf(value));
    }

    /**
     * {@code BigDecimal.valueOf(value).setScale(decimals, HALF_UP).toPlainString()} for a non-negative
     * value, done on the digits of {@link Double#toString} (which is what {@code BigDecimal.valueOf}
     * reads) without BigDecimal arithmetic, which is slow in a cold JVM (docs/performance.md).
     * FmtTest checks it against DecimalFormat over random and tie values.
     */
    static String roundedPlain(double value, int decimals) {
        if (value == 0) {
            return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        }
        String fast = roundedPlainByArithmetic(value, decimals);
        if (fast != null) {
            return fast;
        }
        String s = Double.toString(value);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = mantissa.indexOf('.');
        // the value is 0.DIGITS × 10^point, DIGITS without a leading zero
        StringBuilder digits = new StringBuilder(mantissa.length()).append(mantissa, 0, dot).append(mantissa, dot + 1, mantissa.length());
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        point -= lead;
        int keep = point + decimals; // digits kept: those down to the last decimal place
        if (keep < digits.length()) {
            boolean up = keep >= 0 && digits.charAt(keep) >= '5';
            digits.setLength(Math.max(keep, 0));
            if (up) {
                int i = digits.length() - 1;
                while (i >= 0 && digits.charAt(i) == '9') {
                    digits.setCharAt(i, '0');
                    i--;
                }
                if (i >= 0) {
                    digits.setCharAt(i, (char) (digits.charAt(i) + 1));
                } else {
                    digits.insert(0, '1');
                    point++;
                }
            }
        }
        // now DIGITS has at most point + decimals figures; pad to exactly that many
        StringBuilder out = new StringBuilder(Math.max(point, 1) + decimals + 2);
        if (point <= 0) {
            out.append('0');
        } else {
            for (int i = 0; i < point; i++) {
                out.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        if (decimals > 0) {
            out.append('.');
            for (int i = point; i < point + decimals; i++) {
                out.append(i >= 0 && i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        return out.toString();
    }

    /** 10^0 … 10^22: every one a double exactly. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** 10^k as a double, exactly, for 0 ≤ k ≤ 22. */
    public static double pow10(int k) {
        return POW10[k];
    }

    /**
     * {@link #roundedPlain} without {@link Double#toString} (slow in a cold JVM, docs/performance.md,
     * round 5) where double arithmetic gives the same digits provably: {@code value × 10^decimals} is
     * within a rounding error (half an ulp of it) of the exact product, and the shortest decimal of
     * {@code value}, which BigDecimal.valueOf rounds, within half an ulp of {@code value}; so when
     * the product is farther than both errors together (with room to spare) from a half, all three
     * round half-up to the same whole number. Null near a half, or when the product is too large for
     * that margin to be small: the caller then rounds the decimal digits. FmtTest compares the two.
     */
    static String roundedPlainByArithmetic(double value, int decimals) {
        double scaled = value * POW10[decimals];
        if (!(scaled < 1e15)) {
            return null;
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole; // exact: both are below 2^53
        double margin = Math.max(scaled, 1) * 0x1p-48;
        if (Math.abs(fraction - 0.5) <= margin) {
            return null;
        }
        long r = (long) whole + (fraction > 0.5 ? 1 : 0);
        String digits = Long.toString(r);
        if (decimals == 0) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + decimals + 2);
        int intDigits = digits.length() - decimals;
        if (intDigits <= 0) {
            out.append("0.");
            for (int i = intDigits; i < 0; i++) {
                out.append('0');
            }
            return out.append(digits).toString();
        }
        return out.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length()).toString();
    }

    /** Below this, {@link #num} groups the digits itself (FmtTest checks it against DecimalFormat). */
    private static final double PLAIN_LIMIT = 1e15;

    /** "1234567.89" → "1,234,567.89": what the "#,##0.00" pattern does to a non-negative plain number. */
    public static String grouped(String plain) {
        int point = plain.indexOf('.');
        int intDigits = point < 0 ? plain.length() : point;
        if (intDigits <= 3) {
            return plain;
        }
        StringBuilder sb = new StringBuilder(plain.length() + intDigits / 3);
        int first = intDigits % 3 == 0 ? 3 : intDigits % 3;
        sb.append(plain, 0, first);
        for (int i = first; i < intDigits; i += 3) {
            sb.append(',').append(plain, i, i + 3);
        }
        return sb.append(plain, intDigits, plain.length()).toString();
    }

    private static DecimalFormat format(int decimals) {
        DecimalFormat[] cache = decimals >= 0 && decimals <= CACHED_DECIMALS ? FORMATS.get() : null;
        DecimalFormat f = cache == null ? null : cache[decimals];
        if (f == null) {
            f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", Symbols.ROOT);
            f.setRoundingMode(RoundingMode.HALF_UP);
            if (cache != null) {
                cache[decimals] = f;
            }
        }
        return f;
    }

    /** A whole number with thousands grouped: 10240 → "10,240". */
    public static String count(double value) {
        return num(value, 0);
    }

    /** Three significant figures, for estimates, trailing zeros dropped: 3.14159 → "3.14", 0.012345 → "0.0123", 12.0 → "12", 1234 → "1,234". */
    public static String sig(double value) {
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return num(value, 0);
        }
        if (a >= 10) {
            return trim(num(value, 1));
        }
        if (a >= 1) {
            return trim(num(value, 2));
        }
        int decimals = Math.min(8, 1 - (int) Math.floor(Math.log10(a)) + 1);
        return trim(num(value, decimals));
    }

    private static String trim(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Scientific notation with 2 significant figures: 8.4e19. */
    public static String sci(double value) {
        if (value == 0) {
            return "0";
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(value)));
        double mantissa = value / Math.pow(10, exp);
        if (Math.abs(Math.round(mantissa * 10) / 10.0) >= 10) {
            mantissa /= 10;
            exp++;
        }
        return num(mantissa, 1) + "e" + exp;
    }

    /** Dollars with cents: 1234.5 → "$1,234.50". */
    public static String usd(double value) {
        return (value < 0 ? "-$" : "$") + num(Math.abs(value), 2);
    }

    /** A duration in hours, readable: 0.25 → "15 min", 3.14 → "3.1 h", 50 → "50 h". */
    public static String hours(double hours) {
        if (hours < 1.0 / 60) {
            return sig(hours * 3600) + " s";
        }
        if (hours < 1) {
            return sig(hours * 60) + " min";
        }
        return sig(hours) + " h";
    }

    /** Milliseconds, readable: 850 → "850 ms", 4200 → "4.2 s". */
    public static String millis(double ms) {
        if (ms >= 1000) {
            return sig(ms / 1000) + " s";
        }
        return sig(ms) + " ms";
    }

    /**
     * Milliseconds shown with enough digits to differ from {@code other} when both round alike:
     * 10,040 beside 10,000 gives "10.04 s", not "10 s".
     */
    public static String millisBeside(double ms, double other) {
        String a = millis(ms);
        if (!a.equals(millis(other))) {
            return a;
        }
        return ms >= 1000 ? num(ms / 1000, 3).replaceAll("0+$", "") + " s" : num(ms, 2) + " ms";
    }

    /** A percentage of a fraction: 0.823 → "82%". */
    public static String pct(double fraction) {
        return num(fraction * 100, 0) + "%";
    }
}
