package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Alternative;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.testing.Golden;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlplan check --pricing}: the gate on the best option under one pricing model, even when a
 * reservation ranks first. Budgets are set relative to the planned costs.
 */
class CheckPricingTest {
    static final String RESERVED = "workloads/reserved-inference.yaml";

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withWorkloads(tmp);
    }

    private PlanResult plan(String file) throws Exception {
        Cli.Result r = cli.run("recommend", file, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        return JsonRenderer.read(r.out());
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.2fUSD", v);
    }

    @Test
    void onDemandGatesOnTheOnDemandCostWhenAReservationRanksFirst() throws Exception {
        var workload = plan(RESERVED).workloads().get(0);
        Option best = workload.parts().get(0).options().get(0);
        assertThat(best.pricing().id()).isEqualTo("reserved-1y-partial-upfront");
        // the workload's own lines (CloudWatch Logs, issue 20) are the same at any pricing model
        double onDemand = best.alternatives().stream().filter(a -> a.pricing().id().equals("on-demand")).mapToDouble(Alternative::monthlyUsd)
                .findFirst().orElseThrow() + dev.mlplan.cost.CostComponent.total(workload.costs());
        assertThat(onDemand).isGreaterThan(best.monthlyUsd());
        // a budget between the two: the reservation passes, on-demand fails
        String budget = usd((best.monthlyUsd() + onDemand) / 2);

        Cli.Result ranked = cli.run("check", RESERVED, "--budget", budget);
        assertThat(ranked.code()).as(ranked.err()).isZero();
        assertThat(ranked.out()).doesNotContain("· pricing");

        Cli.Result gated = cli.run("check", RESERVED, "--budget", budget, "--pricing", "on-demand");
        assertThat(gated.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(gated.out()).startsWith("mlplan check · catalog").contains("· pricing on-demand (each part's best option under it)")
                .contains(String.format(Locale.ROOT, "FAIL reserved-inference: $%,.2f a month is over the budget", onDemand));
        assertThat(gated.err()).isEmpty();
    }

    @Test
    void theJsonSaysWhichPricingTheGateUsed() {
        Cli.Result r = cli.run("check", RESERVED, "--pricing", "reserved-1y", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"pricing\" : \"reserved-1y\"");
        Cli.Result without = cli.run("check", RESERVED, "--format", "json");
        assertThat(without.out()).doesNotContain("\"pricing\"");
    }

    @Test
    void anUnknownModelIsAUsageErrorWithASuggestion() {
        Cli.Result r = cli.run("check", RESERVED, "--pricing", "ondemand");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--pricing: unknown pricing model 'ondemand' (did you mean 'on-demand'?)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outputIsGolden() {
        Cli.Result r = cli.run("check", RESERVED, CheckCommandTest.BERT, "--pricing", "on-demand");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        Golden.assertMatches("check/check-pricing.txt", r.out());
    }
}
