package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    @TempDir
    Path dir;

    @Test
    void embeddedCatalogLoadsOnceAndIsValid() {
        Catalog first = CatalogLoader.embedded();
        assertThat(CatalogLoader.embedded()).isSameAs(first);
        assertThat(first.id()).isEqualTo("aws-2026-07");
        assertThat(first.pricesAsOf()).isEqualTo("2026-07-20");
        assertThat(CatalogValidator.problems(first.document())).isEmpty();
    }

    @Test
    void fromFileReadsAValidCatalog() {
        Path file = dir.resolve("small.json");
        CatalogJson.write(TestCatalogs.small(), file);
        Catalog c = CatalogLoader.fromFile(file);
        assertThat(c.instanceType("p4d.24xlarge")).isPresent();
        assertThat(c.price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND)).isPresent();
    }

    @Test
    void missingFileNamesThePath() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void directoryIsRejectedWithThePath() {
        assertThatThrownBy(() -> CatalogLoader.fromFile(dir))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("directory");
    }

    @Test
    void corruptFileIsReportedWithPathAndLocation() throws IOException {
        Path file = dir.resolve("corrupt.json");
        Files.writeString(file, "{ \"formatVersion\": 1, \"id\": \"x\", \"prices\": [ { \"region\": ");
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a valid mlplan catalog")
                .hasMessageContaining("line 1");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        Path file = dir.resolve("unknown.json");
        Files.writeString(file, "{ \"formatVersion\": 1, \"colour\": \"red\" }");
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("colour");
    }

    @Test
    void zeroPriceIsRejected() {
        Path file = dir.resolve("zero.json");
        CatalogJson.write(TestCatalogs.withPrices(TestCatalogs.small(), ps -> {
            List<Price> l = new ArrayList<>(ps);
            Price p = l.get(0);
            l.set(0, new Price(p.region(), p.instanceType(), p.pricing(), 0, 0, p.source()));
            return l;
        }), file);
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("1 prices <= 0 or not a number");
    }

    @Test
    void unknownAcceleratorIsRejected() {
        Path file = dir.resolve("acc.json");
        CatalogJson.write(TestCatalogs.withTypes(TestCatalogs.small(), ts -> ts.stream()
                .map(t -> t.name().equals("p4d.24xlarge")
                        ? new InstanceType(t.name(), t.family(), t.arch(), t.vcpus(), t.memoryGiB(),
                                new InstanceType.Accelerators("A100-96GB", 8, 768), t.ebs(), t.networkGbps(),
                                t.efaInterfaces(), t.currentGeneration(), t.source())
                        : t)
                .toList()), file);
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("accelerator has no specs")
                .hasMessageContaining("p4d.24xlarge (A100-96GB)");
    }

    @Test
    void wrongFormatVersionIsRejected() throws IOException {
        Path file = dir.resolve("v2.json");
        String json = CatalogJson.toJson(TestCatalogs.small()).replaceFirst("\"formatVersion\": 1", "\"formatVersion\": 2");
        Files.writeString(file, json);
        assertThatThrownBy(() -> CatalogLoader.fromFile(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("format version 2");
    }
}
