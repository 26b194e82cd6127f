package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.Source;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.catalog.aws.RefreshReport.KeptKind;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge alone: no network, no SDK client. */
class CatalogMergerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final String NEW_PRICES = "aws-price-list-api-2026-11-21";
    private static final String NEW_SPECS = "aws-ec2-describe-instance-types-2026-11-21";
    private static final String NEW_SPOT = "aws-ec2-spot-price-history-2026-11-21";
    private final CatalogDocument previous = TestCatalogs.previous();

    private static FetchedCatalog fetched(List<InstanceType> types, List<Price> prices, List<SpotInfo> spot,
            List<ServicePrice> servicePrices) {
        return new FetchedCatalog(types, prices, spot, servicePrices, 0, 0, List.of());
    }

    private RefreshResult merge(FetchedCatalog f, Set<AwsService> services) {
        return CatalogMerger.merge(previous, f, List.of("us-east-1"), services, DAY);
    }

    @Test
    void fetchedFiguresReplaceThePreviousOnesAndNameTheNewSource() {
        FetchedCatalog f = fetched(List.of(),
                List.of(new Price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND, 19.50, 0, NEW_PRICES)),
                List.of(), List.of(new ServicePrice("lambda.requests", "us-east-1", 0.25, "1M requests", NEW_PRICES)));

        RefreshResult r = merge(f, EnumSet.of(AwsService.EC2, AwsService.LAMBDA));
        Catalog c = new Catalog(r.catalog());

        Price od = c.price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND).orElseThrow();
        assertThat(od.usdPerHour()).isEqualTo(19.50);
        assertThat(od.source()).isEqualTo(NEW_PRICES);
        assertThat(c.servicePrice("lambda.requests", "us-east-1").orElseThrow().usd()).isEqualTo(0.25);
        Source s = c.source(NEW_PRICES).orElseThrow();
        assertThat(s.kind()).isEqualTo("published");
        assertThat(s.asOf()).isEqualTo("2026-11-21");
        assertThat(s.url()).startsWith("https://docs.aws.amazon.com/");
        assertThat(r.catalog().id()).isEqualTo("aws-2026-11");
        assertThat(r.catalog().pricesAsOf()).isEqualTo("2026-11-21");
        assertThat(r.report().prices().refreshed()).isEqualTo(1);
        assertThat(r.report().prices().changed()).isEqualTo(1);
        assertThat(r.report().servicePrices().changed()).isEqualTo(1);
        // untouched parts of the document
        assertThat(r.catalog().limits()).isEqualTo(previous.limits());
        assertThat(r.catalog().accelerators()).isEqualTo(previous.accelerators());
        assertThat(r.catalog().ebsVolumeTypes()).isEqualTo(previous.ebsVolumeTypes());
        assertThat(r.catalog().sources()).containsAll(previous.sources());
    }

    @Test
    void whatTheApisDidNotReturnIsKeptAndListed() {
        FetchedCatalog f = fetched(List.of(),
                List.of(new Price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND, 21.957642, 0, NEW_PRICES)),
                List.of(), List.of(new ServicePrice("ebs.gp3.gb-month", "us-east-1", 0.08, "GB-month", NEW_PRICES)));

        RefreshResult r = merge(f, EnumSet.of(AwsService.EC2, AwsService.EBS, AwsService.SAGEMAKER));
        Catalog c = new Catalog(r.catalog());
        RefreshReport report = r.report();

        // kept figures keep their values and sources
        Price trn1 = c.price("us-east-1", "trn1.32xlarge", PricingModel.ON_DEMAND).orElseThrow();
        assertThat(trn1.usdPerHour()).isEqualTo(21.5);
        assertThat(trn1.source()).isEqualTo(TestCatalogs.PRICE);
        assertThat(c.servicePrice("ebs.st1.gb-month", "us-east-1").orElseThrow().source()).isEqualTo(TestCatalogs.LIMITS);
        assertThat(c.price("eu-west-1", "p4d.24xlarge", PricingModel.ON_DEMAND).orElseThrow().usdPerHour()).isEqualTo(24.2);
        assertThat(c.instanceType("trn2.48xlarge")).isPresent();

        assertThat(report.keptServices()).containsExactly("sagemaker in us-east-1");
        assertThat(report.keptRegions()).containsExactly("eu-west-1");
        assertThat(report.keptInstanceTypes()).contains("trn1.32xlarge", "trn2.48xlarge", "g5.xlarge", "inf2.xlarge");
        assertThat(report.kept()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo(KeptKind.PRICES);
            assertThat(k.subject()).isEqualTo("p4d.24xlarge");
            assertThat(k.reason()).contains("reserved-1y-no-upfront").contains("spot").doesNotContain("on-demand")
                    .doesNotContain("savings-plan");
        });
        assertThat(report.kept()).anySatisfy(k -> assertThat(k.subject()).isEqualTo("savings plans and other commitments"));
        assertThat(report.kept()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo(KeptKind.SERVICE_PRICE);
            assertThat(k.subject()).isEqualTo("ebs.st1.gb-month");
        });
        // lambda, s3 were not requested: not "kept", just untouched
        assertThat(report.servicesNotRequested()).containsExactly("lambda", "s3");
        assertThat(report.kept()).noneSatisfy(k -> assertThat(k.subject()).startsWith("lambda"));
        assertThat(report.summaryLines()).anySatisfy(l -> assertThat(l).contains("service sagemaker in us-east-1"));
        assertThat(report.summaryLines()).anySatisfy(l -> assertThat(l).contains("region eu-west-1"));
    }

    @Test
    void spotKeepsTheAdvisorBucketAndTakesTheNewAverage() {
        FetchedCatalog f = fetched(List.of(),
                List.of(new Price("us-east-1", "p4d.24xlarge", PricingModel.SPOT, 9.0, 0, NEW_SPOT)),
                List.of(new SpotInfo("us-east-1", "p4d.24xlarge", 9.0, 7.0, null, null, NEW_SPOT, null),
                        new SpotInfo("us-east-1", "inf2.xlarge", 0.25, 0.2, null, null, NEW_SPOT, null)),
                List.of());

        Catalog c = new Catalog(merge(f, EnumSet.of(AwsService.EC2)).catalog());

        SpotInfo p4d = c.spot("us-east-1", "p4d.24xlarge").orElseThrow();
        assertThat(p4d.avgUsdPerHour()).isEqualTo(9.0);
        assertThat(p4d.minUsdPerHour()).isEqualTo(7.0);
        assertThat(p4d.interruptionBucket()).isEqualTo("5-10%");
        assertThat(p4d.interruptionSource()).isEqualTo(TestCatalogs.ADVISOR);
        assertThat(p4d.priceSource()).isEqualTo(NEW_SPOT);
        SpotInfo inf2 = c.spot("us-east-1", "inf2.xlarge").orElseThrow();
        assertThat(inf2.interruptionBucket()).isNull();
        assertThat(c.price("us-east-1", "p4d.24xlarge", PricingModel.SPOT).orElseThrow().usdPerHour()).isEqualTo(9.0);
    }

    @Test
    void instanceTypesKeepCatalogNamingAndNewOnesNeedAcceleratorsOrAKnownFamily() {
        InstanceType p4dFetched = new InstanceType("p4d.24xlarge", "p4d", "x86_64", 96, 1152,
                new InstanceType.Accelerators("A100", 8, 320), new InstanceType.Ebs(19000, 19000, 80000, 80000),
                400, 4, true, NEW_SPECS);
        InstanceType g5Fetched = new InstanceType("g5.xlarge", "g5", "amd64", 4, 16,
                new InstanceType.Accelerators("A10G", 1, 22.3515625), new InstanceType.Ebs(700, 3500, 3000, 15000),
                2.5, 0, true, NEW_SPECS);
        InstanceType g5Bigger = new InstanceType("g5.2xlarge", "g5", "x86_64", 8, 32,
                new InstanceType.Accelerators("A10G", 1, 22.3515625), null, 5, 0, true, NEW_SPECS);
        InstanceType h200 = new InstanceType("p5e.48xlarge", "p5e", "x86_64", 192, 2048,
                new InstanceType.Accelerators("H200", 8, 1128), null, 3200, 32, true, NEW_SPECS);
        InstanceType cpu = new InstanceType("a1.medium", "a1", "arm64", 1, 2, null, null, 0, 0, true, NEW_SPECS);
        FetchedCatalog f = fetched(List.of(p4dFetched, g5Fetched, g5Bigger, h200, cpu),
                List.of(new Price("us-east-1", "a1.medium", PricingModel.ON_DEMAND, 0.0255, 0, NEW_PRICES)), List.of(), List.of());

        RefreshResult r = merge(f, EnumSet.of(AwsService.EC2));
        Catalog c = new Catalog(r.catalog());

        // "A100" is no accelerator key of this catalog: the previous key stays, figures are the fetched ones
        assertThat(c.instanceType("p4d.24xlarge").orElseThrow().accelerators().name()).isEqualTo("A100-40GB");
        assertThat(c.instanceType("p4d.24xlarge").orElseThrow().source()).isEqualTo(NEW_SPECS);
        assertThat(c.instanceType("g5.xlarge").orElseThrow().arch()).isEqualTo("x86_64");
        assertThat(c.instanceType("g5.2xlarge")).isPresent();
        // H200 has no figures in this catalog: a new type carrying it would make the catalog fail to load (issue 19)
        assertThat(c.instanceType("p5e.48xlarge")).isEmpty();
        assertThat(c.instanceType("a1.medium")).isEmpty();
        assertThat(c.price("us-east-1", "a1.medium", PricingModel.ON_DEMAND)).isEmpty();
        RefreshReport report = r.report();
        assertThat(report.outOfScope()).isEqualTo(2);
        assertThat(report.instanceTypes()).isEqualTo(new RefreshReport.Counts(2, 0, 1, 3));
        assertThat(report.implausibleSkipped()).isEqualTo(1);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("p4d.24xlarge").contains("A100"));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("skipped new type p5e.48xlarge").contains("H200"));
        // new types are appended after the previous ones, sorted
        List<String> names = r.catalog().instanceTypes().stream().map(InstanceType::name).toList();
        assertThat(names).containsExactly("p4d.24xlarge", "g5.xlarge", "inf2.xlarge", "trn1.32xlarge", "trn2.48xlarge",
                "g5.2xlarge");
    }

    @Test
    void nothingFetchedLeavesTheCatalogAsItWas() {
        RefreshResult r = merge(fetched(List.of(), List.of(), List.of(), List.of()), EnumSet.allOf(AwsService.class));

        assertThat(r.catalog()).isEqualTo(previous);
        assertThat(r.report().catalogId()).isEqualTo("aws-2026-07");
        assertThat(r.report().keptServices()).containsExactlyInAnyOrder(
                "ec2 in us-east-1", "sagemaker in us-east-1", "lambda in us-east-1", "s3 in us-east-1", "ebs in us-east-1");
    }

    @Test
    void serviceOfAnId() {
        assertThat(CatalogMerger.serviceOf("lambda.x86.gb-second")).contains(AwsService.LAMBDA);
        assertThat(CatalogMerger.serviceOf("sagemaker.training.ml.p4d.24xlarge.hour")).contains(AwsService.SAGEMAKER);
        assertThat(CatalogMerger.serviceOf("fargate.vcpu-hour")).isEmpty();
        assertThat(CatalogMerger.serviceOf("ec2.something")).isEmpty();
    }
}
