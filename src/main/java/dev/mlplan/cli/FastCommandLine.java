package dev.mlplan.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Runs the everyday command lines ({@code mlplan recommend FILE… --format json --output F}, {@code
 * mlplan check …}, …) without building picocli's model of the command, which costs some 50 ms of
 * reflection at every cold start (docs/performance.md). The options come from {@link CommandTable},
 * which the build derives from the same annotations picocli reads.
 *
 * <p>It accepts only a plain grammar: the subcommand first, then options as {@code --name value},
 * {@code --name=value} or {@code -n value}, each at most once, and positional parameters that do not
 * start with {@code -} or {@code @}; and a lone {@code --version}. Anything else (help, {@code --}, argument
 * files, clustered short options, a repeated option, a value that starts like an option, a value
 * that does not convert, a missing required option, an unknown name, picocli settings given as
 * {@code picocli.*} system properties) is declined, and picocli parses the command line as always, with
 * its messages and "did you mean". {@code FastCommandLineTest} requires that what is accepted parses
 * to the same values under picocli, over fixed and seeded random command lines.
 */
final class FastCommandLine {
    private FastCommandLine() {}

    /** A command object with its options set, and the top-level command it belongs to. */
    record Parsed(Object command, MlplanCommand parent) {}

    /**
     * Runs the command when its command line is plain, with the same error handling and exit codes as
     * picocli's path ({@link CommandFactory.ErrorHandler}).
     *
     * @return the exit code, or null when picocli must parse these arguments
     */
    static Integer execute(CliEnv env, PrintWriter out, PrintWriter err, String[] args) {
        if (picocliConfigured()) {
            return null;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return printVersion(out);
        }
        CommandTable table = CommandTable.embedded();
        if (table == null) {
            return null;
        }
        MlplanCommand parent = new MlplanCommand(env, out, err);
        Parsed parsed = parse(table, parent, args);
        if (parsed == null) {
            return null;
        }
        try {
            if (parsed.command() instanceof Callable<?> callable) {
                Object result = callable.call();
                return result instanceof Integer code ? code : ExitCode.OK;
            }
            ((Runnable) parsed.command()).run();
            return ExitCode.OK;
        } catch (Exception e) {
            return new CommandFactory.ErrorHandler(Secrets.of(env)).report(e, CommandFactory.ErrorHandler.isVerbose(List.of(args)), err);
        }
    }

    /**
     * {@code mlplan --version}: the lines picocli prints for the top command's version provider. picocli
     * reads a line as a format string and as colour markup, so a line with {@code %} or {@code @|}
     * goes to picocli.
     */
    private static Integer printVersion(PrintWriter out) {
        String[] lines = new VersionProvider().getVersion();
        for (String line : lines) {
            if (line.contains("%") || line.contains("@|")) {
                return null;
            }
        }
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The command object for these arguments, or null when they are not for this parser. */
    static Parsed parse(CommandTable table, MlplanCommand parent, String[] args) {
        if (args.length == 0) {
            return null;
        }
        CommandTable.Command command = table.command(args[0]);
        if (command == null) {
            return null;
        }
        try {
            Object target = Class.forName(command.className()).getDeclaredConstructor().newInstance();
            if (parent.common == null) {
                parent.common = new CommonOptions();
            }
            for (String mixin : command.mixins()) {
                Field f = target.getClass().getDeclaredField(mixin);
                if (f.get(target) == null) {
                    f.set(target, f.getType().getDeclaredConstructor().newInstance());
                }
            }
            // by identity: a record's own hashCode is linked through invokedynamic at its first call (~8 ms cold)
            Set<CommandTable.Arg> given = Collections.newSetFromMap(new IdentityHashMap<>());
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("@")) {
                    return null;
                }
                if (!a.startsWith("-") || a.equals("-")) {
                    positional.add(a);
                    continue;
                }
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                    if (looksLikeAnOption(value)) {
                        return null; // picocli refuses "--output=-q" ("expected parameter … but found")
                    }
                }
                CommandTable.Arg option = command.options().get(name);
                if (option == null || !given.add(option)) {
                    return null;
                }
                Object converted;
                if (option.type().equals("boolean")) {
                    if (value != null) {
                        return null;
                    }
                    converted = Boolean.TRUE;
                } else {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return null;
                        }
                        value = args[++i];
                        if (looksLikeAnOption(value)) {
                            return null;
                        }
                    }
                    converted = convert(option.type(), value);
                    if (converted == null) {
                        return null;
                    }
                }
                set(target, parent, option.path(), converted);
            }
            for (CommandTable.Arg option : command.options().values()) {
                if (!given.add(option)) {
                    continue; // given, or seen under its other name
                }
                if (option.required()) {
                    return null;
                }
                if (option.defaultValue() != null) {
                    Object converted = convert(option.type(), option.defaultValue());
                    if (converted == null) {
                        return null;
                    }
                    set(target, parent, option.path(), converted);
                }
            }
            CommandTable.Arg p = command.positional();
            if (p == null) {
                if (!positional.isEmpty()) {
                    return null;
                }
            } else {
                if (positional.size() < p.min() || positional.size() > p.max()) {
                    return null;
                }
                if (p.type().equals("list")) {
                    if (!positional.isEmpty()) {
                        set(target, parent, p.path(), new ArrayList<>(positional));
                    }
                } else if (p.type().equals("String") && p.max() == 1) {
                    if (!positional.isEmpty()) {
                        set(target, parent, p.path(), positional.get(0));
                    }
                } else {
                    return null;
                }
            }
            set(target, parent, command.parentField(), parent);
            return new Parsed(target, parent);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a table that does not fit the classes (a stale build): picocli knows better
            return null;
        }
    }

    /** A value this parser leaves to picocli: one that starts like an option (but a lone "-") or an argument file. */
    private static boolean looksLikeAnOption(String value) {
        return (value.startsWith("-") && !value.equals("-")) || value.startsWith("@");
    }

    /**
     * Whether picocli is configured through system properties ({@code picocli.trimQuotes},
     * {@code picocli.trace}, …, e.g. from MLPLAN_JAVA_OPTS): then picocli parses, as it reads them.
     */
    static boolean picocliConfigured() {
        for (Object key : System.getProperties().keySet()) {
            if (key instanceof String k && k.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    /** The value picocli's converter would give, or null when this parser leaves the text to picocli. */
    static Object convert(String type, String text) {
        switch (type) {
            case "String":
                return text;
            case "int":
            case "Integer":
                // only plain decimal: picocli reads "010" and "0x10" its own way
                if (text.isEmpty() || text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0')) {
                    return null;
                }
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                        return null;
                    }
                }
                return Integer.parseInt(text);
            case "double":
            case "Double":
                try {
                    return Double.valueOf(text);
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                if (type.startsWith("enum:")) {
                    return enumConstant(type.substring(5), text);
                }
                return null;
        }
    }

    /** The constant whose name is the text, ignoring case as the command line allows; null if none or several. */
    private static Object enumConstant(String className, String text) {
        Class<?> cls;
        try {
            cls = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return null;
        }
        Object found = null;
        for (Object c : cls.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            if (!name.equals(c.toString())) {
                return null;
            }
            if (name.equalsIgnoreCase(text)) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /** Sets the field at this path: {@code top}, {@code mixin.field}, or {@code ^field.path} on the top-level command. */
    private static void set(Object target, MlplanCommand parent, String path, Object value) throws ReflectiveOperationException {
        Object owner = target;
        String p = path;
        if (p.startsWith("^")) {
            owner = parent;
            p = p.substring(1);
        }
        int dot = p.indexOf('.');
        while (dot > 0) {
            Field holder = owner.getClass().getDeclaredField(p.substring(0, dot));
            Object next = holder.get(owner);
            if (next == null) {
                next = holder.getType().getDeclaredConstructor().newInstance();
                holder.set(owner, next);
            }
            owner = next;
            p = p.substring(dot + 1);
            dot = p.indexOf('.');
        }
        owner.getClass().getDeclaredField(p).set(owner, value);
    }

    /** For tests: the value at a path, as {@link #set} would set it. */
    static Object get(Object target, MlplanCommand parent, String path) throws ReflectiveOperationException {
        Object owner = path.startsWith("^") ? parent : target;
        String p = path.startsWith("^") ? path.substring(1) : path;
        for (String part : p.split("\\.")) {
            if (owner == null) {
                return null;
            }
            owner = owner.getClass().getDeclaredField(part).get(owner);
        }
        return owner;
    }
}
