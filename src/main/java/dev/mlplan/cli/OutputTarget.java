package dev.mlplan.cli;

import dev.mlplan.util.AtomicFiles;
import dev.mlplan.util.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;

/**
 * Where a command's result goes: the command's standard output, or a file written atomically (a
 * new file beside it, then a rename), so a reader never sees half a report and a failed write leaves
 * the previous file as it was. A directory, or a file the command reads as input, is refused. A
 * symbolic link is kept and the file it points to replaced; a device or pipe ({@code /dev/stdout},
 * a FIFO) is written into, never replaced. Every output passes {@link SafeText} first (mlplan's own
 * colour codes kept).
 */
public final class OutputTarget {
    private OutputTarget() {}

    /**
     * @param output the --output value, or null for standard output
     * @param inputs files the command reads, which must never be overwritten
     */
    public static void write(String content, Path output, CliEnv env, PrintWriter out, Collection<Path> inputs) {
        stream(w -> w.write(content), output, env, out, inputs);
    }

    /** What writes a command's result, streamed (a plan of many workloads is written as it is planned). */
    @FunctionalInterface
    public interface Body {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /**
     * Like {@link #write(String, Path, CliEnv, PrintWriter, Collection)}, the content written by
     * {@code body} as it goes: into standard output, or into the new file that then replaces the
     * target (so an error half-way leaves the previous file as it was).
     */
    public static void stream(Body unsafe, Path output, CliEnv env, PrintWriter out, Collection<Path> inputs) {
        stream(unsafe, output, "--output", env, out, inputs);
    }

    /** {@link #write(String, Path, CliEnv, PrintWriter, Collection)} for a file given by {@code option} (e.g. --junit), named so in errors. */
    public static void write(String content, Path output, String option, CliEnv env, PrintWriter out, Collection<Path> inputs) {
        stream(w -> w.write(content), output, option, env, out, inputs);
    }

    /**
     * Refuses, before any work, a target {@code option} cannot be written to: a directory, or a file
     * in a directory that does not exist (exit 2, naming the option). Standard output ({@code -}) passes.
     */
    public static void checkTarget(Path output, String option, CliEnv env) {
        if (output == null || output.toString().equals("-")) {
            return;
        }
        Path target = env.resolve(output).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ExitException(ExitCode.USAGE, option + " " + output + " is a directory; give a file name");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExitException(ExitCode.USAGE, option + " " + output + ": directory " + dir + " does not exist");
        }
    }

    private static void stream(Body unsafe, Path output, String option, CliEnv env, PrintWriter out, Collection<Path> inputs) {
        // text from a workload, a file name or a saved plan never writes control sequences or CI commands
        Body body = w -> {
            SafeText.LineWriter safe = new SafeText.LineWriter(w);
            unsafe.writeTo(safe);
            safe.finish();
        };
        if (output == null || output.toString().equals("-")) {
            try {
                body.writeTo(out);
            } catch (IOException e) {
                throw new ExitException(ExitCode.USAGE, "cannot write the standard output: " + describe(e));
            }
            out.flush();
            return;
        }
        Path target = env.resolve(output).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ExitException(ExitCode.USAGE, option + " " + output + " is a directory; give a file name");
        }
        for (Path in : inputs) {
            try {
                Path abs = in.toAbsolutePath().normalize();
                if (abs.equals(target) || (Files.exists(target) && Files.isSameFile(abs, target))) {
                    throw new ExitException(ExitCode.USAGE, option + " " + output + " is an input file; mlplan never overwrites its input");
                }
            } catch (IOException e) {
                // an input that cannot be compared cannot be the target either
            }
        }
        if (isStreamTarget(target)) {
            // a device, a pipe or /dev/stdout: written into, never replaced by a rename
            try (OutputStream o = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                writeUtf8(body, o);
            } catch (IOException e) {
                throw new ExitException(ExitCode.USAGE, "cannot write " + output + ": " + describe(e));
            }
            return;
        }
        if (Files.isSymbolicLink(target)) {
            // replace the file the link points to, and keep the link
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new ExitException(ExitCode.USAGE, option + " " + output + " is a symbolic link to a missing file");
            }
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExitException(ExitCode.USAGE, option + " " + output + ": directory " + dir + " does not exist");
        }
        try {
            AtomicFiles.write(target, o -> writeUtf8(body, o));
        } catch (IOException e) {
            throw new ExitException(ExitCode.USAGE, "cannot write " + output + ": " + describe(e));
        }
    }

    private static void writeUtf8(Body body, OutputStream o) throws IOException {
        java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16);
        body.writeTo(w);
        w.flush();
    }

    /** Devices, pipes and the /dev and /proc trees are written into: a rename would replace the device (or /dev/stdout). */
    static boolean isStreamTarget(Path target) {
        if (target.startsWith("/dev/") || target.startsWith("/proc/")) {
            return true;
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return true;
        }
        try {
            Path real = Files.exists(target) ? target.toRealPath() : null;
            return real != null && (real.startsWith("/dev/") || real.startsWith("/proc/"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
