package dev.mlplan.cli;

import dev.mlplan.catalog.CatalogLoader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
            if (readsEmbeddedCatalog(args, env)) {
                CatalogLoader.preload();
            }
            // the everyday command lines first: on that path no picocli class (nor CommandFactory) is loaded
            Integer code = FastCommandLine.execute(env, out, err, args);
            return code != null ? code : CommandFactory.create(env, out, err, args).execute(args);
        } catch (RuntimeException | Error e) {
            err.println("mlplan: internal error: " + Secrets.of(env).mask(String.valueOf(e)));
            return ExitCode.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Whether the command will read the embedded catalog, so that reading it can start on a second
     * thread while the command line and the workloads are parsed (docs/performance.md). A wrong
     * guess costs only that thread's work: the command reads what it reads either way.
     */
    static boolean readsEmbeddedCatalog(String[] args, CliEnv env) {
        if (args.length == 0) {
            return false;
        }
        boolean reads = args[0].equals("recommend") || args[0].equals("check") || args[0].equals("report") || args[0].equals("explain")
                || (args[0].equals("catalog") && args.length > 1 && List.of("list", "show", "info").contains(args[1]));
        if (!reads) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--catalog") || a.startsWith("--catalog=") || a.equals("-h") || a.equals("--help")) {
                return false;
            }
        }
        String file = env.env().get(Inputs.CATALOG_ENV);
        return file == null || file.isBlank();
    }
}
