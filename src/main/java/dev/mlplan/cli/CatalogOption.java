package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}: the catalog a command reads instead of the embedded one. */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "FILE", description = "Use this catalog file instead of the embedded one.")
    Path file;

    /** --catalog FILE, else $MLPLAN_CATALOG, else the embedded catalog. */
    Catalog load(CliEnv env) {
        return Inputs.catalog(file, env);
    }
}
