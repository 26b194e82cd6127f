package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.CatalogValidator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 7, found by SecretsCliTest): a refresh merged over the embedded catalog, whose
 * spot entries without a price carry no price source (null), failed with a NullPointerException
 * (exit code 4) in CatalogMerger.mergeSources.
 */
class MergeOverEmbeddedCatalogTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @Test
    void anEmptyRefreshOverTheEmbeddedCatalogKeepsItValid() {
        CatalogDocument embedded = CatalogLoader.embedded().document();
        assertThat(embedded.spot()).anyMatch(s -> s.priceSource() == null);
        FetchedCatalog nothing = new FetchedCatalog(List.of(), List.of(), List.of(), List.of(), 0, 0, List.of());

        RefreshResult r = CatalogMerger.merge(embedded, nothing, List.of("us-east-1"), EnumSet.allOf(AwsService.class), DAY);

        assertThat(CatalogValidator.problems(r.catalog())).isEmpty();
        assertThat(r.catalog().prices()).hasSameSizeAs(embedded.prices());
    }

    @Test
    void aRefreshedPriceOverTheEmbeddedCatalogKeepsItValid() {
        CatalogDocument embedded = CatalogLoader.embedded().document();
        FetchedCatalog one = new FetchedCatalog(List.of(),
                List.of(new Price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND, 19.5, 0, "aws-price-list-api-2026-11-21")),
                List.of(), List.of(), 0, 0, List.of());

        RefreshResult r = CatalogMerger.merge(embedded, one, List.of("us-east-1"), EnumSet.of(AwsService.EC2), DAY);

        assertThat(CatalogValidator.problems(r.catalog())).isEmpty();
        assertThat(r.report().prices().changed()).isEqualTo(1);
    }

    @Test
    void aFractionalGpuTypeAsDescribeInstanceTypesReportsItKeepsItsFractionOfAnL4() {
        CatalogDocument embedded = CatalogLoader.embedded().document();
        InstanceType before = embedded.instanceTypes().stream().filter(t -> t.name().equals("g6f.large")).findFirst().orElseThrow();
        // DescribeInstanceTypes: GPU "L4", count 0, 2,861 MiB (the eighth of an L4), as the mapper turns it into figures
        InstanceType fetched = new InstanceType(before.name(), before.family(), before.arch(), before.vcpus(), before.memoryGiB(),
                new InstanceType.Accelerators("L4", 0, 2861 / 1024.0), before.ebs(), before.networkGbps(), before.efaInterfaces(),
                before.currentGeneration(), before.source());
        FetchedCatalog one = new FetchedCatalog(List.of(fetched), List.of(), List.of(), List.of(), 0, 0, List.of());

        RefreshResult r = CatalogMerger.merge(embedded, one, List.of("us-east-1"), EnumSet.of(AwsService.EC2), DAY);

        InstanceType after = r.catalog().instanceTypes().stream().filter(t -> t.name().equals("g6f.large")).findFirst().orElseThrow();
        assertThat(after.accelerators()).isEqualTo(new InstanceType.Accelerators("L4-1/8", 1, 2861 / 1024.0));
        assertThat(CatalogValidator.problems(r.catalog())).isEmpty();
    }
}
