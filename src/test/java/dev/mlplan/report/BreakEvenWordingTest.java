package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult.BreakEvenResult;
import org.junit.jupiter.api.Test;

/** Issue 14: a break-even beyond the hours a month has is not a break-even ("2,856 h" was printed). */
class BreakEvenWordingTest {
    private static BreakEvenResult breakEven(double cloudHours, double localHours) {
        return new BreakEvenResult("rtx-4090", "p3.2xlarge on-demand", cloudHours, localHours, cloudHours / localHours, 120.0, 310.0, 95.0,
                "cloud", "formula");
    }

    @Test
    void moreLocalHoursThanAMonthHasIsSaidSo() {
        String s = PlanText.breakEven(breakEven(2_856, 2_856));
        assertThat(s).startsWith("owning never pays off within a month: it would take 2,856 h of local work a month")
                .contains("more than the month's 730 h").doesNotContain("pays off above");
        assertThat(s).endsWith("local $310.00 vs cloud $95.00, cloud is cheaper");
    }

    @Test
    void aBreakEvenWithinTheMonthIsGivenAsHours() {
        assertThat(PlanText.breakEven(breakEven(90, 90))).startsWith("owning pays off above 90 h/month of cloud use (90 h on the local machine)");
        assertThat(PlanText.breakEven(breakEven(700, 730))).startsWith("owning pays off above 700 h/month");
    }
}
