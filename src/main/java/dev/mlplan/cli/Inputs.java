package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.gate.GateResult;
import dev.mlplan.util.SafeText;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import dev.mlplan.workload.WorkloadParser;
import java.nio.file.Files;
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
            return CatalogLoader.fromFile(regular(env.resolve(file), "--catalog " + file));
        }
        String fromEnv = env.env().get(CATALOG_ENV);
        return fromEnv == null || fromEnv.isBlank() ? CatalogLoader.embedded()
                : CatalogLoader.fromFile(regular(env.resolve(fromEnv), CATALOG_ENV + "=" + fromEnv));
    }

    /**
     * {@code file}, unless it is a FIFO, socket or device: those are refused before they are opened
     * (opening a FIFO waits for a writer that may never come).
     *
     * @param what how the message names it, such as "--catalog c.json"
     */
    static Path regular(Path file, String what) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new ExitException(ExitCode.USAGE, what + " is not a regular file (a FIFO, socket or device)");
        }
        return file;
    }

    /** The file name that means standard input. */
    static final String STDIN = "-";

    /** How standard input is named in messages and plans. */
    static final String STDIN_NAME = "<stdin>";

    static boolean isStdin(Path file) {
        return file.toString().equals(STDIN);
    }

    /**
     * Parses every file ({@code -}: standard input, once); if any is invalid, reports all their
     * problems at once (exit code 2).
     *
     * @param files as the user wrote them (messages use these names)
     */
    static List<Workload> workloads(List<Path> files, CliEnv env) {
        return valid(parseEach(files, env, null));
    }

    /**
     * Parses every file as {@link #workloads(List, CliEnv)} does, also refusing regions and local
     * accelerators {@code catalog} does not know (what planning would refuse), at their line and column.
     */
    static List<Workload> workloads(List<Path> files, CliEnv env, Catalog catalog) {
        return valid(parseEach(files, env, catalog));
    }

    /** The workloads that parsed; exit 2 naming every problem when any file is invalid. */
    private static List<Workload> valid(Parsed parsed) {
        if (!parsed.invalid().isEmpty()) {
            throw new ExitException(ExitCode.USAGE, parsed.invalid().stream().map(GateResult.InvalidFile::describe)
                    .collect(java.util.stream.Collectors.joining(System.lineSeparator() + "mlplan: ")));
        }
        return parsed.valid();
    }

    /** The files that parsed, and the problem of each that did not, in the order given. */
    record Parsed(List<Workload> valid, List<GateResult.InvalidFile> invalid) {}

    /**
     * Parses every file, keeping going past invalid ones ({@code check} plans the valid files and
     * reports each invalid one).
     *
     * @param files as the user wrote them (messages use these names)
     * @param catalog when not null, regions and local accelerators it does not know are problems too
     */
    static Parsed parseEach(List<Path> files, CliEnv env, Catalog catalog) {
        WorkloadParser parser = ModelPresets.workloadParser();
        if (catalog != null) {
            Set<String> accelerators = new TreeSet<>();
            catalog.accelerators().forEach(a -> accelerators.add(a.name()));
            parser = parser.checkingCatalog(catalog.regions(), accelerators);
        }
        List<Workload> out = new ArrayList<>();
        List<GateResult.InvalidFile> invalid = new ArrayList<>();
        if (files.stream().filter(Inputs::isStdin).count() > 1) {
            throw new ExitException(ExitCode.USAGE, "'-' (standard input) is given more than once; it can be read once");
        }
        for (Path f : files) {
            if (isStdin(f)) {
                try {
                    out.add(parser.parse(STDIN_NAME, System.in));
                } catch (WorkloadException e) {
                    invalid.add(invalid(e, STDIN_NAME));
                }
                continue;
            }
            try {
                out.add(withDisplayName(parser.parse(env.resolve(f)), SafeText.oneLine(f.toString())));
            } catch (WorkloadException e) {
                invalid.add(invalid(e, f.toString(), env.resolve(f).toString()));
            }
        }
        return new Parsed(List.copyOf(out), List.copyOf(invalid));
    }

    /** A workload's problem as an invalid file named {@code file}. */
    static GateResult.InvalidFile invalid(WorkloadException e, String file) {
        return invalid(e, file, file);
    }

    /** @param resolved the file's path as read, replaced by {@code file} in the message */
    private static GateResult.InvalidFile invalid(WorkloadException e, String file, String resolved) {
        String problem = e.problem() + e.hint().filter(h -> !h.isBlank()).map(h -> " (" + h + ")").orElse("");
        // the exception's text is already safe (WorkloadException); the names are made safe the same way to match it
        String safeFile = SafeText.oneLine(file);
        return new GateResult.InvalidFile(safeFile, e.line() > 0 ? e.line() : null, e.line() > 0 && e.column() > 0 ? e.column() : null,
                problem.replace(SafeText.oneLine(resolved), safeFile));
    }

    /** The files as paths, for the check that --output never overwrites an input ({@code -} is none). */
    static List<Path> paths(List<Path> files, CliEnv env) {
        return files.stream().filter(f -> !isStdin(f)).map(env::resolve).toList();
    }

    private static Workload withDisplayName(Workload w, String file) {
        return w.withFile(file);
    }
}
