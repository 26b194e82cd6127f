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

    /** Colour only on a terminal, never when NO_COLOR is set (no-color.org). */
    public boolean colorAllowed() {
        return System.console() != null && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /**
     * The file named on the command line, relative to the working directory.
     *
     * @throws ExitException (exit code 2) when the name cannot be a file name at all (e.g. a NUL character)
     */
    public Path resolve(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ExitException(ExitCode.USAGE, "'" + printable(file) + "' is not a valid file name (" + e.getReason() + ")");
        }
        return p.isAbsolute() ? p : cwd.resolve(p);
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
