package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Budget;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.plan.Planner;
import dev.mlplan.testing.TestPlans;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming JSON writer gives the bytes data binding gives, which stays the reference. */
class PlanJsonWriterTest {
    /** The streaming writer itself, without JsonRenderer's fallback to data binding. */
    private static String fast(PlanResult plan) {
        try {
            return PlanJsonWriter.write(plan) + "\n";
        } catch (PlanJsonWriter.Unsupported e) {
            throw new AssertionError("the streaming writer gave up: " + e.getMessage(), e);
        }
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("workloads")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleWorkloadRendersAsWithDataBinding(Path file) {
        Workload w = new WorkloadParser(ModelPresets.names()).parse(file.toAbsolutePath());
        PlanResult plan = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(20),
                LocalDate.of(2026, 8, 1)).plan(List.of(w));
        String json = fast(plan);
        assertThat(json).isEqualTo(JsonRenderer.renderWithDataBinding(plan)).isEqualTo(JsonRenderer.render(plan));
    }

    @Test
    void theHandBuiltPlansRenderAsWithDataBinding() {
        PlanResult plan = TestPlans.plan(TestPlans.finetune(812.5, 12.25, 1000.0), TestPlans.serving(1.0 / 3, null), TestPlans.infeasible(50.0));
        assertThat(fast(plan)).isEqualTo(JsonRenderer.renderWithDataBinding(plan));
    }

    @Test
    void nullsEmptiesAndOddNumbersRenderAsWithDataBinding() {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("nothing", null);
        req.put("int", 7);
        req.put("long", 1L << 40);
        req.put("nan", Double.NaN);
        req.put("inf", Double.NEGATIVE_INFINITY);
        req.put("tiny", 1.234567890123e-12);
        req.put("huge", 8.4e19);
        req.put("big", 123456789012345678.0);
        req.put("flag", true);
        req.put("list", new ArrayList<>(Arrays.asList(1, "two", null, 3.5)));
        req.put("nested", Map.of("a", List.of()));
        Option bare = new Option(0, null, null, null, 0, null, null, null, null, null, null, null, -0.0, null, null, null, null, null);
        Option empty = new Option(2, "", "", "", 1, "", "", Double.NaN, 0.0, -1.5, 1e-300, Double.POSITIVE_INFINITY, 1e16, 0.1 + 0.2, List.of(),
                List.of(), List.of(), List.of());
        PartPlan part = new PartPlan(null, req, List.of(bare, empty), List.of(), null, 0, 0);
        PartPlan nulls = new PartPlan("p", null, null, null, List.of(new Step(null, "", "\u00e9\u2713\t\"q\"")), 1, 1);
        WorkloadPlan w = new WorkloadPlan("", null, "", List.of(), List.of(part, nulls), List.of(new BreakEvenResult(null, null, null, null, null, null,
                null, null, null, null)), null, new Budget(null, null, null, null), null);
        WorkloadPlan nothing = new WorkloadPlan(null, null, null, null, null, null, 2.5, null, List.of());
        // null entries in every list, as a hand-edited saved plan can have them
        Option withNulls = new Option(3, "o", "ec2", "t", 1, "r", "spot", 1.0, null, null, null, null, 2.0, null,
                Arrays.asList(null, TestPlans.training(1, "p4d.24xlarge", "spot", 1, 10).costs().get(0)), Arrays.asList("note", null),
                Arrays.asList((PlanResult.Alternative) null), Arrays.asList((Step) null));
        PartPlan nullEntries = new PartPlan("training", Map.of(), Arrays.asList(null, withNulls), Arrays.asList((PlanResult.Elimination) null),
                Arrays.asList((Step) null), 1, 1);
        WorkloadPlan nullLists = new WorkloadPlan("n", null, null, Arrays.asList("us-east-1", null), Arrays.asList(null, nullEntries),
                Arrays.asList((BreakEvenResult) null), 1.0, null, Arrays.asList((String) null));
        for (PlanResult plan : List.of(new PlanResult(1, null, null, null), new PlanResult(1, "x", null, List.of(w, nothing)),
                new PlanResult(1, "x", null, Arrays.asList(null, nullLists)))) {
            assertThat(fast(plan)).isEqualTo(JsonRenderer.renderWithDataBinding(plan)).isEqualTo(JsonRenderer.render(plan));
        }
    }

    @Test
    void aPlanReadBackRendersAsItWasWritten() throws IOException {
        PlanResult plan = TestPlans.plan(TestPlans.finetune(812.5, 12.25, 1000.0));
        String json = fast(plan);
        assertThat(fast(JsonRenderer.read(json))).isEqualTo(json);
    }

    @Test
    void aValueTheWriterDoesNotKnowFallsBackToDataBinding() {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("decimal", new BigDecimal("1.50"));
        req.put("float", 0.1f);
        PlanResult plan = TestPlans.plan(new WorkloadPlan("w", null, null, List.of("us-east-1"), List.of(new PartPlan("training", req, List.of(), List.of(),
                List.of(), 0, 0)), List.of(), null, null, List.of()));
        String json = JsonRenderer.render(plan);
        assertThat(json).isEqualTo(JsonRenderer.renderWithDataBinding(plan)).contains("\"decimal\" : 1.50");
    }

    /** The contract's number rule as BigDecimal states it: the reference for {@link PlanJsonWriter#stable}'s fast path. */
    private static BigDecimal stableByBigDecimal(double value) {
        BigDecimal bd = new BigDecimal(value).round(new java.math.MathContext(10)).stripTrailingZeros();
        if (bd.scale() < 0 && bd.precision() - bd.scale() <= 16) {
            bd = bd.setScale(0);
        }
        return bd;
    }

    /**
     * {@link PlanJsonWriter#stable} (ten digits by double arithmetic where that is provably right) is
     * BigDecimal's rounding, scale included: 2,000,000 seeded values over every magnitude, ties of
     * the tenth digit and values a few ulps from them, carries (9,999,999,999.5), powers of ten.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void stableIsBigDecimalsRounding(long seed) {
        java.util.Random r = new java.util.Random(seed);
        int fast = 0;
        for (int i = 0; i < 500_000; i++) {
            double v = switch (i % 8) {
                case 0 -> r.nextDouble() * Math.pow(10, r.nextInt(60) - 30);
                case 1 -> (r.nextLong(9_000_000_000L) + 1_000_000_000L + 0.5) * Math.pow(10, r.nextInt(40) - 20);
                case 2 -> Math.nextAfter((r.nextLong(9_000_000_000L) + 1_000_000_000L + 0.5) / Math.pow(10, r.nextInt(16)), r.nextBoolean() ? 1e300 : -1e300);
                case 3 -> Math.pow(10, r.nextInt(50) - 25) * (r.nextBoolean() ? 1 : 0.9999999999 + r.nextInt(3) * 1e-11);
                case 4 -> Math.round(r.nextDouble() * 1e8) / 100.0;
                case 5 -> Double.longBitsToDouble(r.nextLong());
                default -> {
                    // the double nearest a tie of the tenth digit, and its neighbours: the hard cases
                    double tie = new BigDecimal((r.nextLong(9_000_000_000L) + 1_000_000_000L) * 10 + 5).scaleByPowerOfTen(r.nextInt(40) - 25).doubleValue();
                    int step = r.nextInt(3) - 1;
                    yield step == 0 ? tie : Math.nextAfter(tie, step * 1e300);
                }
            };
            if (r.nextInt(4) == 0) {
                v = -v;
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            BigDecimal expected = stableByBigDecimal(v);
            BigDecimal actual = PlanJsonWriter.stable(v);
            assertThat(actual.unscaledValue()).as("%s", v).isEqualTo(expected.unscaledValue());
            assertThat(actual.scale()).as("%s", v).isEqualTo(expected.scale());
            if (PlanJsonWriter.tenDigits(v) != null) {
                fast++;
            }
        }
        for (double v : new double[] {9_999_999_999.5, 9_999_999_999.4, 999_999_999.95, 1e9, 1e10, 0.1, 1e-22, 1e22, 1e23, 123.45, -0.0, 0.0,
            Double.MIN_VALUE, Double.MAX_VALUE, 4.35, 1_234_567_890_123.0}) {
            assertThat(PlanJsonWriter.stable(v)).as("%s", v).isEqualTo(stableByBigDecimal(v));
        }
        assertThat(fast).as("the fast path takes most values").isGreaterThan(150_000);
    }
}
