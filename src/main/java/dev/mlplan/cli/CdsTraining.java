package dev.mlplan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for the launcher's class-data-sharing archive ({@code target/mlplan.jsa}): runs the
 * commands users and CI jobs run, in this one process, so that the JVM started with
 * {@code -XX:DumpLoadedClassList} lists the classes they load, for {@code -Xshare:dump} to archive. Writes only into a temporary
 * directory, which it deletes. Exits with 1 when a command line ends with another exit code than
 * expected, so that the launcher does not keep an archive of a failed run.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=F -cp mlplan.jar dev.mlplan.cli.CdsTraining WORKLOAD.yaml…}
 */
public final class CdsTraining {
    private CdsTraining() {}

    /** A command line and the exit code it must end with. */
    record Run(int expected, List<String> args) {
        static Run of(int expected, String... args) {
            return new Run(expected, List.of(args));
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> failures = train(List.of(args));
        if (!failures.isEmpty()) {
            System.err.println("CdsTraining: " + String.join("; ", failures));
            System.exit(1);
        }
    }

    /** Runs every command line of {@link #runs}; returns those that ended with an unexpected exit code. */
    static List<String> train(List<String> workloads) throws IOException {
        Path tmp = Files.createTempDirectory("mlplan-cds");
        // no environment variables: the training must not read a user's MLPLAN_CATALOG, nor append
        // check's summary to a CI job's GITHUB_STEP_SUMMARY file
        CliEnv env = new CliEnv(Clock.systemUTC(), Map.of(), Path.of("").toAbsolutePath());
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        List<String> failures = new ArrayList<>();
        try {
            // Main.run prints to the process's streams, as the launcher starts it: here into nothing
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            for (Run run : runs(tmp, workloads)) {
                int code = Main.run(run.args().toArray(String[]::new), env);
                if (code != run.expected()) {
                    failures.add("mlplan " + String.join(" ", run.args()) + " exited with " + code + ", expected " + run.expected());
                }
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return failures;
    }

    /** The command lines: the everyday ones for each workload, then the rest once. */
    static List<Run> runs(Path tmp, List<String> workloads) {
        List<Run> runs = new ArrayList<>();
        String plan = tmp.resolve("plan.json").toString();
        for (String w : workloads) {
            runs.add(Run.of(ExitCode.OK, "recommend", w));
            runs.add(Run.of(ExitCode.OK, "recommend", w, "--format", "json", "--output", plan));
            runs.add(Run.of(ExitCode.OK, "validate", w));
            // the CI gate, as a pipeline runs it at every build
            runs.add(Run.of(ExitCode.OK, "check", w, "--budget", "1000000USD"));
        }
        if (!workloads.isEmpty()) {
            String w = workloads.get(0);
            runs.add(Run.of(ExitCode.OK, "explain", w));
            for (String format : List.of("markdown", "html", "csv")) {
                runs.add(Run.of(ExitCode.OK, "recommend", w, "--format", format, "--output", tmp.resolve("plan." + format).toString()));
            }
            runs.add(Run.of(ExitCode.OK, "recommend", w, "--format", "json", "--output", plan));
            // a saved plan read back: check --baseline, report --from
            runs.add(Run.of(ExitCode.OK, "check", w, "--baseline", plan));
            runs.add(Run.of(ExitCode.OK, "check", w, "--junit", tmp.resolve("junit.xml").toString()));
            runs.add(Run.of(ExitCode.OK, "report", "--from", plan, "--format", "html", "--output", tmp.resolve("report.html").toString()));
            // a misspelt option: the usage error's path
            runs.add(Run.of(ExitCode.USAGE, "recommend", "--frmat", "json", w));
        }
        runs.add(Run.of(ExitCode.OK, "catalog", "info"));
        runs.add(Run.of(ExitCode.OK, "catalog", "show", "p4d.24xlarge", "--format", "json"));
        runs.add(Run.of(ExitCode.OK, "--help"));
        runs.add(Run.of(ExitCode.OK, "recommend", "--help"));
        runs.add(Run.of(ExitCode.OK, "--version"));
        return runs;
    }
}
