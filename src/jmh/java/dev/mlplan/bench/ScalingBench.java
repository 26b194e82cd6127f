package dev.mlplan.bench;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.workload.Workload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
 * How time grows with the catalog: a synthetic catalog with the embedded one's instance types
 * repeated 1, 2, 5 and 10 times (same specs and prices under new names). Planning one workload in
 * every region, and reading the catalog file, should grow linearly with the factor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class ScalingBench {

    @State(Scope.Benchmark)
    public static class Scaled {
        @Param({"1", "2", "5", "10"})
        public int factor;

        @Param({"llama2-7b-finetune"})
        public String workload;

        Planner planner;
        List<Workload> workloads;
        byte[] json;

        @Setup(Level.Trial)
        public void setUp() {
            CatalogDocument doc = BenchData.scaled(CatalogLoader.embedded().document(), factor);
            planner = BenchData.planner(new Catalog(doc));
            workloads = List.of(BenchData.anyRegion(workload));
            json = CatalogJson.toJson(doc).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public PlanResult planAllRegions(Scaled s) {
        return s.planner.plan(s.workloads);
    }

    @Benchmark
    public Catalog readCatalog(Scaled s) {
        return new Catalog(CatalogJson.read(new ByteArrayInputStream(s.json), "scaled"));
    }
}
