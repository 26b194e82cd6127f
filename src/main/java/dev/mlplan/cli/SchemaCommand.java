package dev.mlplan.cli;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.estimate.ModelPresets;
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
            "Prints the JSON Schema (draft 2020-12) of workload YAML, schema versions 1 and 2.",
            "Its allowed values include the model presets and the catalog's regions and accelerators. "
                    + "Editors with the YAML language server (VS Code, IntelliJ, Neovim) complete and check a workload "
                    + "with it when its first line is:",
            "  # yaml-language-server: $schema=mlplan-workload.schema.json",
            "The repository publishes it as schema/mlplan-workload.schema.json; see docs/schema.md."
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

    @Mixin
    CatalogOption catalog;

    @Override
    public void run() {
        OutputTarget.write(text(catalog.load(parent.env())), output.file, parent.env(), parent.out(), List.of());
    }

    /** The schema with the presets and {@code catalog}'s regions and accelerators. */
    static String text(Catalog catalog) {
        List<String> accelerators = catalog.accelerators().stream().map(Accelerator::name).toList();
        return WorkloadSchema.text(new WorkloadSchema.Vocabulary(ModelPresets.names(), catalog.regions(), accelerators));
    }
}
