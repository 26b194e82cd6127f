package dev.mlplan.cli;

import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link CliRun} with a working directory holding copies of the example workloads (tests may edit
 * them) and an environment built up per test.
 */
final class Cli {
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
        CliRun r = CliRun.run(Map.copyOf(env), cwd, args);
        return new Result(r.exitCode(), r.out(), r.err());
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
