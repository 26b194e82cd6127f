package dev.mlplan.report;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.Portfolio;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A renderer that writes a plan one workload at a time, so that a plan of a thousand workload files
 * is never held whole: {@link #begin} with the plan's head (versions, catalog, objective), then
 * {@link #workload} for each workload as it is planned, then {@link #end} with the portfolio total.
 * Every format renders through its writer; rendering a whole {@link PlanResult} to a string
 * ({@link #render}) is the same calls into a {@link StringWriter}.
 */
public interface PlanWriter {
    /** The plan's head: {@link PlanResult#workloads()} is empty here. */
    void begin(PlanResult head) throws IOException;

    void workload(WorkloadPlan w) throws IOException;

    /**
     * @param portfolio the portfolio total of several workloads, null for one
     */
    void end(Portfolio portfolio) throws IOException;

    /** Makes a writer into an output. */
    @FunctionalInterface
    interface Factory {
        PlanWriter into(Writer out);
    }

    /** The whole plan rendered by the writer {@code factory} makes. */
    static String render(PlanResult plan, Factory factory) {
        StringWriter out = new StringWriter();
        PlanWriter w = factory.into(out);
        try {
            w.begin(new PlanResult(plan.schemaVersion(), plan.mlplanVersion(), plan.catalog(), java.util.List.of(), null, plan.objective()));
            for (WorkloadPlan workload : plan.workloads()) {
                w.workload(workload);
            }
            w.end(plan.portfolio());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
