package dev.mlplan.testing;

import dev.mlplan.cli.CliEnv;
import dev.mlplan.cli.CommandFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the mlplan command line in-process with a fixed clock and captured output. */
public record CliRun(int exitCode, String out, String err) {
    /** The date tests run "on": fixed, so that catalog-age warnings are stable. */
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    public static CliRun run(String... args) {
        return run(Map.of(), Path.of("").toAbsolutePath(), args);
    }

    public static CliRun run(Map<String, String> env, Path cwd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnv cliEnv = new CliEnv(Clock.fixed(NOW, ZoneOffset.UTC), env, cwd);
        int code = CommandFactory.execute(cliEnv, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
