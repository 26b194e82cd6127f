package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loading what commands read: the catalog and workload files. */
final class Inputs {
    private Inputs() {}

    /** The environment variable that names a catalog file for every command without --catalog. */
    static final String CATALOG_ENV = "MLPLAN_CATALOG";

    /** The file, else $MLPLAN_CATALOG, else the embedded catalog. */
    static Catalog catalog(Path file, CliEnv env) {
        if (file != null) {
            return CatalogLoader.fromFile(env.resolve(file));
        }
        String fromEnv = env.env().get(CATALOG_ENV);
        return fromEnv == null || fromEnv.isBlank() ? CatalogLoader.embedded() : CatalogLoader.fromFile(env.resolve(fromEnv));
    }

    /**
     * Parses every file; if any is invalid, reports all their problems at once (exit code 2).
     *
     * @param files as the user wrote them (messages use these names)
     */
    static List<Workload> workloads(List<Path> files, CliEnv env) {
        return workloads(files, env, ModelPresets.workloadParser());
    }

    /**
     * Parses every file as {@link #workloads(List, CliEnv)} does, also refusing regions and local
     * accelerators {@code catalog} does not know (what planning would refuse), at their line and column.
     */
    static List<Workload> workloads(List<Path> files, CliEnv env, Catalog catalog) {
        Set<String> accelerators = new TreeSet<>();
        catalog.accelerators().forEach(a -> accelerators.add(a.name()));
        return workloads(files, env, ModelPresets.workloadParser().checkingCatalog(catalog.regions(), accelerators));
    }

    private static List<Workload> workloads(List<Path> files, CliEnv env, WorkloadParser parser) {
        List<Workload> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(withDisplayName(parser.parse(env.resolve(f)), f.toString()));
            } catch (WorkloadException e) {
                errors.add(e.getMessage().replace(env.resolve(f).toString(), f.toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, String.join(System.lineSeparator() + "mlplan: ", errors));
        }
        return out;
    }

    static List<Path> paths(List<Path> files, CliEnv env) {
        return files.stream().map(env::resolve).toList();
    }

    private static Workload withDisplayName(Workload w, String file) {
        return w.withFile(file);
    }
}
