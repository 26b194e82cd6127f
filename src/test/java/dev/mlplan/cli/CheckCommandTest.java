package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.testing.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code mlplan check} in-process: exit codes, output, JUnit XML, GitHub summary and annotations.
 * Budgets are set relative to the planned cost, so the tests hold while estimates change.
 */
class CheckCommandTest {
    static final String FT = "workloads/llama2-7b-finetune.yaml";
    static final String BERT = "workloads/bert-realtime.yaml";

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withWorkloads(tmp);
    }

    private double monthly(String file) throws Exception {
        Cli.Result r = cli.run("recommend", file, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        return JsonRenderer.read(r.out()).workloads().get(0).monthlyUsd();
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.2fUSD", v);
    }

    @Test
    void passWarnFailExitCodes() throws Exception {
        double m = monthly(FT);
        Cli.Result pass = cli.run("check", FT, "--budget", usd(m * 10));
        assertThat(pass.code()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("PASS llama2-7b-finetune: ").endsWith("PASS: 1 workload, 1 passed, 0 warned, 0 failed\n");

        Cli.Result warn = cli.run("check", FT, "--budget", usd(m / 0.9));
        assertThat(warn.code()).isZero();
        assertThat(warn.out()).contains("WARN llama2-7b-finetune: ", "(warns at 80%)").endsWith("WARN: 1 workload, 0 passed, 1 warned, 0 failed\n");

        Cli.Result warnAt = cli.run("check", FT, "--budget", usd(m * 10), "--warn-at", "5%");
        assertThat(warnAt.code()).isZero();
        assertThat(warnAt.out()).contains("(warns at 5%)");

        Cli.Result fail = cli.run("check", FT, BERT, "--budget", usd(m / 2));
        assertThat(fail.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(fail.out()).contains("FAIL llama2-7b-finetune: ", "is over the budget of").contains("FAIL: 2 workloads");
        assertThat(fail.err()).isEmpty();
    }

    @Test
    void outputIsDeterministicAndGolden() {
        Cli.Result a = cli.run("check", FT, BERT, "--budget", "1USD");
        Cli.Result b = cli.run("check", BERT, FT, "--budget", "1USD");
        assertThat(a.out()).isEqualTo(b.out());
        Golden.assertMatches("cli/check-fail.txt", a.out());
    }

    @Test
    void junitSummaryAndAnnotations() throws Exception {
        double m = monthly(BERT);
        cli.write("summary.md", "# earlier step\n");
        cli.env("GITHUB_ACTIONS", "true").env("GITHUB_STEP_SUMMARY", "summary.md");
        Cli.Result r = cli.run("check", FT, BERT, "--budget", usd(m / 0.9), "--junit", "junit.xml");
        // the fine-tune costs less than bert with its ALB and logs (issue 20): it passes; bert warns
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("::warning file=workloads/bert-realtime.yaml,title=mlplan budget::bert-realtime: ")
                .doesNotContain("::error");
        assertThat(cli.read("summary.md")).startsWith("# earlier step\n## ⚠️ mlplan check: warn\n").contains("| ⚠️ warn | `bert-realtime` |");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(cli.read("junit.xml").getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();

        Cli.Result f = cli.run("check", FT, "--budget", "1USD", "--junit", "junit.xml");
        assertThat(f.code()).isEqualTo(1);
        assertThat(f.out()).contains("::error file=workloads/llama2-7b-finetune.yaml,title=mlplan budget::");
        assertThat(cli.read("junit.xml")).contains("<failure type=\"budget\"");
        assertThat(cli.read("summary.md")).contains("## ⚠️ mlplan check: warn", "## ❌ mlplan check: fail");
    }

    @Test
    void noAnnotationsOutsideGithubActions() {
        Cli.Result r = cli.run("check", FT, "--budget", "1USD");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("::error");
        assertThat(tmp.resolve("summary.md")).doesNotExist();
    }

    @Test
    void baselineDiffAndMaxIncrease() throws Exception {
        assertThat(cli.run("recommend", FT, BERT, "--format", "json", "--output", "base.json").code()).isZero();
        Cli.Result same = cli.run("check", FT, BERT, "--baseline", "base.json", "--max-increase", "0%");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("baseline compared, max increase +0%", "= llama2-7b-finetune", "    = training", "+$0.00");

        // the change under review: three epochs instead of one, and bert-realtime dropped
        String pr = cli.read(FT).replace("epochs: 1", "epochs: 3");
        assertThat(pr).contains("epochs: 3");
        cli.write(FT, pr);
        Cli.Result more = cli.run("check", FT, "--baseline", "base.json", "--max-increase", "10%");
        assertThat(more.code()).isEqualTo(1);
        assertThat(more.out()).contains("FAIL llama2-7b-finetune: ", "is more than the allowed +10%", "~ llama2-7b-finetune", "    ~ training",
                "- bert-realtime", "PASS bert-realtime: removed: was");
        PlanResult base = JsonRenderer.read(cli.read("base.json"));
        double baseline = base.workloads().stream().filter(w -> w.name().equals("llama2-7b-finetune")).findFirst().orElseThrow().monthlyUsd();
        double now = monthly(FT);
        assertThat(now).isGreaterThan(baseline * 1.1);
        Cli.Result usd = cli.run("check", FT, "--baseline", "base.json", "--max-increase", usd(now - baseline + 1));
        assertThat(usd.code()).as(usd.out()).isZero();

        Cli.Result json = cli.run("check", FT, "--baseline", "base.json", "--max-increase", "10%", "--format", "json");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.out()).contains("\"status\" : \"fail\"", "\"change\" : \"changed\"", "\"rule\" : \"max-increase\"");
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        assertUsage(cli.run("check", FT, "--max-increase", "10%"), "--max-increase needs --baseline");
        assertUsage(cli.run("check", FT, "--budget", "12EUR"), "--budget: \"12EUR\": unknown unit 'EUR'");
        assertUsage(cli.run("check", FT, "--budget", "0USD"), "--budget must be more than 0 USD");
        assertUsage(cli.run("check", FT, "--warn-at", "150%"), "--warn-at must be above 0% and at most 100%");
        assertUsage(cli.run("check", FT, "--baseline", "missing.json"), "--baseline missing.json: no such file");
        assertUsage(cli.run("check", FT, "--baseline", FT), "is not a saved mlplan plan");
        cli.write("base.json", "{\"schemaVersion\": 99, \"catalog\": {}, \"workloads\": []}");
        assertUsage(cli.run("check", FT, "--baseline", "base.json"), "has plan schema version 99");
        assertThat(cli.run("recommend", FT, "--format", "json", "--output", "base.json").code()).isZero();
        assertUsage(cli.run("check", FT, "--baseline", "base.json", "--max-increase", "ten"), "--max-increase: 'ten' is not a percentage");
        Files.createDirectory(tmp.resolve("out"));
        assertUsage(cli.run("check", FT, "--junit", "out"), "--junit out is a directory");
        assertUsage(cli.run("check", FT, "--junit", FT), "is an input file");
        assertUsage(cli.run("check", "workloads/nope.yaml"), "nope.yaml");
        assertUsage(cli.run("check"), "Missing required parameter");
    }

    @Test
    void catalogErrorExitsThree() {
        Cli.Result r = cli.run("check", FT, "--catalog", "no-such-catalog.json");
        assertThat(r.code()).isEqualTo(ExitCode.CATALOG);
        assertThat(r.err()).startsWith("mlplan: ").doesNotContain("Exception\n\tat");
    }

    private static void assertUsage(Cli.Result r, String message) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }
}
