package dev.mlplan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The training runs for the launcher's two class-data-sharing archives: run the commands once in this
 * process, so that the JVM started with {@code -XX:DumpLoadedClassList} lists the classes they load,
 * for {@code -Xshare:dump} to archive. Writes nothing but into a temporary directory, which it
 * deletes; the results of the commands are ignored.
 *
 * <ul>
 *   <li>{@code --core} ({@code target/mlplan-core.jsa}): the everyday command lines exactly as the
 *       launcher starts them ({@link Main#run}: {@code recommend} in every format but CSV, {@code check},
 *       {@code explain}, {@code validate}), and nothing else. The JVM maps and relocates the whole
 *       archive at every start, so an archive without picocli's model and Jackson's data binding
 *       (which these lines never load) starts some 8 ms sooner (docs/performance.md, round 5).
 *   <li>default ({@code target/mlplan.jsa}): those and the rest: help, {@code catalog …}, the picocli
 *       path of a misspelt option, Jackson's data binding (CSV, a saved plan read back), JUnit XML.
 * </ul>
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=F -cp mlplan.jar dev.mlplan.cli.CdsTraining [--core] WORKLOAD.yaml…}
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        boolean core = args.length > 0 && args[0].equals("--core");
        String[] workloads = core ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        // not Files.createTempDirectory: its SecureRandom would put the JDK's security providers in the
        // archive, which no mlplan command loads
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "mlplan-cds-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        Files.createDirectory(tmp);
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        // no environment variables: the training must not read a user's MLPLAN_CATALOG, nor append
        // check's summary to a CI job's GITHUB_STEP_SUMMARY file
        CliEnv env = new CliEnv(java.time.Clock.systemUTC(), java.util.Map.of(), Path.of("").toAbsolutePath());
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            // Main.run prints to the process's streams, as the launcher starts it: here into nothing
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            everyday(env, tmp, workloads);
            if (!core) {
                rest(env, sink, tmp, workloads);
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** The everyday command lines, through {@link Main#run} as the launcher starts them (its catalog preload thread too). */
    private static void everyday(CliEnv env, Path tmp, String[] workloads) {
        for (String w : workloads) {
            Main.run(new String[] {"recommend", w}, env);
            Main.run(new String[] {"recommend", w, "--format", "json", "--output", tmp.resolve("plan.json").toString()}, env);
            Main.run(new String[] {"validate", w}, env);
            // the CI gate, as a pipeline runs it at every build
            Main.run(new String[] {"check", w, "--budget", "1000000USD"}, env);
        }
        if (workloads.length > 0) {
            Main.run(new String[] {"explain", workloads[0]}, env);
            // not csv: its writer is Jackson's data binding, which the full archive holds
            for (String format : new String[] {"markdown", "html"}) {
                Main.run(new String[] {"recommend", workloads[0], "--format", format, "--output", tmp.resolve("plan." + format).toString()}, env);
            }
        }
        Main.run(new String[] {"--version"}, env);
    }

    /** Everything else the full archive serves: picocli's path, the catalog commands, Jackson's data binding. */
    private static void rest(CliEnv env, PrintWriter sink, Path tmp, String[] workloads) {
        for (String w : workloads) {
            run(env, sink, "recommend", w);
            run(env, sink, "check", w, "--budget", "1000000USD");
        }
        if (workloads.length > 0) {
            run(env, sink, "recommend", workloads[0], "--format", "csv", "--output", tmp.resolve("plan.csv").toString());
        }
        if (workloads.length > 0) {
            // a saved plan read back (Jackson's data binding): check --baseline, report --from
            run(env, sink, "check", workloads[0], "--baseline", tmp.resolve("plan.json").toString());
            run(env, sink, "check", workloads[0], "--junit", tmp.resolve("junit.xml").toString());
            run(env, sink, "report", "--from", tmp.resolve("plan.json").toString(), "--format", "html");
        }
        run(env, sink, "catalog", "info");
        run(env, sink, "catalog", "show", "p4d.24xlarge", "--format", "json");
        run(env, sink, "--help");
        // the picocli path of an everyday command (help, a misspelt option)
        run(env, sink, "recommend", "--help");
        run(env, sink, "recommend", "--frmat", "json", workloads.length > 0 ? workloads[0] : "x.yaml");
    }

    private static void run(CliEnv env, PrintWriter sink, String... args) {
        CommandFactory.execute(env, sink, sink, args);
    }
}
