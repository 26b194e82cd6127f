package dev.mlplan.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** mlplan completion: a bash/zsh completion script, generated from the command tree. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Prints a bash completion script for mlplan (zsh: through bashcompinit).",
        footer = {
            "",
            "Examples:",
            "  source <(mlplan completion)",
            "  mlplan completion > /etc/bash_completion.d/mlplan",
            "  # zsh: autoload -U +X bashcompinit && bashcompinit",
            "  #      source <(mlplan completion)"
        })
final class CompletionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        String script = AutoComplete.bash("mlplan", spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
