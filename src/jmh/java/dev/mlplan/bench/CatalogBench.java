package dev.mlplan.bench;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogBinary;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogValidator;
import dev.mlplan.catalog.PricingModel;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the embedded catalog from its bytes (the jar read is not included): the JSON read
 * ({@link CatalogJson#read}, what a user's catalog file takes), the binary read the embedded catalog
 * takes when a command asks for the whole document ({@link CatalogBinary#read}), what a start takes (the
 * binary opened and two regions read), the indices ({@code new Catalog}), and the full validation that
 * user catalog files get. Warm figures; the cold, once-per-process cost is in docs/performance.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CatalogBench {
    byte[] json;
    byte[] binary;
    CatalogDocument doc;

    @Setup(Level.Trial)
    public void setUp() {
        json = BenchData.embeddedBytes();
        doc = CatalogJson.read(new ByteArrayInputStream(json), "embedded");
        binary = CatalogBinary.write(doc, json.length);
    }

    @Benchmark
    public CatalogDocument read() {
        return CatalogJson.read(new ByteArrayInputStream(json), "embedded");
    }

    @Benchmark
    public CatalogDocument readBinary() {
        return CatalogBinary.read(binary, "embedded");
    }

    /**
     * What a start does with the embedded binary: open it (small lists, directory of regions), then
     * read the two regions of a typical workload at their first lookups.
     */
    @Benchmark
    public Object openTwoRegions() {
        Catalog c = new Catalog(CatalogBinary.open(binary, "embedded"));
        return new Object[] {c.price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND), c.price("us-west-2", "p4d.24xlarge", PricingModel.ON_DEMAND)};
    }

    @Benchmark
    public Catalog indices() {
        return new Catalog(doc);
    }

    @Benchmark
    public Object validate() {
        return CatalogValidator.problems(doc);
    }
}
