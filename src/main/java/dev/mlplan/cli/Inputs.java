package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Loading what commands read: the catalog and workload files. */
final class Inputs {
    private Inputs() {}

    /** The environment variable that names a catalog file for every command without --catalog. */
    static final String CATALOG_ENV = "MLPLAN_CATALOG";

    /** --catalog FILE, else $MLPLAN_CATALOG, else the embedded catalog. */
    static Catalog catalog(String file, CliEnv env) {
        String f = file != null ? file : env.env().get(CATALOG_ENV);
        return f == null || f.isBlank() ? CatalogLoader.embedded() : CatalogLoader.fromFile(env.resolve(f));
    }

    /**
     * Parses every file; if any is invalid, reports all their problems at once (exit code 2).
     *
     * @param files as the user wrote them (messages use these names)
     */
    static List<Workload> workloads(List<String> files, CliEnv env) {
        WorkloadParser parser = new WorkloadParser(ModelPresets.names());
        List<Workload> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String f : files) {
            try {
                Workload w = parser.parse(env.resolve(f));
                out.add(withDisplayName(w, f));
            } catch (WorkloadException e) {
                errors.add(e.getMessage().replace(env.resolve(f).toString(), f));
            }
        }
        if (!errors.isEmpty()) {
            throw new ExitException(ExitCode.USAGE, String.join(System.lineSeparator() + "mlplan: ", errors));
        }
        return out;
    }

    static List<Path> paths(List<String> files, CliEnv env) {
        // a loop, not a stream: each stream or lambda costs ~75 µs at its first run in a cold JVM (docs/performance.md)
        List<Path> out = new ArrayList<>(files.size());
        for (String f : files) {
            out.add(env.resolve(f));
        }
        return Collections.unmodifiableList(out);
    }

    private static Workload withDisplayName(Workload w, String file) {
        return new Workload(file, w.version(), w.name(), w.description(), w.regions(), w.budget(), w.constraints(), w.local(), w.assumptions(),
                w.training(), w.inference(), w.storage());
    }
}
