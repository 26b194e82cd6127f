package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fmt formats by hand, or with Locale.US; its output must be what String.format with Locale.ROOT gives. */
class FmtTest {
    private static final String[] PATTERNS = {"%,.0f", "%.1f", "%.2f", "%.3g", "%.2fe%d", "%.0f%%"};

    /** Fmt as it was written first: String.format with Locale.ROOT throughout. */
    private static String plainReference(double x) {
        double a = Math.abs(x);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private static String sciReference(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return String.valueOf(x == 0 ? 0 : x);
        }
        double a = Math.abs(x);
        if (a >= 1e-3 && a < 1e5) {
            return plainReference(x);
        }
        int exp = (int) Math.floor(Math.log10(a));
        double mantissa = x / Math.pow(10, exp);
        if (Math.abs(mantissa) >= 9.995) {
            mantissa /= 10;
            exp++;
        }
        return String.format(Locale.ROOT, "%.2fe%d", mantissa, exp);
    }

    private static double draw(Random rnd, int i) {
        return switch (i % 5) {
            case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(36) - 12);
            case 1 -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(16) - 6);
            case 2 -> (rnd.nextInt(2_000_000) + 0.5) / Math.pow(10, rnd.nextInt(8));
            case 3 -> (rnd.nextInt(2_000_000) + 0.05) / Math.pow(10, rnd.nextInt(8));
            default -> Double.longBitsToDouble(rnd.nextLong());
        };
    }

    private static final double[] SPECIAL = {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e-300,
        Double.MIN_VALUE, Double.MAX_VALUE, 0.5, 0.9995, 0.99949999, 0.09995, 0.0001, 0.00009995, 0.000099949, 9.995, 99.95, 999.5,
        1.005, 1.015, 0.125, 0.0125, 100, 1e4, 1e5, 1e21, 1e22, 1.5e-5, 123456789.5};

    @Test
    void plainSciAndPctAgreeWithFormatter() {
        Random rnd = new Random(8);
        for (int i = 0; i < 50_000; i++) {
            double x = draw(rnd, i);
            assertThat(Fmt.plain(x)).as("plain(%s)", x).isEqualTo(plainReference(x));
            assertThat(Fmt.sci(x)).as("sci(%s)", x).isEqualTo(sciReference(x));
            assertThat(Fmt.pct(x)).as("pct(%s)", x).isEqualTo(String.format(Locale.ROOT, "%.0f%%", x * 100));
        }
        for (double x : SPECIAL) {
            assertThat(Fmt.plain(x)).as("plain(%s)", x).isEqualTo(plainReference(x));
            assertThat(Fmt.sci(x)).as("sci(%s)", x).isEqualTo(sciReference(x));
            assertThat(Fmt.pct(x)).as("pct(%s)", x).isEqualTo(String.format(Locale.ROOT, "%.0f%%", x * 100));
        }
    }

    @Test
    void usFormatsLikeRoot() {
        Random rnd = new Random(8);
        for (int i = 0; i < 5_000; i++) {
            double x = draw(rnd, i);
            for (String p : PATTERNS) {
                Object[] args = p.contains("%d") ? new Object[] {x, rnd.nextInt(40) - 20} : new Object[] {x};
                assertThat(String.format(Fmt.FORMAT_LOCALE, p, args)).isEqualTo(String.format(Locale.ROOT, p, args));
            }
        }
        for (double x : SPECIAL) {
            for (String p : PATTERNS) {
                Object[] args = p.contains("%d") ? new Object[] {x, 3} : new Object[] {x};
                assertThat(String.format(Fmt.FORMAT_LOCALE, p, args)).isEqualTo(String.format(Locale.ROOT, p, args));
            }
        }
    }

    @Test
    void examples() {
        assertThat(Fmt.plain(5500)).isEqualTo("5,500");
        assertThat(Fmt.plain(13.456)).isEqualTo("13.5");
        assertThat(Fmt.plain(1.8249)).isEqualTo("1.82");
        assertThat(Fmt.plain(0.012345)).isEqualTo("0.0123");
        assertThat(Fmt.sci(8.73e22)).isEqualTo("8.73e22");
        assertThat(Fmt.pct(0.4)).isEqualTo("40%");
    }
}
