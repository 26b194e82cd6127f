package dev.mlplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The action's check step (ci/github/check.sh) with the real {@code ./mlplan} launcher in a sample
 * repository whose workloads pass, warn, fail and one is invalid, as a runner would run it: the
 * annotations in the log, the step summary, the JUnit file and the step outputs. Runs after
 * {@code package} (Maven failsafe), so the launcher finds an up-to-date jar.
 */
class ActionCheckIT {
    static final Path ROOT = Path.of("").toAbsolutePath();

    private static final String SERVICE = """
            version: 1
            name: %s
            regions: [us-east-1]
            budget:
              monthly: %s
              warn_at: 1%%
            inference:
              model: { preset: bert-base, precision: fp16 }
              traffic: { average: 300/s, peak: 450/s, pattern: steady }
              tokens_in: 128
              latency_p99: 50ms
            """;

    @TempDir
    Path tmp;

    @Test
    void passWarnFailAndInvalidFilesInOneStep() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
        Path repo = Files.createDirectories(tmp.resolve("repo/workloads"));
        // about $140 a month: far under $1,000,000 even at 1%, between 1% and all of $1,000, over $1
        Files.writeString(repo.resolve("pass.yaml"), SERVICE.formatted("svc-pass", "1000000 USD").replace("  warn_at: 1%\n", ""));
        Files.writeString(repo.resolve("warn.yaml"), SERVICE.formatted("svc-warn", "1000 USD"));
        Files.writeString(repo.resolve("fail.yaml"), SERVICE.formatted("svc-fail", "1 USD"));
        Files.writeString(repo.resolve("broken.yaml"), "version: 1\nname: broken\ninference:\n  model: { preset: bert-base }\n  traffic: { average: 20/s }\n  availability: multi_az\n");
        Path summary = tmp.resolve("step-summary.md");
        Path outputs = tmp.resolve("github-output");
        Path log = tmp.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", ROOT.resolve("ci/github/check.sh").toString())).directory(tmp.resolve("repo").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.startsWith("MLPLAN"));
        pb.environment().put("MLPLAN", ROOT.resolve("mlplan").toString());
        pb.environment().put("FILES", "workloads/*.yaml");
        pb.environment().put("GITHUB_WORKSPACE", tmp.resolve("repo").toString());
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        pb.environment().put("GITHUB_OUTPUT", outputs.toString());
        pb.environment().put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the check step finishes").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("::error file=workloads/broken.yaml,line=6,col=17,title=mlplan invalid workload::",
                "::error file=workloads/fail.yaml,line=5,col=3,title=mlplan budget::svc-fail: ",
                "::warning file=workloads/warn.yaml,line=5,col=3,title=mlplan budget::svc-warn: ",
                "FAIL: 3 workloads, 1 passed, 1 warned, 1 failed; 1 file invalid", "mlplan: exit code 2 (invalid)");
        assertThat(Files.readString(outputs)).contains("exit-code=2\n", "status=invalid\n", "junit=" + tmp.resolve("repo/mlplan-junit.xml"));
        assertThat(Files.readString(summary)).startsWith("## ❌ mlplan check: fail").contains("| ✅ pass | `svc-pass` |", "| ⚠️ warn | `svc-warn` |",
                "| ❌ fail | `svc-fail` |", "| 🚫 invalid | `workloads/broken.yaml` |");
        Element suites = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("repo/mlplan-junit.xml").toFile()).getDocumentElement();
        assertThat(List.of(suites.getAttribute("tests"), suites.getAttribute("failures"), suites.getAttribute("errors"))).containsExactly("4", "1", "1");
    }
}
