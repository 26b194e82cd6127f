package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FmtTest {
    /** What {@link Fmt#num} did before it used String.format: a DecimalFormat with half-up rounding. */
    private static String reference(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(BigDecimal.valueOf(value));
    }

    @Test
    void examples() {
        // what num and sig do (the Javadoc of sig promises fewer figures than it gives: 3.14, 0.0123)
        assertThat(Fmt.num(12345.678, 2)).isEqualTo("12,345.68");
        assertThat(Fmt.count(10240)).isEqualTo("10,240");
        assertThat(Fmt.num(0.125, 2)).isEqualTo("0.13");
        assertThat(Fmt.num(999.995, 2)).isEqualTo("1,000.00");
        assertThat(Fmt.num(-0.001, 2)).isEqualTo(reference(-0.001, 2));
        assertThat(Fmt.sig(3.14159)).isEqualTo("3.14");
        assertThat(Fmt.sig(0.0123)).isEqualTo("0.0123");
        assertThat(Fmt.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(Fmt.pct(0.823)).isEqualTo("82%");
    }

    @Test
    void aFigureBesideAnotherGetsTheDigitsToDifferOnlyWhenTheyRoundAlike() {
        assertThat(Fmt.sigBeside(5.5934, 5.5879)).isEqualTo("5.593");
        assertThat(Fmt.sigBeside(5.5879, 5.5934)).isEqualTo("5.588");
        assertThat(Fmt.sigBeside(7.92, 4)).isEqualTo("7.92");
        assertThat(Fmt.sigBeside(19.2, 19.2)).isEqualTo("19.2");
    }

    @Test
    void numAgreesWithDecimalFormat() {
        Random rnd = new Random(8);
        double[] special = {0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.005, 0.015, 999.5, 999_999.5, 1e15, 1e15 - 1, 9.999_999_999e14, 1e16,
            123_456_789.987_654_321, Double.MIN_VALUE, Double.MAX_VALUE, -1.5, -1234.5678, Double.NaN, Double.POSITIVE_INFINITY};
        for (int decimals = 0; decimals <= 12; decimals++) {
            for (double v : special) {
                assertThat(Fmt.num(v, decimals)).as("%s with %d decimals", v, decimals).isEqualTo(reference(v, decimals));
            }
            for (int i = 0; i < 500; i++) {
                double v = switch (i % 4) {
                    case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(20) - 6);
                    case 1 -> Math.round(rnd.nextDouble() * 1e6) / 1e3 + 0.0005;
                    case 2 -> (rnd.nextInt(2_000_000) + 0.5) / Math.pow(10, rnd.nextInt(6));
                    default -> -rnd.nextDouble() * Math.pow(10, rnd.nextInt(10) - 3);
                };
                assertThat(Fmt.num(v, decimals)).as("%s with %d decimals", v, decimals).isEqualTo(reference(v, decimals));
            }
        }
    }
}
