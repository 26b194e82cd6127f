package dev.mlplan.catalog.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.CatalogValidator;
import dev.mlplan.catalog.PricingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CatalogBuilderTest {
    private static final Path REF = Path.of("..", "shared", "reference");

    @Test
    void regionCodes() {
        assertThat(CatalogBuilder.isRegion("us-east-1")).isTrue();
        assertThat(CatalogBuilder.isRegion("us-gov-west-1")).isTrue();
        assertThat(CatalogBuilder.isRegion("ap-southeast-7")).isTrue();
        assertThat(CatalogBuilder.isRegion("us-east-1-atl-1")).isFalse();
        assertThat(CatalogBuilder.isRegion("us-east-1-wl1")).isFalse();
        assertThat(CatalogBuilder.isRegion("cn-north-1")).isFalse();
        assertThat(CatalogBuilder.isRegion("")).isFalse();
    }

    @Test
    void gpuNamesMapToAcceleratorKeys() {
        assertThat(CatalogBuilder.gpuKey("a100", 40960)).isEqualTo("A100-40GB");
        assertThat(CatalogBuilder.gpuKey("a100", 81920)).isEqualTo("A100-80GB");
        assertThat(CatalogBuilder.gpuKey("v100", 16384)).isEqualTo("V100");
        assertThat(CatalogBuilder.gpuKey("v100", 32768)).isEqualTo("V100-32GB");
        assertThat(CatalogBuilder.gpuKey("gaudi-hl-205", 32768)).isNull();
    }

    @Test
    void reservedTermsMapToPricingModels() {
        assertThat(CatalogBuilder.reservedModel("1", "standard", "no_upfront")).isEqualTo(PricingModel.RESERVED_1Y_NO_UPFRONT);
        assertThat(CatalogBuilder.reservedModel("3", "convertible", "partial_upfront"))
                .isEqualTo(PricingModel.RESERVED_3Y_CONVERTIBLE_PARTIAL_UPFRONT);
    }

    /**
     * The upfront fee from the effective rate: the whole term for all upfront (inf1.xlarge us-east-1
     * 1y: $0.134132/h × 8,760 h = $1,175, AWS's fee), half of it for partial upfront (estimated), none for no upfront.
     */
    @Test
    void upfrontFeesFromTheEffectiveRate() {
        assertThat(CatalogBuilder.upfrontUsd(PricingModel.RESERVED_1Y_ALL_UPFRONT, 0.134132)).isEqualTo(1175);
        assertThat(CatalogBuilder.upfrontUsd(PricingModel.RESERVED_3Y_ALL_UPFRONT, 0.095434)).isEqualTo(2508);
        assertThat(CatalogBuilder.upfrontUsd(PricingModel.RESERVED_1Y_PARTIAL_UPFRONT, 3.894336)).isEqualTo(17057);
        assertThat(CatalogBuilder.upfrontUsd(PricingModel.RESERVED_1Y_NO_UPFRONT, 4.0891)).isZero();
    }

    @Test
    void networkText() {
        assertThat(CatalogBuilder.networkGbps("25 Gigabit")).isEqualTo(25);
        assertThat(CatalogBuilder.networkGbps("High")).isZero();
    }

    /** The committed resource is exactly what the builder produces from the reference data. */
    @Test
    void committedCatalogIsTheBuildersOutput() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REF), "reference data not present");
        var doc = new CatalogBuilder(REF).build();
        assertThat(CatalogValidator.problems(doc)).isEmpty();
        String built = CatalogJson.toJson(doc);
        String committed;
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.EMBEDDED_RESOURCE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(built.equals(committed))
                .as("src/main/resources/dev/mlplan/catalog/aws-catalog.json is stale: run scripts/build-catalog.sh")
                .isTrue();
    }
}
