package dev.mlplan.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run for the launcher's class-data-sharing archive ({@code target/mlplan.jsa}): runs
 * the everyday commands once in this process, so that the JVM started with
 * {@code -XX:DumpLoadedClassList} lists the classes they load, for {@code -Xshare:dump} to archive.
 * Writes nothing but into a temporary directory, which it deletes; the result of the commands is
 * ignored.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=F -cp mlplan.jar dev.mlplan.cli.CdsTraining WORKLOAD.yaml…}
 */
public final class CdsTraining {
    private CdsTraining() {}

    static final String[] JAR_START_CLASSES = {"java.util.jar.JarVerifier", "java.security.CodeSigner", "java.io.RandomAccessFile$1"};

    public static void main(String[] workloads) throws IOException, ClassNotFoundException {
        Path tmp = Files.createTempDirectory("mlplan-cds");
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        // no environment variables: the training must not read a user's MLPLAN_CATALOG, nor append
        // check's summary to a CI job's GITHUB_STEP_SUMMARY file
        CliEnv env = new CliEnv(java.time.Clock.systemUTC(), java.util.Map.of(), Path.of("").toAbsolutePath());
        try {
            for (String w : workloads) {
                run(env, sink, "recommend", w);
                // through Main, as the launcher starts it: its catalog preload thread too (prints nothing: --output)
                Main.run(new String[] {"recommend", w, "--format", "json", "--output", tmp.resolve("plan.json").toString()}, env);
                run(env, sink, "validate", w);
                // the CI gate, as a pipeline runs it at every build
                run(env, sink, "check", w, "--budget", "1000000USD");
            }
            if (workloads.length > 0) {
                run(env, sink, "explain", workloads[0]);
            }
            run(env, sink, "catalog", "info");
            // what a `java -jar` start loads before main and this `-cp` start does not: named here so
            // that the class list, and so the archive, has them
            for (String c : JAR_START_CLASSES) {
                Class.forName(c, false, CdsTraining.class.getClassLoader());
            }
            run(env, sink, "catalog", "show", "p4d.24xlarge", "--format", "json");
            run(env, sink, "--help");
            // the picocli path of an everyday command (help, a misspelt option)
            run(env, sink, "recommend", "--help");
            run(env, sink, "recommend", "--frmat", "json", workloads.length > 0 ? workloads[0] : "x.yaml");
        } finally {
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static void run(CliEnv env, PrintWriter sink, String... args) {
        CommandFactory.execute(env, sink, sink, args);
    }
}
