package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.robust.BadInputs.Case;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus under the limits of issue 7: a 256 MB heap and 2 s per input.
 *
 * <p>One child JVM ({@code -Xmx256m}, the launcher's JIT and GC options) runs every input through
 * {@code recommend} and {@code validate} in-process ({@link TimedRunsMain}) and times each call. A few
 * of the heaviest inputs also go through the real {@code ./mlplan} launcher, one process each, timed
 * from start to exit (JVM start included). Runs under failsafe, after {@code package}.
 *
 * <p>The whole-process limit is 2 s on an idle machine; when the load average is above the number of
 * processors (a busy CI runner), it is scaled by load / processors and the scale is printed.
 */
class BadInputTimingIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    static final long LIMIT_MS = 2000;
    static final List<String> JVM_OPTS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m");

    @TempDir
    Path dir;

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static double loadScale() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        return load > cpus ? load / cpus : 1.0;
    }

    private static String first(String err) {
        String line = err.lines().findFirst().orElse("");
        return line.length() <= 90 ? line : line.substring(0, 90) + "…";
    }

    @Test
    void everyBadInputFailsCleanlyWithin2sIn256MB() throws Exception {
        Path gen = Files.createDirectory(dir.resolve("generated"));
        List<Case> cases = new ArrayList<>(BadInputs.committed());
        cases.addAll(BadInputs.generated(gen));
        List<String> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Case c : cases) {
            for (String cmd : List.of("recommend", "validate")) {
                lines.add(c.cwd() + "\t" + cmd + "\t" + c.arg());
                labels.add(cmd + " " + c.arg());
            }
        }
        Path list = dir.resolve("runs.txt");
        Files.write(list, lines, StandardCharsets.UTF_8);
        String cp = ROOT.resolve("target/test-classes") + File.pathSeparator + ROOT.resolve("target/mlplan.jar");
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(JVM_OPTS);
        cmd.addAll(List.of("-cp", cp, TimedRunsMain.class.getName(), list.toString()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        List<String> results = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(results).hasSize(lines.size() + 2);
        long max = 0;
        String slowest = "";
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = results.get(i).split("\t", 4);
            int exit = Integer.parseInt(f[0]);
            long ms = Long.parseLong(f[1]);
            if (ms > max) {
                max = ms;
                slowest = labels.get(i);
            }
            if (exit != 2 || !f[2].equals("0") || f[3].startsWith("TRACE") || !f[3].startsWith("mlplan: ") || ms >= LIMIT_MS) {
                problems.add(labels.get(i) + " -> " + results.get(i));
            }
        }
        String peak = results.get(lines.size()).split("\t")[1];
        String maxHeap = results.get(lines.size() + 1).split("\t")[1];
        System.out.printf("bad inputs in one -Xmx256m JVM: %d inputs x 2 commands = %d runs, all exit 2: %s; slowest %d ms (%s);"
                + " peak heap <= %s MB of %s MB%n", cases.size(), lines.size(), problems.isEmpty(), max, slowest, peak, maxHeap);
        assertThat(problems).isEmpty();
        assertThat(Long.parseLong(maxHeap)).isLessThanOrEqualTo(256);
    }

    /**
     * One untimed start first: after {@code mvn package} the launcher's first start also makes the
     * class-data-sharing archives ({@code target/mlplan-core.jsa} and {@code target/mlplan.jsa}, about 4 s once per jar), and that
     * one-time cost is not the time to reject a bad input.
     */
    private void warmUpLauncher() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mlplan").toString(), "--version").directory(ROOT.toFile());
        pb.redirectOutput(dir.resolve("warm.txt").toFile()).redirectError(dir.resolve("warm-err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("./mlplan --version finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("warm-err.txt"))).isZero();
    }

    @Test
    void theHeaviestInputsThroughTheLauncherWithin2sIn256MB() throws Exception {
        Path gen = Files.createDirectory(dir.resolve("generated"));
        List<Case> heavy = new ArrayList<>();
        for (Case c : BadInputs.generated(gen)) {
            if (List.of("ten-megabytes.yaml", "long-value.yaml", "many-keys.yaml", "long-list.yaml", "/dev/zero").contains(c.arg())) {
                heavy.add(c);
            }
        }
        for (Case c : BadInputs.committed()) {
            if (List.of("billion-laughs.yaml", "deep-nesting.yaml", "deep-block-nesting.yaml", "binary-png.yaml").contains(c.arg())) {
                heavy.add(c);
            }
        }
        assertThat(heavy).hasSize(9);
        warmUpLauncher();
        double scale = loadScale();
        long limit = Math.round(LIMIT_MS * scale);
        long max = 0;
        for (Case c : heavy) {
            ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mlplan").toString(), "recommend", c.arg()).directory(c.cwd().toFile());
            pb.environment().put("MLPLAN_JAVA_OPTS", "-Xmx256m");
            pb.environment().put("NO_COLOR", "1");
            Path out = dir.resolve("o.txt");
            Path err = dir.resolve("e.txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!done) {
                p.destroyForcibly();
            }
            assertThat(done).as(c.arg() + " finished").isTrue();
            String e = Files.readString(err, StandardCharsets.UTF_8);
            System.out.printf("  launcher recommend %-22s exit %d in %4d ms: %s%n", c.arg(), p.exitValue(), ms,
                    first(e));
            assertThat(p.exitValue()).as(e).isEqualTo(2);
            assertThat(Files.size(out)).isZero();
            assertThat(e).startsWith(c.expectedPrefix()).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(ms).as("%s took %d ms (limit %d ms at load scale %.2f)", c.arg(), ms, limit, scale).isLessThan(limit);
            max = Math.max(max, ms);
        }
        System.out.printf("heaviest bad inputs through ./mlplan with -Xmx256m: %d processes, slowest %d ms (limit %d ms, load scale %.2f)%n",
                heavy.size(), max, limit, scale);
    }
}
