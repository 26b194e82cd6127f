package dev.mlplan.cli;

import dev.mlplan.workload.Workload;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** mlplan validate: checks workload files without planning. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks workload files: YAML, keys, units and values. Prints one line per valid file; exit code 2 if any is invalid.",
        footer = {"", "Examples:", "  mlplan validate workloads/*.yaml"})
final class ValidateCommand implements Runnable {
    @ParentCommand
    MlplanCommand parent;


    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Workload YAML files.")
    List<String> files;

    @Override
    public void run() {
        List<Workload> ws = Inputs.workloads(files, parent.env());
        PrintWriter out = parent.out();
        if (!parent.common.quiet) {
            for (Workload w : ws) {
                // ifs, not a stream of Optionals: each stream or lambda costs ~75 µs at its first run in a cold JVM (docs/performance.md)
                List<String> present = new ArrayList<>(3);
                if (w.training().isPresent()) {
                    present.add("training");
                }
                if (w.inference().isPresent()) {
                    present.add("inference");
                }
                if (w.storage().isPresent()) {
                    present.add("storage");
                }
                String parts = String.join(", ", present);
                out.println(w.file() + ": ok (" + w.name() + ": " + parts + ")");
            }
        }
        out.flush();
    }
}
