package dev.mlplan.cli;

import dev.mlplan.workload.Percent;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Assumptions;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Estimation assumptions set on the command line; they override the workloads' {@code assumptions:}
 * sections (which override mlplan's defaults per accelerator).
 */
public final class AssumptionOptions {
    @Option(names = "--mfu", paramLabel = "F", description = "Training model-FLOPs utilisation, 0-1 (default: per accelerator, e.g. 0.40 on A100/H100).")
    Double mfu;

    @Option(names = "--mbu", paramLabel = "F", description = "Decode memory-bandwidth utilisation, 0-1 (default: 0.5 for a tuned serving stack).")
    Double mbu;

    @Option(names = "--multi-node-efficiency", paramLabel = "F", description = "Scaling efficiency per doubling of nodes, 0-1 (default: 0.95 with EFA, 0.80 without).")
    Double multiNodeEfficiency;

    @Option(names = "--headroom", paramLabel = "F", description = "Spare serving capacity over peak, 0-1 (default: 0.2).")
    Double headroom;

    List<Workload> apply(List<Workload> workloads) {
        check("--mfu", mfu, false);
        check("--mbu", mbu, false);
        check("--multi-node-efficiency", multiNodeEfficiency, false);
        check("--headroom", headroom, true);
        if (mfu == null && mbu == null && multiNodeEfficiency == null && headroom == null) {
            return workloads;
        }
        return workloads.stream().map(this::apply).toList();
    }

    private Workload apply(Workload w) {
        Assumptions a = w.assumptions().orElse(Assumptions.none());
        Assumptions merged = new Assumptions(
                mfu != null ? Optional.of(mfu) : a.mfu(),
                mbu != null ? Optional.of(mbu) : a.mbu(),
                multiNodeEfficiency != null ? Optional.of(multiNodeEfficiency) : a.multiNodeEfficiency(),
                headroom != null ? Optional.of(new Percent(headroom)) : a.servingHeadroom(),
                a.spotRestart());
        return w.withAssumptions(Optional.of(merged));
    }

    private static void check(String name, Double v, boolean zeroAllowed) {
        if (v != null && (v.isNaN() || v > 1 || v < 0 || (!zeroAllowed && v == 0))) {
            throw new ExitException(ExitCode.USAGE, name + " must be " + (zeroAllowed ? "between 0 and 1" : "above 0 and at most 1") + ", got " + v);
        }
    }
}
