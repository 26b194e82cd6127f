package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.testing.Golden;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portfolio total of {@code check} and {@code report} over several files, and
 * {@code check --budget --total}, which gates it. Budgets are set relative to the planned cost, so
 * the tests hold while estimates change.
 */
class PortfolioCommandTest {
    static final String FT = CheckCommandTest.FT;
    static final String BERT = CheckCommandTest.BERT;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withWorkloads(tmp);
    }

    private PlanResult plan(String... files) throws Exception {
        String[] args = new String[files.length + 3];
        System.arraycopy(files, 0, args, 1, files.length);
        args[0] = "recommend";
        args[files.length + 1] = "--format";
        args[files.length + 2] = "json";
        Cli.Result r = cli.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return JsonRenderer.read(r.out());
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.2fUSD", v);
    }

    @Test
    void thePortfolioIsTheSumOfTheWorkloadsMonthlyTotals() throws Exception {
        PlanResult both = plan(FT, BERT);
        double ft = both.workloads().get(0).monthlyUsd();
        double bert = both.workloads().get(1).monthlyUsd();
        assertThat(both.portfolio().workloads()).isEqualTo(2);
        assertThat(both.portfolio().monthlyUsd()).isCloseTo(ft + bert, org.assertj.core.data.Offset.offset(1e-6));
        // one workload: no portfolio, and its JSON is what it was before there was one
        assertThat(plan(FT).portfolio()).isNull();
        assertThat(cli.run("recommend", FT, "--format", "json").out()).doesNotContain("portfolio");
    }

    @Test
    void checkTotalGatesTheSumNotEachWorkload() throws Exception {
        PlanResult both = plan(FT, BERT);
        double sum = both.portfolio().monthlyUsd();
        double larger = Math.max(both.workloads().get(0).monthlyUsd(), both.workloads().get(1).monthlyUsd());

        // a budget above each workload but below their sum: passes per workload, fails as a total
        String between = usd((larger + sum) / 2);
        Cli.Result each = cli.run("check", FT, BERT, "--budget", between);
        assertThat(each.code()).as(each.out()).isZero();
        assertThat(each.out()).contains("PASS portfolio: ", "gate it with --budget USD --total");

        Cli.Result total = cli.run("check", FT, BERT, "--budget", between, "--total");
        assertThat(total.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(total.out()).contains("FAIL portfolio: ", "is over the budget of", "(2 workloads)")
                .endsWith("FAIL: 2 workloads, 2 passed, 0 warned, 0 failed; portfolio failed\n");

        Cli.Result warn = cli.run("check", FT, BERT, "--budget", usd(sum / 0.9), "--total");
        assertThat(warn.code()).isZero();
        assertThat(warn.out()).contains("WARN portfolio: ", "(warns at 80%)").endsWith("; portfolio warned\n");

        Cli.Result pass = cli.run("check", FT, BERT, "--budget", usd(sum * 2), "--total");
        assertThat(pass.code()).isZero();
        assertThat(pass.out()).endsWith("PASS: 2 workloads, 2 passed, 0 warned, 0 failed; portfolio passed\n");
    }

    @Test
    void checkTotalKeepsEachWorkloadsOwnBudget() throws Exception {
        double sum = plan(FT, BERT).portfolio().monthlyUsd();
        cli.write("tight.yaml", cli.read(FT).replace("monthly: 3000 USD", "monthly: 1 USD"));
        Cli.Result r = cli.run("check", "tight.yaml", BERT, "--budget", usd(sum * 2), "--total");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).contains("FAIL llama2-7b-finetune: ", "over the budget of $1.00", "PASS portfolio: ");
    }

    @Test
    void checkTotalJsonHasThePortfolioObject() throws Exception {
        double sum = plan(FT, BERT).portfolio().monthlyUsd();
        Cli.Result r = cli.run("check", FT, BERT, "--budget", usd(sum / 2), "--total", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        JsonNode p = new ObjectMapper().readTree(r.out()).get("portfolio");
        assertThat(p.get("workloads").asInt()).isEqualTo(2);
        assertThat(p.get("status").asText()).isEqualTo("fail");
        assertThat(p.get("monthlyUsd").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.get("budgetUsd").asDouble()).isCloseTo(sum / 2, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void ciOutputsCarryAGatedPortfolio() throws Exception {
        double sum = plan(FT, BERT).portfolio().monthlyUsd();
        cli.env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", "summary.md");
        Cli.Result r = cli.run("check", FT, BERT, "--budget", usd(sum / 2), "--total", "--junit", "junit.xml");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(r.out()).contains("::error title=mlplan portfolio budget::portfolio: ");
        assertThat(cli.read("summary.md")).contains("| ❌ fail | portfolio | $");
        assertThat(cli.read("junit.xml")).contains("tests=\"3\" failures=\"1\"", "<testsuite name=\"mlplan check: portfolio\"",
                "<failure type=\"budget\"");
        // without --total the portfolio is a line of the terminal output only
        Cli.Result ungated = cli.run("check", FT, BERT, "--junit", "plain.xml");
        assertThat(ungated.out()).doesNotContain("::error");
        assertThat(cli.read("plain.xml")).doesNotContain("portfolio");
    }

    @Test
    void totalNeedsABudget() {
        Cli.Result r = cli.run("check", FT, BERT, "--total");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--total needs --budget USD");
    }

    @Test
    void checkTotalIsGolden() {
        Cli.Result a = cli.run("check", FT, BERT, "--budget", "300USD", "--total");
        assertThat(a.code()).isEqualTo(ExitCode.CHECK_FAILED);
        Golden.assertMatches("check/check-total.txt", a.out());
    }

    @Test
    void reportsShowThePortfolio() {
        Cli.Result table = cli.run("recommend", "--no-color", FT, BERT);
        assertThat(table.out()).contains("== portfolio  2 workloads, $", "a month (the sum of their monthly totals)\n  by category: compute $");
        assertThat(cli.run("report", FT, BERT, "--format", "markdown").out()).contains("| **portfolio** | 2 workloads | **$");
        assertThat(cli.run("report", FT, BERT, "--format", "html").out()).contains("<tr class=\"portfolio\"><td><strong>portfolio</strong>");
        assertThat(cli.run("report", FT, BERT, "--format", "json").out()).contains("\"portfolio\" : {\n    \"workloads\" : 2,\n    \"monthlyUsd\" : ");
        assertThat(cli.run("report", FT, "--format", "markdown").out()).doesNotContain("portfolio");
    }

    @Test
    void aSavedPlanKeepsItsPortfolio() throws Exception {
        assertThat(cli.run("recommend", FT, BERT, "--format", "json", "--output", "plan.json").code()).isZero();
        assertThat(cli.run("report", "--from", "plan.json", "--format", "markdown").out()).contains("| **portfolio** | 2 workloads");
    }
}
