package dev.mlplan.cli;

import dev.mlplan.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan validate: checks workload files without planning. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks workload files: YAML, keys, units and values, and their regions and local accelerator against the catalog.",
            "A file reported ok is one recommend accepts. Prints one line per valid file; exit code 2 if any "
                    + "is invalid."
        },
        footer = {"", "Examples:", "  mlplan validate workloads/*.yaml", "  mlplan validate my.yaml --catalog refreshed-catalog.json"})
final class ValidateCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workload YAML files.")
    List<Path> files;

    @Mixin
    CatalogOption catalog;

    @Override
    public void run() {
        List<Workload> workloads = Inputs.workloads(files, parent.env(), catalog.load(parent.env()));
        PrintWriter out = parent.out();
        if (!parent.common.quiet) {
            for (Workload w : workloads) {
                out.println(w.file() + ": ok (" + w.name() + ": " + parts(w) + ")");
            }
        }
        out.flush();
    }

    private static String parts(Workload w) {
        return Stream.of(labels("training", w.trainings()), labels("inference", w.inferences()), labels("batch", w.batches()), labels("storage", w.storages()))
                .flatMap(List::stream)
                .collect(Collectors.joining(", "));
    }

    /** "training", or "training nightly-finetune" for a named item. */
    private static List<String> labels(String kind, List<? extends Workload.Named<?>> items) {
        return items.stream().map(i -> kind + i.name().map(n -> " " + n).orElse("")).toList();
    }
}
