package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded catalog's binary form holds exactly the document its JSON holds. */
class CatalogBinaryTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path (made by the build's process-classes step)").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theBuiltBinaryEqualsTheCommittedJson() throws IOException {
        byte[] json = resource(CatalogLoader.EMBEDDED_RESOURCE);
        byte[] bin = resource(CatalogLoader.EMBEDDED_BINARY);
        CatalogDocument fromJson = CatalogJson.read(new java.io.ByteArrayInputStream(json), "embedded");
        CatalogDocument fromBin = CatalogBinary.read(bin, "embedded");
        assertThat(fromBin).isEqualTo(fromJson);
        // records compare doubles with Double.compare; check the bits of every price too
        for (int i = 0; i < fromJson.prices().size(); i++) {
            assertThat(Double.doubleToRawLongBits(fromBin.prices().get(i).usdPerHour()))
                    .isEqualTo(Double.doubleToRawLongBits(fromJson.prices().get(i).usdPerHour()));
            assertThat(Double.doubleToRawLongBits(fromBin.prices().get(i).upfrontUsd()))
                    .isEqualTo(Double.doubleToRawLongBits(fromJson.prices().get(i).upfrontUsd()));
        }
        assertThat(bin.length).as("binary size vs the JSON's").isLessThan(json.length / 3);
    }

    @Test
    void theEmbeddedCatalogLoadsFromTheBinaryAndEqualsTheJsonCatalog() throws IOException {
        CatalogDocument fromJson = CatalogJson.read(new java.io.ByteArrayInputStream(resource(CatalogLoader.EMBEDDED_RESOURCE)), "embedded");
        assertThat(CatalogLoader.embedded().document()).isEqualTo(fromJson);
    }

    @Test
    void theBuiltBinaryNamesTheLengthOfItsJson() throws IOException {
        assertThat(CatalogBinary.sourceBytes(resource(CatalogLoader.EMBEDDED_BINARY), "embedded"))
                .isEqualTo(resource(CatalogLoader.EMBEDDED_RESOURCE).length);
        assertThat(CatalogBinary.sourceBytes(CatalogBinary.write(TestCatalogs.small(), 1234), "t")).isEqualTo(1234);
    }

    /** In a class-path directory the JSON can be copied after the binary was made (an IDE, {@code mvn compile}). */
    @Test
    void aBinaryLeftOverFromAnotherJsonIsNotUsed(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("c.json");
        Path bin = dir.resolve("c.bin");
        Files.writeString(json, "{\"twelve\": 1}");
        byte[] bytes = CatalogBinary.write(TestCatalogs.small(), Files.size(json));
        Files.write(bin, bytes);
        Files.setLastModifiedTime(json, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(bin, FileTime.fromMillis(2_000_000));
        assertThat(CatalogLoader.binaryIsCurrent(json, bin, bytes)).as("made from this JSON").isTrue();

        Files.setLastModifiedTime(json, FileTime.fromMillis(3_000_000));
        assertThat(CatalogLoader.binaryIsCurrent(json, bin, bytes)).as("JSON changed since, same length").isFalse();

        Files.writeString(json, "{\"thirteen\": 1}");
        Files.setLastModifiedTime(json, FileTime.fromMillis(1_000_000));
        assertThat(CatalogLoader.binaryIsCurrent(json, bin, bytes)).as("JSON of another length").isFalse();
        assertThat(CatalogLoader.binaryIsCurrent(dir.resolve("gone.json"), bin, bytes)).isFalse();
        assertThat(CatalogLoader.binaryIsCurrent(json, bin, new byte[] {1, 2})).isFalse();
    }

    @Test
    void writingIsDeterministic() {
        CatalogDocument small = TestCatalogs.small();
        assertThat(CatalogBinary.write(small, 10)).isEqualTo(CatalogBinary.write(small, 10));
    }

    @Test
    void nullsRoundTrip() {
        CatalogDocument small = TestCatalogs.small();
        List<SpotInfo> spot = new ArrayList<>(small.spot());
        SpotInfo s = spot.get(0);
        spot.set(0, new SpotInfo(s.region(), s.instanceType(), null, null, null, null, null, null));
        List<InstanceType> types = new ArrayList<>(small.instanceTypes());
        InstanceType t = types.get(0);
        types.set(0, new InstanceType(t.name(), t.family(), null, t.vcpus(), t.memoryGiB(), null, null, t.networkGbps(), t.efaInterfaces(),
                t.currentGeneration(), t.source()));
        List<Price> prices = new ArrayList<>(small.prices());
        Price p = prices.get(0);
        prices.set(0, new Price(p.region(), p.instanceType(), null, Double.NaN, -0.0, null));
        CatalogDocument doc = new CatalogDocument(small.formatVersion(), small.id(), small.pricesAsOf(), null, small.sources(),
                small.accelerators(), types, prices, spot, small.limits(), small.servicePrices(), small.ebsVolumeTypes());
        assertThat(CatalogBinary.read(CatalogBinary.write(doc, -1), "t")).isEqualTo(doc).isNotEqualTo(small);
    }

    @Test
    void anythingElseIsACatalogErrorNotACrash() {
        byte[] good = CatalogBinary.write(TestCatalogs.small(), -1);
        assertThatThrownBy(() -> CatalogBinary.read(Arrays.copyOf(good, good.length - 5), "cut"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("cut is not a readable binary catalog");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> CatalogBinary.read(longer, "long")).isInstanceOf(CatalogException.class).hasMessageContaining("1 bytes after");
        byte[] other = good.clone();
        other[0] = '{';
        assertThatThrownBy(() -> CatalogBinary.read(other, "json")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("not a binary catalog of codec version");
        assertThatThrownBy(() -> CatalogBinary.read(new byte[0], "empty")).isInstanceOf(CatalogException.class);
        // a string-table count that is negative or larger than the bytes left: an error, not an array of that size
        int countAt = CatalogBinary.MAGIC.length + 4 + 8;
        for (int bad : new int[] {-2, Integer.MAX_VALUE, good.length}) {
            byte[] b = good.clone();
            java.nio.ByteBuffer.wrap(b).putInt(countAt, bad);
            assertThatThrownBy(() -> CatalogBinary.read(b, "count")).as("count %d", bad).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("count is not a readable binary catalog");
        }
        // every single-byte change and every cut either reads or is a catalog error
        java.util.Random random = new java.util.Random(2261);
        for (int i = 0; i < 2_000; i++) {
            byte[] b = Arrays.copyOf(good, i % 2 == 0 ? good.length : random.nextInt(good.length));
            if (b.length > 0) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                CatalogBinary.read(b, "changed");
            } catch (CatalogException e) {
                // expected for most
            }
        }
    }
}
