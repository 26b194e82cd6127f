package dev.mlplan.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * mlplan completion: a completion script for bash, zsh or fish, generated from the command tree:
 * subcommands, options, file names for file arguments, and the candidates options declare (formats,
 * kinds, pricing models, and the embedded catalog's regions, instance types, families and
 * accelerators, see {@link Candidates}). bash and zsh get picocli's script (zsh runs it through
 * bashcompinit); fish gets {@code complete} lines made from the same model.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a completion script for bash, zsh or fish.",
            "It completes subcommands, options, file names, formats, regions, instance types, families, accelerators and pricing models."
        },
        footer = {
            "",
            "Examples:",
            "  source <(mlplan completion bash)      # or in ~/.bashrc",
            "  source <(mlplan completion zsh)       # or in ~/.zshrc",
            "  mlplan completion fish > ~/.config/fish/completions/mlplan.fish"
        })
final class CompletionCommand implements Runnable {
    /** The shells a script is made for. */
    enum Shell { bash, zsh, fish }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "The shell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Shell shell;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            case bash -> AutoComplete.bash("mlplan", root);
            case zsh -> "#compdef mlplan\n# zsh: picocli's bash script through bashcompinit, which the script loads itself\n"
                    + AutoComplete.bash("mlplan", root);
            case fish -> fish(root.getCommandSpec());
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }

    /** A fish script: one {@code complete} line per subcommand, option and positional parameter of the tree. */
    static String fish(CommandSpec root) {
        StringBuilder sb = new StringBuilder("# fish completion for mlplan, generated from its command tree by 'mlplan completion fish'\n");
        sb.append("complete -c mlplan -f\n");
        fishCommand(sb, root, List.of());
        return sb.toString();
    }

    private static void fishCommand(StringBuilder sb, CommandSpec command, List<String> path) {
        String condition = condition(command, path);
        for (var sub : command.subcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias
            }
            sb.append("complete -c mlplan -n ").append(quote(condition)).append(" -a ").append(quote(sub.getKey()))
                    .append(" -d ").append(quote(summary(sub.getValue().getCommandSpec()))).append('\n');
        }
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            sb.append("complete -c mlplan -n ").append(quote(condition));
            for (String name : option.names()) {
                sb.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            sb.append(values(option));
            sb.append(" -d ").append(quote(summary(option.description()))).append('\n');
        }
        for (PositionalParamSpec p : command.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            String values = values(p);
            if (!values.isEmpty()) {
                sb.append("complete -c mlplan -n ").append(quote(condition)).append(values).append('\n');
            }
        }
        for (var sub : command.subcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandName())) {
                List<String> next = new ArrayList<>(path);
                next.add(sub.getKey());
                fishCommand(sb, sub.getValue().getCommandSpec(), next);
            }
        }
    }

    /** The fish condition under which a command's own arguments complete: its subcommand path seen, none of its subcommands yet. */
    private static String condition(CommandSpec command, List<String> path) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty()) {
            parts.add("__fish_use_subcommand");
        } else {
            for (String p : path) {
                parts.add("__fish_seen_subcommand_from " + p);
            }
            if (!command.subcommands().isEmpty()) {
                parts.add("not __fish_seen_subcommand_from " + String.join(" ", command.subcommands().keySet()));
            }
        }
        return String.join("; and ", parts);
    }

    /** How an argument's value completes: its candidates, file names for a file, nothing for a flag. */
    private static String values(ArgSpec arg) {
        if (arg instanceof OptionSpec o && o.arity().max() == 0) {
            return "";
        }
        if (arg.completionCandidates() != null) {
            List<String> all = new ArrayList<>();
            arg.completionCandidates().forEach(all::add);
            return " -x -a " + quote(String.join(" ", all));
        }
        Class<?> type = arg.type();
        if (type == java.nio.file.Path.class || type == java.io.File.class || arg.auxiliaryTypes()[0] == java.nio.file.Path.class) {
            if (arg instanceof OptionSpec) {
                return " -r -F";
            }
            // a workload file: YAML files first; other files (a saved plan for diff) too
            return arg.paramLabel().equals("FILE") ? " -k -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml)'" : " -F";
        }
        return arg instanceof OptionSpec ? " -x" : "";
    }

    private static String summary(CommandSpec command) {
        return summary(command.usageMessage().description());
    }

    /** The first line of a description, without picocli's variables and line breaks (%n). */
    private static String summary(String[] description) {
        for (String line : description) {
            for (String part : line.split("%n")) {
                if (!part.isBlank()) {
                    return part.replaceAll("\\$\\{[A-Z-]+}", "").replace("%%", "%").strip();
                }
            }
        }
        return "";
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
