package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.workload.DataSize;
import org.junit.jupiter.api.Test;

/** Issue 20 item 4: a served model's weights in S3 Standard, priced by hand from the catalog's us-east-1 price ($0.023 per GB-month). */
class ModelArtefactCostTest {
    private final ServicePrices prices = new ServicePrices(CatalogLoader.embedded());

    @Test
    void aFleetOrEndpointKeepsItsWeightsInS3() {
        // Llama 3.1 8B in fp16: 8.03e9 × 2 B = 16.06 GB × $0.023 = $0.36938 a month
        CostComponent c = ModelArtefactCost.monthly(prices, "us-east-1", "sagemaker-endpoint", "inference: chat", 8.03e9 * 2).orElseThrow();
        assertThat(c.quantity()).isCloseTo(16.06, within(1e-9));
        assertThat(c.monthlyUsd()).isCloseTo(0.36938, within(1e-9));
        assertThat(c.category()).isEqualTo(CostCategory.STORAGE);
        assertThat(c.name()).isEqualTo("Model artefact [inference: chat, 16.1 GB of weights in S3 Standard]");
        assertThat(ModelArtefactCost.monthly(prices, "us-east-1", "ec2", "inference", 0.2 * DataSize.GIB)).isPresent();
    }

    @Test
    void aLambdaImageOrAnOwnedMachineHasNone() {
        assertThat(ModelArtefactCost.monthly(prices, "us-east-1", "lambda", "inference", 1e9)).isEmpty();
        assertThat(ModelArtefactCost.monthly(prices, "us-east-1", "local", "inference", 1e9)).isEmpty();
    }
}
