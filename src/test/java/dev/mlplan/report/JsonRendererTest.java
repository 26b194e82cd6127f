package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.testing.TestPlans;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan JSON: the contract's number rule, and a saved plan read back renders as it was written. */
class JsonRendererTest {
    @ParameterizedTest
    @CsvSource({
        "812.5, 812.5",
        "0.30000000000000004, 0.3",
        "1e16, 1E+16",
        "1234567890123, 1234567890000",
        "9999999999.5, 10000000000",
        "-0.0, 0",
        "1.234567890123e-12, 1.23456789E-12"})
    void numbersHaveAtMostTenSignificantDigits(double value, String expected) {
        assertThat(JsonRenderer.stable(value).toString()).isEqualTo(expected);
    }

    @Test
    void aPlanReadBackRendersAsItWasWritten() throws IOException {
        PlanResult plan = TestPlans.plan(TestPlans.finetune(812.5, 12.25, 1000.0), TestPlans.serving(1.0 / 3, null), TestPlans.infeasible(50.0));
        String json = JsonRenderer.render(plan);
        assertThat(JsonRenderer.render(JsonRenderer.read(json))).isEqualTo(json);
    }

    @Test
    void notANumberIsWrittenAsNull() {
        PlanResult plan = TestPlans.plan(TestPlans.finetune(Double.NaN, 12.25, 1000.0));
        assertThat(JsonRenderer.render(plan)).contains("\"monthlyUsd\" : null");
    }
}
