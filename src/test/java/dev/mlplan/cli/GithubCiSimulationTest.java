package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.report.JsonRenderer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A sample repository's CI, as GitHub Actions runs {@code mlplan check} in it: the repository is a
 * temporary directory named by {@code GITHUB_WORKSPACE}, {@code GITHUB_ACTIONS=true}, and the step
 * summary is a file named by {@code GITHUB_STEP_SUMMARY}. Its workloads pass, warn, fail and one is
 * invalid; each case checks the exit code, the annotations the runner reads from the output, the
 * summary file and the JUnit file (parsed back, its counts of tests, failures and errors).
 */
class GithubCiSimulationTest {
    /** An inference service whose budget each file sets; the budget's key stands on line 5, column 3. */
    private static final String SERVICE = """
            version: 1
            name: %s
            regions: [us-east-1]
            budget:
              monthly: %s
            inference:
              model: { preset: bert-base, precision: fp16 }
              traffic: { average: 300/s, peak: 450/s, pattern: steady }
              tokens_in: 128
              latency_p99: 50ms
            """;

    /** A typo in an enumerated value on line 6, column 17. */
    private static final String BROKEN = """
            version: 1
            name: broken
            regions: [us-east-1]
            inference:
              model: { preset: bert-base }
              availability: multi_az
              traffic: { average: 20/s }
            """;

    @TempDir
    Path tmp;

    Path repo;
    Cli cli;

    @BeforeEach
    void sampleRepository() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("workloads"));
        cli = new Cli(repo);
        cli.write("workloads/probe.yaml", SERVICE.formatted("probe", "1000000 USD"));
        Cli.Result probe = cli.run("recommend", "workloads/probe.yaml", "--format", "json");
        assertThat(probe.code()).as(probe.err()).isZero();
        double monthly = JsonRenderer.read(probe.out()).workloads().get(0).monthlyUsd();
        Files.delete(repo.resolve("workloads/probe.yaml"));
        // budgets relative to the planned cost, so the cases hold while estimates change
        cli.write("workloads/pass.yaml", SERVICE.formatted("serving-pass", usd(monthly * 10)));
        cli.write("workloads/warn.yaml", SERVICE.formatted("serving-warn", usd(monthly / 0.9)));
        cli.write("workloads/fail.yaml", SERVICE.formatted("serving-fail", usd(monthly / 2)));
        cli.write("workloads/broken.yaml", BROKEN);
        cli.write("summary.md", "");
        cli.env("GITHUB_ACTIONS", "true").env("GITHUB_WORKSPACE", repo.toString()).env("GITHUB_STEP_SUMMARY", repo.resolve("summary.md").toString());
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.2f USD", v);
    }

    /** The check a workflow step runs, with a fresh summary file. */
    private Cli.Result check(String... files) throws Exception {
        Files.writeString(repo.resolve("summary.md"), "");
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(List.of(files));
        args.addAll(List.of("--junit", "mlplan-junit.xml"));
        return cli.run(args.toArray(String[]::new));
    }

    private static List<String> annotations(String out) {
        return out.lines().filter(l -> l.startsWith("::")).toList();
    }

    private Element junit() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(cli.read("mlplan-junit.xml").getBytes(StandardCharsets.UTF_8)));
        return doc.getDocumentElement();
    }

    private static void counts(Element suites, int tests, int failures, int errors) {
        assertThat(suites.getAttribute("tests")).as("tests").isEqualTo(String.valueOf(tests));
        assertThat(suites.getAttribute("failures")).as("failures").isEqualTo(String.valueOf(failures));
        assertThat(suites.getAttribute("errors")).as("errors").isEqualTo(String.valueOf(errors));
        assertThat(suites.getElementsByTagName("testcase").getLength()).isEqualTo(tests);
        assertThat(suites.getElementsByTagName("failure").getLength()).isEqualTo(failures);
        assertThat(suites.getElementsByTagName("error").getLength()).isEqualTo(errors);
    }

    @Test
    void passingWorkload() throws Exception {
        Cli.Result r = check("workloads/pass.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(annotations(r.out())).isEmpty();
        assertThat(cli.read("summary.md")).startsWith("## ✅ mlplan check: pass\n").contains("| ✅ pass | `serving-pass` |");
        counts(junit(), 1, 0, 0);
    }

    @Test
    void warnedWorkloadIsAWarningAtItsBudgetLine() throws Exception {
        Cli.Result r = check("workloads/warn.yaml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(annotations(r.out())).singleElement().asString()
                .startsWith("::warning file=workloads/warn.yaml,line=5,col=3,title=mlplan budget::serving-warn: ")
                .contains("%25 of the budget of", "(warns at 80%25)");
        assertThat(cli.read("summary.md")).startsWith("## ⚠️ mlplan check: warn\n").contains("| ⚠️ warn | `serving-warn` |");
        counts(junit(), 1, 0, 0);
    }

    @Test
    void failedWorkloadIsAnErrorAtItsBudgetLine() throws Exception {
        Cli.Result r = check("workloads/fail.yaml");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(annotations(r.out())).singleElement().asString()
                .startsWith("::error file=workloads/fail.yaml,line=5,col=3,title=mlplan budget::serving-fail: ").contains("is over the budget of");
        assertThat(cli.read("summary.md")).startsWith("## ❌ mlplan check: fail\n").contains("| ❌ fail | `serving-fail` |");
        counts(junit(), 1, 1, 0);
    }

    @Test
    void invalidWorkloadIsAnErrorAtItsLineAndColumn() throws Exception {
        Cli.Result r = check("workloads/broken.yaml");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("mlplan: workloads/broken.yaml:6:17: ");
        assertThat(annotations(r.out())).singleElement().asString()
                .startsWith("::error file=workloads/broken.yaml,line=6,col=17,title=mlplan invalid workload::").contains("multi_az");
        assertThat(cli.read("summary.md")).startsWith("## ❌ mlplan check: fail\n").contains("| 🚫 invalid | `workloads/broken.yaml` | - | - | workloads/broken.yaml:6:17: ");
        Element suites = junit();
        counts(suites, 1, 0, 1);
        Element error = (Element) suites.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("invalid-workload");
        assertThat(error.getAttribute("message")).startsWith("workloads/broken.yaml:6:17: ");
    }

    @Test
    void allTogetherThePassingFilesAreStillCheckedAndTheRunExitsTwo() throws Exception {
        Cli.Result r = check("workloads/broken.yaml", "workloads/fail.yaml", "workloads/pass.yaml", "workloads/warn.yaml");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(annotations(r.out())).hasSize(3).satisfiesExactly(
                a -> assertThat(a).startsWith("::error file=workloads/broken.yaml,line=6,col=17,title=mlplan invalid workload::"),
                a -> assertThat(a).startsWith("::error file=workloads/fail.yaml,line=5,col=3,title=mlplan budget::"),
                a -> assertThat(a).startsWith("::warning file=workloads/warn.yaml,line=5,col=3,title=mlplan budget::"));
        assertThat(r.out()).contains("INVALID workloads/broken.yaml:6:17: ", "FAIL: 3 workloads, 1 passed, 1 warned, 1 failed; 1 file invalid");
        assertThat(cli.read("summary.md")).startsWith("## ❌ mlplan check: fail\n")
                .contains("| ✅ pass | `serving-pass` |", "| ⚠️ warn | `serving-warn` |", "| ❌ fail | `serving-fail` |", "| 🚫 invalid | `workloads/broken.yaml` |");
        counts(junit(), 4, 1, 1);
    }

    @Test
    void pathsAreRelativeToTheWorkspaceFromASubdirectory() throws Exception {
        // a step with working-directory: workloads
        Cli sub = new Cli(repo.resolve("workloads"));
        sub.env.putAll(cli.env);
        Cli.Result r = sub.run("check", "fail.yaml", "broken.yaml");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(annotations(r.out())).satisfiesExactly(
                a -> assertThat(a).startsWith("::error file=workloads/broken.yaml,line=6,col=17,"),
                a -> assertThat(a).startsWith("::error file=workloads/fail.yaml,line=5,col=3,"));
        // the terminal output names files as the command line did
        assertThat(r.out()).contains("INVALID broken.yaml:6:17: ");
    }

    @Test
    void aBudgetFromTheCommandLineHasNoLineInTheFile() throws Exception {
        Cli.Result r = check("workloads/pass.yaml", "--budget", "1USD");
        assertThat(r.code()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(annotations(r.out())).singleElement().asString().startsWith("::error file=workloads/pass.yaml,title=mlplan budget::");
    }

    @Test
    void markdownFormatIsTheStepSummaryForOtherCiSystems() throws Exception {
        Cli.Result r = check("workloads/broken.yaml", "workloads/pass.yaml");
        String summary = cli.read("summary.md");
        cli.env.remove("GITHUB_ACTIONS");
        cli.env.remove("GITHUB_STEP_SUMMARY");
        Cli.Result md = cli.run("check", "workloads/broken.yaml", "workloads/pass.yaml", "--format", "markdown");
        assertThat(md.code()).isEqualTo(ExitCode.USAGE);
        assertThat(md.out()).isEqualTo(summary);
        Cli.Result file = cli.run("check", "workloads/pass.yaml", "workloads/broken.yaml", "--format", "markdown", "--output", "check.md");
        assertThat(file.code()).isEqualTo(ExitCode.USAGE);
        assertThat(file.out()).isEmpty();
        assertThat(cli.read("check.md")).isEqualTo(summary);
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aFileBrokenSinceTheBaselineIsInvalidNotRemoved() throws Exception {
        assertThat(cli.run("recommend", "workloads/pass.yaml", "workloads/warn.yaml", "--format", "json", "--output", "base.json").code()).isZero();
        cli.write("workloads/warn.yaml", cli.read("workloads/warn.yaml").replace("pattern: steady", "pattern: stedy"));
        Cli.Result r = check("workloads/pass.yaml", "workloads/warn.yaml", "--baseline", "base.json", "--max-increase", "10%");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.out()).contains("INVALID workloads/warn.yaml:8:", "PASS serving-pass: ").doesNotContain("removed");
        counts(junit(), 3, 0, 1);
    }

    @Test
    void jsonNamesTheInvalidFiles() throws Exception {
        Cli.Result r = cli.run("check", "workloads/broken.yaml", "workloads/pass.yaml", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        // standard output stays JSON: the annotations go to standard error, which the runner reads too
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("invalid").size()).isEqualTo(1);
        assertThat(annotations(r.err())).singleElement().asString().startsWith("::error file=workloads/broken.yaml,line=6,col=17,");
        assertThat(r.out()).contains("\"status\" : \"fail\"", "\"invalid\" : [ {", "\"file\" : \"workloads/broken.yaml\"", "\"line\" : 6", "\"column\" : 17");
    }
}
