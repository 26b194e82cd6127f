package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formats of estimate steps. */
class FmtTest {
    @Test
    void examples() {
        assertThat(Fmt.plain(5500)).isEqualTo("5,500");
        assertThat(Fmt.plain(13.456)).isEqualTo("13.5");
        assertThat(Fmt.plain(1.8249)).isEqualTo("1.82");
        assertThat(Fmt.plain(0.012345)).isEqualTo("0.0123");
        assertThat(Fmt.pct(0.4)).isEqualTo("40%");
        assertThat(Fmt.pct(621.33)).isEqualTo("62133%");
        assertThat(Fmt.plain(0)).isEqualTo("0.00");
        assertThat(Fmt.plain(0.99949999)).isEqualTo("0.999");
        assertThat(Fmt.plain(9.996e-5)).isEqualTo("0.0001000");
        assertThat(Fmt.plain(1.234e-7)).isEqualTo("0.000000123");
        assertThat(Fmt.count(6.74e9)).isEqualTo("6.74 B");
    }
}
