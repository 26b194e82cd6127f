package dev.mlplan.cli;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * The options of the subcommands that {@link FastCommandLine} parses, as picocli's model of the
 * annotated command classes has them: names, the field each sets, its type, default and whether it
 * is required. The build writes it ({@code dev.mlplan.build.CommandTableFile}, from the annotations
 * through picocli: {@link CommandTableModel}) into {@value #RESOURCE}; nothing here reads an
 * annotation or touches picocli, which is the point: picocli's reflective model of one command costs
 * some 50 ms of a cold start (docs/performance.md).
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
    record Arg(List<String> names, String path, String type, String defaultValue, boolean required, int min, int max) {}

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
        try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null || url == null || !isCurrent(url)) {
                return null;
            }
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
