package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path of {@link CatalogJson#read} gives exactly what data binding gives, or steps aside. */
class CatalogFastReaderTest {
    private static byte[] embeddedBytes() throws IOException {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.EMBEDDED_RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void embeddedCatalogTakesTheFastPathAndEqualsDataBinding() throws IOException {
        byte[] bytes = embeddedBytes();
        CatalogDocument fast = CatalogJson.readFast(bytes);
        assertThat(fast).isNotNull();
        CatalogDocument bound = CatalogJson.readWithDataBinding(bytes);
        assertThat(fast).isEqualTo(bound);
        // records compare doubles with Double.compare; check the bits of every price as well
        for (int i = 0; i < bound.prices().size(); i++) {
            assertThat(Double.doubleToRawLongBits(fast.prices().get(i).usdPerHour()))
                    .isEqualTo(Double.doubleToRawLongBits(bound.prices().get(i).usdPerHour()));
        }
        assertThat(CatalogJson.read(new ByteArrayInputStream(bytes), "embedded")).isEqualTo(bound);
    }

    @Test
    void writtenCatalogRoundTripsThroughTheFastPath() throws IOException {
        CatalogDocument small = TestCatalogs.small();
        byte[] bytes = CatalogJson.toJson(small).getBytes(StandardCharsets.UTF_8);
        assertThat(CatalogJson.readFast(bytes)).isEqualTo(small).isEqualTo(CatalogJson.readWithDataBinding(bytes));
    }

    @Test
    void nullsAndIntegersInRowsAreReadLikeDataBinding() throws IOException {
        CatalogDocument small = TestCatalogs.small();
        List<SpotInfo> spot = new ArrayList<>(small.spot());
        SpotInfo s = spot.get(0);
        spot.set(0, new SpotInfo(s.region(), s.instanceType(), null, null, null, null, null, null));
        List<Price> prices = new ArrayList<>(small.prices());
        Price p = prices.get(0);
        prices.set(0, new Price(p.region(), p.instanceType(), p.pricing(), 3, 0, p.source()));
        CatalogDocument doc = new CatalogDocument(small.formatVersion(), small.id(), small.pricesAsOf(), null, small.sources(),
                small.accelerators(), small.instanceTypes(), prices, spot, small.limits(), small.servicePrices(), small.ebsVolumeTypes());
        byte[] bytes = CatalogJson.toJson(doc).replace(",3.0,", ",3,").getBytes(StandardCharsets.UTF_8);
        CatalogDocument fast = CatalogJson.readFast(bytes);
        assertThat(fast).isNotNull().isEqualTo(doc).isEqualTo(CatalogJson.readWithDataBinding(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"formatVersion\": 1, \"colour\": \"red\"}",
        "{\"formatVersion\": 1, \"id\": \"x\"}",
        "{\"formatVersion\": \"1\"}",
        "[]",
        "null",
        "",
        "{\"formatVersion\": 1, \"prices\": [[\"us-east-1\", \"m5.large\", \"on-demand\", \"0.096\", 0, \"s\"]]}",
        "{\"formatVersion\": 1, \"prices\": [[\"us-east-1\", \"m5.large\", \"bogus\", 0.096, 0, \"s\"]]}",
        "{ \"formatVersion\": 1, \"id\": \"x\", \"prices\": [ { \"region\": "
    })
    void anythingElseIsLeftToDataBinding(String json) {
        assertThat(CatalogJson.readFast(json.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void duplicateFieldsAndTrailingContentAreLeftToDataBinding() throws IOException {
        String json = CatalogJson.toJson(TestCatalogs.small());
        String duplicate = json.replaceFirst("\"id\": ", "\"id\": \"other\", \"id\": ");
        assertThat(CatalogJson.readFast(duplicate.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CatalogJson.read(new ByteArrayInputStream(duplicate.getBytes(StandardCharsets.UTF_8)), "dup"))
                .isEqualTo(CatalogJson.readWithDataBinding(duplicate.getBytes(StandardCharsets.UTF_8)));
        String trailing = json + "{}";
        assertThat(CatalogJson.readFast(trailing.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(CatalogJson.read(new ByteArrayInputStream(trailing.getBytes(StandardCharsets.UTF_8)), "trailing"))
                .isEqualTo(TestCatalogs.small());
    }

    @Test
    void coercionsAreLeftToDataBinding() throws IOException {
        String json = CatalogJson.toJson(TestCatalogs.small());
        assertThat(json).contains("\"currentGeneration\":true");
        byte[] coerced = json.replace("\"currentGeneration\":true", "\"currentGeneration\":\"true\"").getBytes(StandardCharsets.UTF_8);
        assertThat(CatalogJson.readFast(coerced)).isNull();
        assertThat(CatalogJson.read(new ByteArrayInputStream(coerced), "coerced")).isEqualTo(TestCatalogs.small());
    }

    @Test
    void errorsStillComeFromDataBinding() {
        byte[] bytes = "{\"formatVersion\": 1, \"prices\": [[\"us-east-1\", \"m5.large\", \"bogus\", 0.096, 0, \"s\"]]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogJson.read(new ByteArrayInputStream(bytes), "bad"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("catalog bad is not a valid mlplan catalog")
                .hasMessageContaining("unknown pricing model 'bogus'");
    }
}
