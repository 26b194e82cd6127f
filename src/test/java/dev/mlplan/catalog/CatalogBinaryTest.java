package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        CatalogDocument fromJson = CatalogJson.readWithDataBinding(json);
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
        CatalogDocument fromJson = CatalogJson.readWithDataBinding(resource(CatalogLoader.EMBEDDED_RESOURCE));
        assertThat(CatalogLoader.embedded().document()).isEqualTo(fromJson);
    }

    @Test
    void writingIsDeterministic() {
        CatalogDocument small = TestCatalogs.small();
        assertThat(CatalogBinary.write(small)).isEqualTo(CatalogBinary.write(small));
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
        assertThat(CatalogBinary.read(CatalogBinary.write(doc), "t")).isEqualTo(doc).isNotEqualTo(small);
    }

    @Test
    void anythingElseIsACatalogErrorNotACrash() {
        byte[] good = CatalogBinary.write(TestCatalogs.small());
        assertThatThrownBy(() -> CatalogBinary.read(Arrays.copyOf(good, good.length - 5), "cut"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("cut is not a readable binary catalog");
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> CatalogBinary.read(longer, "long")).isInstanceOf(CatalogException.class).hasMessageContaining("1 bytes after");
        byte[] other = good.clone();
        other[0] = '{';
        assertThatThrownBy(() -> CatalogBinary.read(other, "json")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("not a binary catalog of codec version");
        assertThatThrownBy(() -> CatalogBinary.read(new byte[0], "empty")).isInstanceOf(CatalogException.class);
    }
}
