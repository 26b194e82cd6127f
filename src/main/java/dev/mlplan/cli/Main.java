package dev.mlplan.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the mlplan command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, CliEnv.system()));
    }

    /**
     * Runs mlplan on the process's standard streams and returns the exit code. A failed write to
     * standard output (a full disk, {@code > /dev/full}, a closed descriptor) is exit code 2 with a
     * message, where a {@link java.io.PrintStream} would have swallowed it; a pipe its reader closed
     * early ({@code | head}) stays quiet, as with any Unix tool.
     */
    public static int run(String[] args, CliEnv env) {
        Checked stdout = new Checked(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            code = CommandFactory.execute(env, out, err, args);
        } catch (RuntimeException | Error e) {
            err.println("mlplan: internal error: " + dev.mlplan.util.SafeText.of(Secrets.of(env).mask(String.valueOf(e))));
            code = ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
        IOException failure = stdout.failure;
        if (failure != null && !isBrokenPipe(failure)) {
            err.println("mlplan: cannot write to standard output: " + dev.mlplan.util.SafeText.of(String.valueOf(failure.getMessage())));
            err.flush();
            return code == ExitCode.OK || code == ExitCode.CHECK_FAILED ? ExitCode.USAGE : code;
        }
        return code;
    }

    /** EPIPE: the reader went away ({@code | head}); what it did not read it did not want. */
    static boolean isBrokenPipe(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Broken pipe") || m.contains("EPIPE");
    }

    /** Standard output that keeps the first write error instead of swallowing it, and writes nothing after it. */
    static final class Checked extends OutputStream {
        private final OutputStream target;
        IOException failure;

        Checked(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw failure;
            }
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            if (failure == null) {
                try {
                    target.flush();
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
            }
        }
    }
}
