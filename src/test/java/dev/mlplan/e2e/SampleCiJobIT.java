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
import org.w3c.dom.Document;

/**
 * Runs the sample CI job (src/test/ci/sample-ci-job.sh) end to end with the real {@code ./mlplan}
 * launcher: pass, warn and fail runs with their exit codes, JUnit files and step summaries. Runs
 * after {@code package} (Maven failsafe), so the launcher finds an up-to-date jar.
 */
class SampleCiJobIT {
    static final Path SCRIPT = Path.of("src/test/ci/sample-ci-job.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void passWarnAndFailRunsWithExitCodesJUnitAndSummaries() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
        Path out = tmp.resolve("ci-out");
        Path log = tmp.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString(), out.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("MLPLAN");
        pb.environment().remove("GITHUB_STEP_SUMMARY");
        pb.environment().remove("GITHUB_WORKSPACE");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the sample CI job finishes").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("--- exit code: 0 (expected 0)", "--- exit code: 1 (expected 1)",
                "sample CI job: pass, warn and fail runs behaved as expected");
        assertThat(Files.readAllLines(out.resolve("exit-codes.txt"))).containsExactly("pass 0", "warn 0", "fail 1");
        assertThat(text).contains("::warning file=main/ci-finetune.yaml,title=mlplan budget::",
                "::error file=pr/ci-finetune.yaml,title=mlplan max-increase::");
        assertThat(Files.readString(out.resolve("pass-summary.md"))).startsWith("## ✅ mlplan check: pass");
        assertThat(Files.readString(out.resolve("warn-summary.md"))).startsWith("## ⚠️ mlplan check: warn");
        assertThat(Files.readString(out.resolve("fail-summary.md"))).startsWith("## ❌ mlplan check: fail").contains("| `ci-finetune` | training | changed |");
        assertThat(failures(out.resolve("pass-junit.xml"))).isZero();
        assertThat(failures(out.resolve("warn-junit.xml"))).isZero();
        assertThat(failures(out.resolve("fail-junit.xml"))).isEqualTo(1);
    }

    private static int failures(Path junit) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        return doc.getElementsByTagName("failure").getLength();
    }
}
