package dev.mlplan.cli;

import dev.mlplan.catalog.CatalogException;
import dev.mlplan.util.SafeText;
import dev.mlplan.workload.WorkloadException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command line: the command tree, the writers, file parameters as paths, and the
 * mapping of failures to exit codes and one-line messages (stack traces only with --verbose).
 */
public final class CommandFactory {
    private CommandFactory() {}

    /** Runs mlplan with these arguments and returns the exit code. */
    public static int execute(CliEnv env, PrintWriter out, PrintWriter err, String[] args) {
        return create(env, out, err).execute(args);
    }

    /** The whole command tree, writing to these writers. */
    public static CommandLine create(CliEnv env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MlplanCommand(env));
        cl.registerConverter(Path.class, CliEnv::path);
        cl.registerConverter(InitCommand.Kind.class, InitCommand::kind);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setExecutionExceptionHandler(new ErrorHandler(Secrets.of(env)));
        cl.setParameterExceptionHandler(CommandFactory::usageError);
        return cl;
    }

    /**
     * A command line picocli cannot parse: its message, "did you mean" suggestions and where to find
     * the usage. A file name that cannot be one has mlplan's own message ({@link CliEnv#path}).
     */
    private static int usageError(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        if (ex.getCause() instanceof ExitException e) {
            err.println("mlplan: " + SafeText.of(e.getMessage()));
            err.flush();
            return e.status();
        }
        err.println("mlplan: " + SafeText.of(ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    static final class ErrorHandler implements IExecutionExceptionHandler {
        private final Secrets secrets;

        ErrorHandler(Secrets secrets) {
            this.secrets = secrets;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            return report(ex, isVerbose(parseResult), cl.getErr());
        }

        /** Whether --verbose was given, to the top command or to the subcommand that ran. */
        static boolean isVerbose(ParseResult parseResult) {
            for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--verbose")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Prints the one-line message for a failed command (the stack trace too with --verbose, except
         * for usage errors), credentials masked, and returns the exit code for it.
         */
        int report(Exception ex, boolean verbose, PrintWriter errOut) {
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
            // credentials never reach the terminal, whatever an exception's message carried; nor do
            // control sequences or CI commands from a file name or a value echoed back
            errOut.print(SafeText.of(secrets.mask(text.toString())));
            errOut.flush();
            return code;
        }
    }
}
