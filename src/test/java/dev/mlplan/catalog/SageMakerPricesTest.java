package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: SageMaker prices were EC2 × a markup and 4–33% low (ml.p4d.24xlarge −33%). Where a
 * published ml.* price is known (us-east-1, AWS's FMBench table) it is used; other regions scale it by
 * the region's EC2 price; the rest stays estimated with its rule.
 */
class SageMakerPricesTest {
    private final Catalog c = CatalogLoader.embedded();

    private ServicePrice price(String id, String region) {
        return c.document().servicePrices().stream().filter(p -> p.id().equals(id) && p.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void aPublishedPriceIsUsedInUsEast1() {
        ServicePrice p4d = price("sagemaker.hosting.ml.p4d.24xlarge.hour", "us-east-1");
        assertThat(p4d.usd()).isEqualTo(37.688);
        assertThat(p4d.source()).isEqualTo("fmbench-sagemaker-hourly-pricing");
        assertThat(price("sagemaker.training.ml.g5.xlarge.hour", "us-east-1").usd()).isEqualTo(1.4084);
        assertThat(c.source("fmbench-sagemaker-hourly-pricing").orElseThrow().estimated()).isFalse();
    }

    @Test
    void otherRegionsScaleThePublishedPriceByTheirEc2Price() {
        double ec2East = c.price("us-east-1", "g5.xlarge", PricingModel.ON_DEMAND).orElseThrow().usdPerHour();
        double ec2Ireland = c.price("eu-west-1", "g5.xlarge", PricingModel.ON_DEMAND).orElseThrow().usdPerHour();
        ServicePrice ireland = price("sagemaker.training.ml.g5.xlarge.hour", "eu-west-1");
        assertThat(ireland.usd()).isCloseTo(1.4084 * ec2Ireland / ec2East, within(1e-6));
        assertThat(c.source(ireland.source()).orElseThrow().estimated()).isTrue();
    }

    @Test
    void aTypeWithoutAPublishedPriceStaysEstimatedWithItsRule() {
        ServicePrice g6e = price("sagemaker.hosting.ml.g6e.xlarge.hour", "us-east-1");
        assertThat(g6e.source()).isEqualTo("estimated-sagemaker-from-ec2-markup");
        assertThat(c.source(g6e.source()).orElseThrow().note()).contains("Rule:");
    }
}
