package dev.mlplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs mlplan in-process with a fixed clock, a given environment and a working directory, capturing output. */
final class Cli {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-01T12:00:00Z"), ZoneOffset.UTC);
    static final Path REPO = Path.of("").toAbsolutePath();

    record Result(int code, String out, String err) {}

    final Path cwd;
    final Map<String, String> env = new HashMap<>();

    Cli(Path cwd) {
        this.cwd = cwd;
    }

    /** A working directory with the repository's example workloads under workloads/. */
    static Cli withWorkloads(Path tmp) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("workloads"));
            try (var files = Files.list(REPO.resolve("workloads"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cli(tmp);
    }

    Cli env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandFactory.create(new CliEnv(CLOCK, Map.copyOf(env), cwd), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    String read(String file) {
        try {
            return Files.readString(cwd.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, String text) {
        try {
            Files.writeString(cwd.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
