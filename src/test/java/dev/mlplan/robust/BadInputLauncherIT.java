package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.robust.BadInputs.Case;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heaviest bad inputs ({@link BadInputs#heaviest}: 10 MB, 90,000 keys, deep nesting, an alias
 * bomb, binary, {@code /dev/zero}) through the real {@code ./mlplan} launcher with a 256 MB heap, one
 * process each: exit code 2, nothing on standard output, the usual one-line message, no stack trace.
 * How long they take is measured by {@code bench/bad-input-timing.sh}, not asserted here; the wait is
 * bounded only so that a hang fails the test. Runs under failsafe, after {@code package}.
 */
class BadInputLauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theHeaviestInputsFailCleanlyThroughTheLauncherIn256MB() throws Exception {
        List<Case> heavy = BadInputs.heaviest(Files.createDirectory(dir.resolve("generated")));
        assertThat(heavy).hasSize(BadInputs.HEAVIEST.size());
        for (Case c : heavy) {
            ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mlplan").toString(), "recommend", c.arg()).directory(c.cwd().toFile());
            pb.environment().put("MLPLAN_JAVA_OPTS", "-Xmx256m");
            pb.environment().put("NO_COLOR", "1");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done).as(c.arg() + ": the launcher hangs").isTrue();
            String e = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(c.arg() + ": " + e).isEqualTo(2);
            assertThat(Files.size(out)).as(c.arg()).isZero();
            assertThat(e).startsWith(c.expectedPrefix()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("OutOfMemoryError");
        }
    }
}
