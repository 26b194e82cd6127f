package dev.mlplan.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the command line takes from the process: the clock, the environment variables and the
 * working directory. Tests pass fixed ones; {@link #system()} is the real process.
 */
public record CliEnv(Clock clock, Map<String, String> env, Path cwd) {
    public static CliEnv system() {
        return new CliEnv(Clock.systemUTC(), System.getenv(), Path.of("").toAbsolutePath());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Colour only on a terminal, never when NO_COLOR is set (no-color.org). */
    public boolean colorAllowed() {
        return System.console() != null && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    public Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() ? p : cwd.resolve(p);
    }
}
