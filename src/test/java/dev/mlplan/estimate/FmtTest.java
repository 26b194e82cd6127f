package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fmt formats with Locale.US for speed; its output must be what Locale.ROOT gives. */
class FmtTest {
    private static final String[] PATTERNS = {"%,.0f", "%.1f", "%.2f", "%.3g", "%.2fe%d", "%.0f%%"};

    @Test
    void usFormatsLikeRoot() {
        Random rnd = new Random(8);
        for (int i = 0; i < 50_000; i++) {
            double x = switch (i % 3) {
                case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(30) - 12);
                case 1 -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(12) - 4);
                default -> (rnd.nextInt(100_000) + 0.5) / Math.pow(10, rnd.nextInt(5));
            };
            for (String p : PATTERNS) {
                Object[] args = p.contains("%d") ? new Object[] {x, rnd.nextInt(40) - 20} : new Object[] {x};
                assertThat(String.format(Fmt.FORMAT_LOCALE, p, args)).isEqualTo(String.format(Locale.ROOT, p, args));
            }
        }
        for (double x : new double[] {0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e-300}) {
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
