package dev.mlplan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** mlplan catalog: browse the price-and-limits catalog. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Browses the catalog of instance types, prices and limits.",
        footer = {"", "Examples:", "  mlplan catalog info", "  mlplan catalog list --accelerator H100", "  mlplan catalog show p4d.24xlarge --format json"},
        subcommands = {CatalogInfoCommand.class, CatalogListCommand.class, CatalogShowCommand.class, CatalogRefreshCommand.class})
final class CatalogCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;


    @Spec
    CommandSpec spec;

    CliEnv env() {
        return parent.env();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
