package dev.mlplan.cli;

import dev.mlplan.workload.WorkloadSchema;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** mlplan schema: the JSON Schema of the workload YAML, for editors and other tools. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the JSON Schema (draft 2020-12) of workload YAML, schema version 1.",
            "Editors with the YAML language server (VS Code, IntelliJ, Neovim) complete",
            "and check a workload with it when its first line is:",
            "  # yaml-language-server: $schema=mlplan-workload.schema.json"
        },
        footer = {
            "",
            "Examples:",
            "  mlplan schema --output mlplan-workload.schema.json",
            "  mlplan schema | jq '.properties | keys'"
        })
final class SchemaCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Mixin
    OutputOption output;

    @Override
    public void run() {
        OutputTarget.write(WorkloadSchema.text(), output.file, parent.env(), parent.out(), List.of());
    }
}
