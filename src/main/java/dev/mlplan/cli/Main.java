package dev.mlplan.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the mlplan command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, CliEnv.system()));
    }

    /** Runs mlplan on the process's standard streams and returns the exit code. */
    public static int run(String[] args, CliEnv env) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return CommandFactory.execute(env, out, err, args);
        } catch (RuntimeException | Error e) {
            err.println("mlplan: internal error: " + dev.mlplan.util.SafeText.of(Secrets.of(env).mask(String.valueOf(e))));
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
