package dev.mlplan.bench;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.workload.Workload;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine after warm-up: {@link Planner#plan(List)} on the embedded catalog (loaded once, not
 * timed). Targets (issue 8): one workload over the full catalog, every region and pricing model,
 * within 20 ms; 1,000 workloads within 5 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EngineBench {

    /** One example workload with regions: [any]. */
    @State(Scope.Benchmark)
    public static class OneWorkload {
        @Param({"llama2-7b-finetune", "bert-realtime", "llm-chat-serving", "resnet50-imagenet", "llama3-70b-pretrain", "research-rtx4090",
            "feature-store-iops", "thousand-gpu-s3"})
        public String workload;

        Planner planner;
        List<Workload> workloads;

        @Setup(Level.Trial)
        public void setUp() {
            planner = BenchData.planner(CatalogLoader.embedded());
            workloads = List.of(BenchData.anyRegion(workload));
        }
    }

    @Benchmark
    public PlanResult oneWorkloadAllRegions(OneWorkload s) {
        return s.planner.plan(s.workloads);
    }

    /** n variations of the examples (seed 8), one to three regions each. */
    @State(Scope.Benchmark)
    public static class Batch {
        @Param({"10", "100", "1000"})
        public int workloads;

        Planner planner;
        List<Workload> batch;

        @Setup(Level.Trial)
        public void setUp() {
            Catalog catalog = CatalogLoader.embedded();
            planner = BenchData.planner(catalog);
            batch = BenchData.variations(workloads, 8, catalog);
        }
    }

    @Benchmark
    public PlanResult batch(Batch s) {
        return s.planner.plan(s.batch);
    }
}
