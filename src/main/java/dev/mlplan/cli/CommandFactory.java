package dev.mlplan.cli;

import dev.mlplan.catalog.CatalogException;
import dev.mlplan.workload.WorkloadException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Builds the picocli command line: the command tree, the writers, and the mapping of failures to
 * exit codes and one-line messages (stack traces only with --verbose).
 */
public final class CommandFactory {
    private CommandFactory() {}

    /**
     * Runs mlplan with these arguments: an everyday command line through {@link FastCommandLine},
     * any other through picocli. Both give the same results, messages and exit codes. (What
     * {@link Main#run} does, without loading this class for an everyday command line.)
     */
    public static int execute(CliEnv env, PrintWriter out, PrintWriter err, String[] args) {
        Integer code = FastCommandLine.execute(env, out, err, args);
        return code != null ? code : create(env, out, err, args).execute(args);
    }

    /** The text of the command table ({@link CommandTable}) for the build step that writes it. */
    public static String commandTable() {
        return CommandTable.format(CommandTableModel.describe());
    }

    /** The subcommands of {@code mlplan}, in the order its help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("recommend", RecommendCommand.class);
        m.put("check", CheckCommand.class);
        m.put("report", ReportCommand.class);
        m.put("explain", ExplainCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("init", InitCommand.class);
        m.put("schema", SchemaCommand.class);
        m.put("catalog", CatalogCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    /** The whole command tree. */
    public static CommandLine create(CliEnv env, PrintWriter out, PrintWriter err) {
        return create(env, out, err, new String[0]);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand that needs no
     * other (not {@code help} or {@code completion}), only that subcommand is built; for a lone
     * {@code --version}, none; otherwise (top-level help, a misspelt subcommand that wants a "did you
     * mean") the whole tree. Building only the
     * subcommand that runs saves some 30 ms of picocli's reflection at every start (docs/performance.md).
     */
    public static CommandLine create(CliEnv env, PrintWriter out, PrintWriter err, String[] args) {
        Factory factory = new Factory(env, out, err);
        CommandLine cl = new CommandLine(new MlplanCommand(env, out, err), factory);
        String first = args.length > 0 ? args[0] : "";
        boolean onlyOne = SUBCOMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        boolean none = args.length == 1 && (first.equals("--version") || first.equals("-V"));
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
            if (!none && (!onlyOne || sub.getKey().equals(first))) {
                cl.addSubcommand(sub.getKey(), new CommandLine(sub.getValue(), factory));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setExecutionExceptionHandler(new ErrorHandler(Secrets.of(env)));
        cl.setParameterExceptionHandler((ex, unused) -> {
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
    private record Factory(CliEnv env, PrintWriter out, PrintWriter err) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == MlplanCommand.class) {
                return cls.cast(new MlplanCommand(env, out, err));
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
            return report(ex, isVerbose(parseResult.expandedArgs()), cl.getErr());
        }

        static boolean isVerbose(java.util.List<String> args) {
            // a loop, not a stream: this runs at every error exit of the fast command line (docs/performance.md, round 5)
            for (String a : args) {
                if (a.equals("-v") || a.equals("--verbose")) {
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
            // credentials never reach the terminal, whatever an exception's message carried
            errOut.print(secrets.mask(text.toString()));
            errOut.flush();
            return code;
        }
    }
}
