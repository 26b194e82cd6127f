package dev.mlplan.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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

    /** Colour only on a terminal, never when NO_COLOR is set to a non-empty value (no-color.org: an empty one is ignored). */
    public boolean colorAllowed() {
        return System.console() != null && !noColorSet() && !"dumb".equals(env.get("TERM"));
    }

    /** Whether NO_COLOR is set and not empty (https://no-color.org). */
    boolean noColorSet() {
        String value = env.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }

    /**
     * The name as a path: how the command line reads every file parameter.
     *
     * @throws ExitException (exit code 2) when the name cannot be a file name at all (e.g. a NUL character)
     */
    static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new ExitException(ExitCode.USAGE, "'" + printable(name) + "' is not a valid file name (" + e.getReason() + ")");
        }
    }

    /** The file named on the command line, relative to the working directory. */
    public Path resolve(Path file) {
        return file.isAbsolute() ? file : cwd.resolve(file);
    }

    /**
     * The file named by an environment variable, relative to the working directory.
     *
     * @throws ExitException (exit code 2) when the name cannot be a file name at all
     */
    public Path resolve(String file) {
        return resolve(path(file));
    }

    /** The name with control characters shown as a backslash, u and four hex digits, for messages. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }
}
