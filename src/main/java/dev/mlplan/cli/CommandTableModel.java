package dev.mlplan.cli;

import dev.mlplan.cli.CommandTable.Arg;
import dev.mlplan.cli.CommandTable.Command;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Derives the {@link CommandTable} from picocli's model of the annotated command classes. Used by the
 * build ({@code dev.mlplan.build.CommandTableFile}) and the tests, never at a start: this class is
 * apart from {@link CommandTable} so that reading the table loads no picocli class.
 */
final class CommandTableModel {
    private CommandTableModel() {}

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
                || spec.defaultValueProvider() != null || spec.preprocessor().getClass() != Plain.PREPROCESSOR) {
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
                    || o.converters().length > 0 || o.parameterConsumer() != null || o.preprocessor().getClass() != Plain.PREPROCESSOR
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
                    || p.parameterConsumer() != null || p.preprocessor().getClass() != Plain.PREPROCESSOR
                    || !(type.equals("list") || (type.equals("String") && p.arity().max() == 1))) {
                return null;
            }
            positional = new Arg(List.of(), path, type, null, false, p.arity().min(), p.arity().isUnspecified() ? 1 : p.arity().max());
        }
        return new Command(name, cls.getName(), parentField, mixins, options, positional);
    }

    /**
     * The class of picocli's do-nothing preprocessor: anything else changes how arguments are read. In
     * a holder, so that only {@link #describe} (the build, the tests) initialises picocli's model, never
     * a start that reads the table.
     */
    private static final class Plain {
        static final Class<?> PREPROCESSOR = OptionSpec.builder("-x").build().preprocessor().getClass();
    }

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
}
