package dev.mlplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where a command's result goes: the command's standard output, or a file written atomically (a
 * temporary file beside it, then a rename), so a reader never sees half a report. A directory, or a
 * file the command reads as input, is refused.
 */
public final class OutputTarget {
    private OutputTarget() {}

    /**
     * @param output the --output value, or null for standard output
     * @param inputs files the command reads, which must never be overwritten
     */
    public static void write(String content, String output, CliEnv env, PrintWriter out, Collection<Path> inputs) {
        if (output == null || output.equals("-")) {
            out.print(content);
            out.flush();
            return;
        }
        Path target = env.resolve(output).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ExitException(ExitCode.USAGE, "--output " + output + " is a directory; give a file name");
        }
        for (Path in : inputs) {
            try {
                Path abs = in.toAbsolutePath().normalize();
                if (abs.equals(target) || (Files.exists(target) && Files.isSameFile(abs, target))) {
                    throw new ExitException(ExitCode.USAGE, "--output " + output + " is an input file; mlplan never overwrites its input");
                }
            } catch (IOException e) {
                // an input that cannot be compared cannot be the target either
            }
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExitException(ExitCode.USAGE, "--output " + output + ": directory " + dir + " does not exist");
        }
        try {
            dev.mlplan.util.AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, "cannot write " + output + ": " + e.getMessage());
        }
    }
}
