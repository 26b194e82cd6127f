package dev.mlplan.cli;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.workload.Workload;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Where a cold {@code recommend} spends its time, phase by phase. No assertion; run by hand, e.g. with
 * the launcher's class-data-sharing archive: {@code java -XX:+UseSerialGC -XX:TieredStopAtLevel=1
 * -XX:SharedArchiveFile=target/mlplan.jsa -cp target/mlplan.jar:target/test-classes
 * dev.mlplan.cli.StartupPhasesMain WORKLOAD.yaml table|json}.
 */
public final class StartupPhasesMain {
    private StartupPhasesMain() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        CliEnv env = CliEnv.system();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        CommandLine cl = CommandFactory.create(env, out, out);
        long t1 = System.nanoTime();
        cl.parseArgs("recommend", args[0]);
        long t2 = System.nanoTime();
        List<Workload> workloads = Inputs.workloads(List.of(Path.of(args[0])), env);
        long t3 = System.nanoTime();
        Catalog catalog = CatalogLoader.embedded();
        long t4 = System.nanoTime();
        PlanResult plan = new Planner(catalog, ConstraintEngine.standard(), PlanOptions.defaults(VersionProvider.version()).withTop(5), env.today())
                .plan(workloads);
        long t5 = System.nanoTime();
        String text = PlanFormat.valueOf(args.length > 1 ? args[1] : "table").render(plan, false);
        long t6 = System.nanoTime();
        out.flush();
        System.err.printf(Locale.ROOT, "command line built %d ms, parsed %d ms, workload %d ms, catalog %d ms, plan %d ms, render %d ms (%d chars);"
                + " total %d ms after main()%n", ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5), text.length(),
                ms(t6 - t0));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
