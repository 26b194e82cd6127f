package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** IsoDates reads what LocalDate.parse reads, to the same date, and fails where it fails. */
class IsoDatesTest {
    @Test
    void sameDatesAsTheFormatter() {
        Random random = new Random(20260720);
        for (int i = 0; i < 5_000; i++) {
            LocalDate d = LocalDate.ofEpochDay(random.nextInt(200_000) - 50_000);
            assertThat(IsoDates.parse(d.toString())).isEqualTo(d);
        }
        assertThat(IsoDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(IsoDates.parse("+12345-01-02")).isEqualTo(LocalDate.parse("+12345-01-02"));
    }

    @Test
    void sameFailuresAsTheFormatter() {
        for (String bad : new String[] {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-7-20", "20260720",
            "2026/07/20", "", "２０２６-07-20", "2026-07-20x", " 2026-07-20"}) {
            assertThatThrownBy(() -> LocalDate.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> IsoDates.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }
}
