package dev.mlplan.cli;

import dev.mlplan.catalog.CatalogException;
import dev.mlplan.workload.WorkloadException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command line: the command tree, the writers, and the mapping of failures to
 * exit codes and one-line messages (stack traces only with --verbose).
 */
public final class CommandFactory {
    private CommandFactory() {}

    public static CommandLine create(CliEnv env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MlplanCommand(env), new Factory(env));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setExecutionExceptionHandler(new ErrorHandler(Secrets.of(env)));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("mlplan: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            e.flush();
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** Creates commands, giving the top command the environment. */
    private record Factory(CliEnv env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == MlplanCommand.class) {
                return cls.cast(new MlplanCommand(env));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class ErrorHandler implements IExecutionExceptionHandler {
        private final Secrets secrets;

        ErrorHandler(Secrets secrets) {
            this.secrets = secrets;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            boolean verbose = parseResult.expandedArgs().stream().anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
            StringWriter text = new StringWriter();
            PrintWriter err = new PrintWriter(text);
            int code;
            if (ex instanceof ExitException e) {
                err.println("mlplan: " + e.getMessage());
                code = e.status();
            } else if (ex instanceof WorkloadException e) {
                err.println("mlplan: " + e.getMessage());
                code = ExitCode.USAGE;
            } else if (ex instanceof CatalogException e) {
                err.println("mlplan: " + e.getMessage());
                code = ExitCode.CATALOG;
            } else {
                err.println("mlplan: internal error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
                if (!verbose) {
                    err.println("This is a bug in mlplan; run with --verbose for the stack trace.");
                }
                code = ExitCode.INTERNAL;
            }
            // a usage error is the user's input, fully described by its message: no trace even with --verbose
            if (verbose && code != ExitCode.USAGE) {
                ex.printStackTrace(err);
            }
            err.flush();
            // credentials never reach the terminal, whatever an exception's message carried
            cl.getErr().print(secrets.mask(text.toString()));
            cl.getErr().flush();
            return code;
        }
    }
}
