package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CostComponent#total} sums with compensation, so the order of the lines does not add noise. */
class CostComponentTest {
    private static List<CostComponent> lines(double... usd) {
        return Arrays.stream(usd).mapToObj(v -> new CostComponent("x", "hours", 1, v, v, "test", CostCategory.COMPUTE)).toList();
    }

    @Test
    void sumsWithCompensation() {
        assertThat(CostComponent.total(lines())).isZero();
        assertThat(CostComponent.total(lines(0.1, 0.2, 0.3))).isEqualTo(0.6);
        assertThat(CostComponent.total(lines(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1))).isEqualTo(1.0);
        assertThat(CostComponent.of(CostCategory.COMPUTE, "x", "hours", 730, 0.5, "test").monthlyUsd()).isEqualTo(365.0);
    }
}
