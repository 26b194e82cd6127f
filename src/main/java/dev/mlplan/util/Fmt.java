package dev.mlplan.util;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for messages and reports. Always locale-independent (a German or Turkish default
 * locale must not change mlplan's output), always the same rounding (half-up).
 */
public final class Fmt {
    /** Where a thousands separator goes in a run of digits. */

    private Fmt() {}

    /** Rounds to {@code decimals} places, half-up, and groups thousands: 12345.678 → "12,345.68", -0.001 → "-0.00". */
    public static String num(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // BigDecimal.valueOf rounds the shortest decimal of the double, as a person reading it would; for whole
        // numbers Math.round gives the same (a double whose shortest decimal ends in .5 is exactly that), faster
        double abs = Math.abs(value);
        String digits = decimals == 0 && abs < 1e15 ? Long.toString(Math.round(abs))
                : BigDecimal.valueOf(abs).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        int point = digits.indexOf('.');
        int whole = point < 0 ? digits.length() : point;
        StringBuilder sb = new StringBuilder(digits.length() + whole / 3 + 1);
        if (value < 0) {
            sb.append('-');
        }
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.append(digits, whole, digits.length()).toString();
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

    /**
     * {@link #sig} with enough digits to differ from {@code other} when both round alike: 5.594 beside
     * 5.588 gives "5.594", not "5.59" (a memory need shown equal to what it exceeds).
     */
    public static String sigBeside(double value, double other) {
        String a = sig(value);
        if (!a.equals(sig(other)) || value == other) {
            return a;
        }
        for (int decimals = 3; decimals <= 8; decimals++) {
            String v = trim(num(value, decimals));
            if (!v.equals(trim(num(other, decimals)))) {
                return v;
            }
        }
        return a;
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

    /** SI prefixes by powers of 1,000, as FLOP counts are written: 8.4e19 FLOPs is 84 EFLOPs. */
    private static final String[] SI = {"", "k", "M", "G", "T", "P", "E", "Z"};

    /** Short-scale suffixes by powers of 1,000, as parameter and token counts are written: 6.7 B parameters, 1.2 T tokens. */
    private static final String[] SHORT_SCALE = {"", "k", "M", "B", "T"};

    /** A FLOP count with an SI prefix, 3 significant figures, never e-notation: 8.4e19 → "84 EFLOPs", 1.4e9 → "1.4 GFLOPs". */
    public static String flops(double value) {
        return scaled(value, SI) + "FLOPs";
    }

    /** A FLOP rate with an SI prefix: 3.12e14 → "312 TFLOP/s". */
    public static String flopRate(double value) {
        return scaled(value, SI) + "FLOP/s";
    }

    /**
     * A large count (parameters, tokens, values) with a short-scale suffix, 3 significant figures,
     * never e-notation: 6.74e9 → "6.74 B", 1.2e12 → "1.2 T", 124e6 → "124 M", 5500 → "5,500"; beyond trillions the
     * thousands are grouped: 3.4e15 → "3,400 T".
     */
    public static String large(double value) {
        if (Math.abs(value) < 1e6) {
            return sig(value);
        }
        return scaled(value, SHORT_SCALE).strip();
    }

    /** A short time in seconds with an SI prefix: 7.5e-9 → "7.5 ns", 0.0042 → "4.2 ms", 3 → "3 s". */
    public static String seconds(double value) {
        double a = Math.abs(value);
        if (a == 0 || a >= 1) {
            return sig(value) + " s";
        }
        String[] small = {"ms", "µs", "ns", "ps"};
        double scaled = value;
        for (String unit : small) {
            scaled *= 1000;
            if (Math.abs(scaled) >= 1 || unit.equals("ps")) {
                return sig(scaled) + " " + unit;
            }
        }
        return sig(scaled) + " ps";
    }

    /** {@code value} divided by the largest power of 1,000 below it, in 3 significant figures, then a space and the power's prefix. */
    private static String scaled(double value, String[] prefixes) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return sig(value) + " ";
        }
        int k = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        k = Math.max(0, Math.min(prefixes.length - 1, k));
        String shown = sig(value / Math.pow(1000, k));
        // 999.7 rounds to "1,000": show it as 1 of the next prefix
        if (k < prefixes.length - 1 && shown.replace("-", "").equals("1,000")) {
            k++;
            shown = sig(value / Math.pow(1000, k));
        }
        return shown + " " + prefixes[k];
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
