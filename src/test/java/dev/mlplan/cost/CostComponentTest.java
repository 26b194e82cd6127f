package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CostComponent#total} is {@code DoubleStream.sum()} bit for bit, without the stream. */
class CostComponentTest {
    private static double streamSum(List<CostComponent> lines) {
        return lines.stream().mapToDouble(CostComponent::monthlyUsd).sum();
    }

    private static List<CostComponent> lines(double... usd) {
        List<CostComponent> out = new ArrayList<>();
        for (double v : usd) {
            out.add(new CostComponent("x", "hours", 1, v, v, "test"));
        }
        return out;
    }

    /** Seeded random lists of costs as plans hold them: a few lines, magnitudes from cents to millions. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void equalsTheStreamSumOnRandomCosts(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            double[] v = new double[r.nextInt(12)];
            for (int j = 0; j < v.length; j++) {
                v[j] = switch (r.nextInt(4)) {
                    case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(13) - 3);
                    case 1 -> Math.round(r.nextDouble() * 1e6) / 100.0;
                    case 2 -> -r.nextDouble() * 1e3;
                    default -> r.nextDouble() * 1e-9;
                };
            }
            List<CostComponent> lines = lines(v);
            assertThat(Double.doubleToRawLongBits(CostComponent.total(lines))).as("%s", lines).isEqualTo(Double.doubleToRawLongBits(streamSum(lines)));
        }
    }

    static Stream<Arguments> edges() {
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(Arguments.of((Object) new double[] {}), Arguments.of((Object) new double[] {0.1, 0.2, 0.3}),
                Arguments.of((Object) new double[] {1e16, 1, -1e16}), Arguments.of((Object) new double[] {inf, 1}),
                Arguments.of((Object) new double[] {inf, -inf}), Arguments.of((Object) new double[] {Double.NaN, 1}),
                Arguments.of((Object) new double[] {-0.0}), Arguments.of((Object) new double[] {-0.0, -0.0}),
                Arguments.of((Object) new double[] {Double.MAX_VALUE, Double.MAX_VALUE}), Arguments.of((Object) new double[] {inf, inf, -1}));
    }

    /** Cancellation, infinities, NaN and negative zero come out as the stream gives them. */
    @ParameterizedTest
    @MethodSource("edges")
    void equalsTheStreamSumOnEdgeCases(double[] v) {
        List<CostComponent> lines = lines(v);
        assertThat(Double.doubleToRawLongBits(CostComponent.total(lines))).isEqualTo(Double.doubleToRawLongBits(streamSum(lines)));
    }
}
