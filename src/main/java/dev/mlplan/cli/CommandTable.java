package dev.mlplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The options of the subcommands that {@link FastCommandLine} parses, as picocli's model of the
 * annotated command classes has them: names, the field each sets, its type, default and whether it
 * is required. The build writes it ({@code dev.mlplan.build.CommandTableFile}, from the annotations
 * through picocli) into {@value #RESOURCE}; nothing here reads an annotation, which is the point:
 * picocli's reflective model of one command costs some 50 ms of a cold start (docs/performance.md).
 *
 * <p>One line per fact, fields separated by tabs, {@code #} for comments:
 * <pre>
 * command     NAME  CLASS  PARENT-FIELD
 * mixin       NAME  FIELD
 * option      NAME  --long,-s  FIELD-PATH  TYPE  DEFAULT  required|optional
 * positional  NAME  FIELD-PATH  TYPE  MIN  MAX
 * </pre>
 * A field path is a field of the command ({@code top}), of one of its mixins
 * ({@code assumptions.mfu}), or, after {@code ^}, of the top-level command ({@code ^common.quiet}: an
 * inherited option). TYPE is {@code boolean}, {@code int}, {@code Integer}, {@code double},
 * {@code Double}, {@code String}, {@code list} (of strings) or {@code enum:CLASS}; DEFAULT is
 * {@code -} for none or {@code =VALUE}; MAX is {@code *} for no limit.
 */
final class CommandTable {
    static final String RESOURCE = "/dev/mlplan/cli/command-table.tsv";

    /** An option or the positional parameters of a command. */
    record Arg(List<String> names, String path, String type, String defaultValue, boolean required, int min, int max) {
        boolean positional() {
            return names.isEmpty();
        }
    }

    /** A subcommand of {@code mlplan} whose arguments the table describes fully. */
    record Command(String name, String className, String parentField, List<String> mixins, Map<String, Arg> options, Arg positional) {}

    private final Map<String, Command> commands;

    CommandTable(Map<String, Command> commands) {
        this.commands = commands;
    }

    Command command(String name) {
        return commands.get(name);
    }

    Map<String, Command> commands() {
        return commands;
    }

    private static final class Embedded {
        static final CommandTable TABLE = load();
    }

    /** The table the build made, or null when there is none or it is older than the classes beside it. */
    static CommandTable embedded() {
        return Embedded.TABLE;
    }

    private static CommandTable load() {
        URL url = CommandTable.class.getResource(RESOURCE);
        if (url == null || !isCurrent(url)) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // without the table every command line goes through picocli: slower, never wrong
            return null;
        }
    }

    /**
     * In the jar, the build wrote the table with the classes. In a class-path directory (an IDE's
     * build, {@code mvn compile}, which does not run the step that writes it), a command class newer
     * than the table may have changed an option: then the table is not used. The classes beside it
     * are the commands and their mixins: every class the table describes is in this package
     * ({@code FastCommandLineTest} checks it).
     */
    static boolean isCurrent(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return true;
        }
        try {
            Path table = Path.of(url.toURI());
            FileTime written = Files.getLastModifiedTime(table);
            try (DirectoryStream<Path> classes = Files.newDirectoryStream(table.getParent(), "*.class")) {
                for (Path c : classes) {
                    if (Files.getLastModifiedTime(c).compareTo(written) > 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    static CommandTable parse(String text) {
        Map<String, String[]> heads = new LinkedHashMap<>();
        Map<String, Map<String, Arg>> options = new HashMap<>();
        Map<String, Arg> positionals = new HashMap<>();
        Map<String, List<String>> mixins = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "command" -> heads.put(f[1], f);
                case "mixin" -> {
                    List<String> m = mixins.get(f[1]);
                    if (m == null) {
                        m = new ArrayList<>();
                        mixins.put(f[1], m);
                    }
                    m.add(f[2]);
                }
                case "option" -> {
                    Arg a = new Arg(List.of(f[2].split(",")), f[3], f[4], defaultValue(f[5]), f[6].equals("required"), 0, 1);
                    Map<String, Arg> byName = options.get(f[1]);
                    if (byName == null) {
                        byName = new LinkedHashMap<>();
                        options.put(f[1], byName);
                    }
                    for (String n : a.names()) {
                        byName.put(n, a);
                    }
                }
                case "positional" -> positionals.put(f[1], new Arg(List.of(), f[2], f[3], null, false,
                        Integer.parseInt(f[4]), f[5].equals("*") ? Integer.MAX_VALUE : Integer.parseInt(f[5])));
                default -> throw new IllegalArgumentException("unknown line in the command table: " + line);
            }
        }
        Map<String, Command> commands = new LinkedHashMap<>();
        for (String[] h : heads.values()) {
            commands.put(h[1], new Command(h[1], h[2], h[3], mixins.getOrDefault(h[1], List.of()), options.getOrDefault(h[1], Map.of()),
                    positionals.get(h[1])));
        }
        return new CommandTable(commands);
    }

    private static String defaultValue(String field) {
        return field.equals("-") ? null : field.substring(1);
    }

    /**
     * The table for every subcommand of {@code mlplan} that the fast parser can handle, from picocli's
     * model of the annotated classes. Run by the build ({@code dev.mlplan.build.CommandTableFile}) and
     * the tests, never at a normal start.
     */
    static List<Command> describe() {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        CliEnv env = CliEnv.system();
        List<Command> out = new ArrayList<>();
        for (String name : CommandFactory.SUBCOMMANDS.keySet()) {
            CommandLine top = CommandFactory.create(env, sink, sink, new String[] {name});
            CommandLine sub = top.getSubcommands().get(name);
            Command c = sub == null ? null : describe(name, sub.getCommandSpec());
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The command as the table has it, or null when the fast parser must leave it to picocli. */
    static Command describe(String name, CommandSpec spec) {
        Object user = spec.userObject();
        if (user == null || !spec.subcommands().isEmpty() || !spec.argGroups().isEmpty() || !spec.unmatchedArgsBindings().isEmpty()
                || spec.positionalParameters().size() > 1 || !(user instanceof Runnable || user instanceof java.util.concurrent.Callable)
                || spec.defaultValueProvider() != null || spec.preprocessor().getClass() != PLAIN_PREPROCESSOR) {
            return null;
        }
        Class<?> cls = user.getClass();
        String parentField = null;
        List<String> mixins = new ArrayList<>();
        for (Field f : cls.getDeclaredFields()) {
            if (f.isAnnotationPresent(picocli.CommandLine.Mixin.class)) {
                mixins.add(f.getName());
            }
            if (f.isAnnotationPresent(picocli.CommandLine.Spec.class)) {
                return null; // the fast parser makes no picocli model to inject
            }
            if (f.isAnnotationPresent(picocli.CommandLine.ParentCommand.class) && f.getType() == MlplanCommand.class) {
                parentField = f.getName();
            }
        }
        if (parentField == null) {
            return null;
        }
        Map<String, Arg> options = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue; // not in the table: -h and -V go to picocli
            }
            String type = typeName(o);
            if (type == null || type.equals("list") || o.negatable() || o.interactive() || !o.splitRegex().isEmpty()
                    || o.converters().length > 0 || o.parameterConsumer() != null || o.preprocessor().getClass() != PLAIN_PREPROCESSOR
                    || !(o.userObject() instanceof Field field) || interpolatedDefault(field)) {
                return null;
            }
            boolean flag = type.equals("boolean");
            if (flag ? o.arity().max() != 0 : (o.arity().min() != 1 || o.arity().max() != 1)) {
                return null;
            }
            String path = o.inherited() ? fieldPath(MlplanCommand.class, field) : fieldPath(cls, field);
            if (path == null) {
                return null;
            }
            Arg a = new Arg(List.of(o.names()), o.inherited() ? "^" + path : path, type, o.defaultValue(), o.required(), 0, 1);
            for (String n : o.names()) {
                options.put(n, a);
            }
        }
        Arg positional = null;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            String type = typeName(p);
            String path = p.userObject() instanceof Field field ? fieldPath(cls, field) : null;
            if (type == null || path == null || p.index().min() != 0 || p.converters().length > 0 || !p.splitRegex().isEmpty()
                    || p.parameterConsumer() != null || p.preprocessor().getClass() != PLAIN_PREPROCESSOR
                    || !(type.equals("list") || (type.equals("String") && p.arity().max() == 1))) {
                return null;
            }
            positional = new Arg(List.of(), path, type, null, false, p.arity().min(), p.arity().isUnspecified() ? 1 : p.arity().max());
        }
        return new Command(name, cls.getName(), parentField, mixins, options, positional);
    }

    /** The class of picocli's do-nothing preprocessor: anything else changes how arguments are read. */
    private static final Class<?> PLAIN_PREPROCESSOR = OptionSpec.builder("-x").build().preprocessor().getClass();

    /** A default such as "${sys:user.home}" is resolved where picocli runs: the table would fix the build machine's value. */
    private static boolean interpolatedDefault(Field field) {
        picocli.CommandLine.Option option = field.getAnnotation(picocli.CommandLine.Option.class);
        return option != null && option.defaultValue().contains("${");
    }

    private static String typeName(ArgSpec a) {
        Class<?> t = a.type();
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        if (t == int.class || t == Integer.class || t == double.class || t == Double.class || t == String.class) {
            return t.getSimpleName();
        }
        if (t.isEnum()) {
            return "enum:" + t.getName();
        }
        if (t == List.class && a.auxiliaryTypes().length == 1 && a.auxiliaryTypes()[0] == String.class) {
            return "list";
        }
        return null;
    }

    /** The field's path from the class: its own field, or a field of exactly one of its mixins. */
    private static String fieldPath(Class<?> root, Field field) {
        if (field.getDeclaringClass() == root) {
            return field.getName();
        }
        String path = null;
        for (Field holder : root.getDeclaredFields()) {
            if (holder.getType() == field.getDeclaringClass()) {
                if (path != null) {
                    return null;
                }
                path = holder.getName() + "." + field.getName();
            }
        }
        return path;
    }

    /** The table's text for these commands (the build's writer and the tests use it). */
    static String format(List<Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Written by the build (dev.mlplan.build.CommandTableFile) from picocli's model of the annotated commands;\n");
        sb.append("# read by dev.mlplan.cli.FastCommandLine. Format: dev.mlplan.cli.CommandTable.\n");
        for (Command c : commands) {
            sb.append("command\t").append(c.name()).append('\t').append(c.className()).append('\t').append(c.parentField()).append('\n');
            for (String m : c.mixins()) {
                sb.append("mixin\t").append(c.name()).append('\t').append(m).append('\n');
            }
            List<Arg> seen = new ArrayList<>();
            for (Arg a : c.options().values()) {
                if (seen.contains(a)) {
                    continue;
                }
                seen.add(a);
                sb.append("option\t").append(c.name()).append('\t').append(String.join(",", a.names())).append('\t').append(a.path())
                        .append('\t').append(a.type()).append('\t').append(a.defaultValue() == null ? "-" : "=" + a.defaultValue())
                        .append('\t').append(a.required() ? "required" : "optional").append('\n');
            }
            Arg p = c.positional();
            if (p != null) {
                sb.append("positional\t").append(c.name()).append('\t').append(p.path()).append('\t').append(p.type())
                        .append('\t').append(p.min()).append('\t').append(p.max() == Integer.MAX_VALUE ? "*" : String.valueOf(p.max()))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
