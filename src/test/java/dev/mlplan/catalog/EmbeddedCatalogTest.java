package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spot checks of the embedded catalog against published figures (docs/limits.md, docs/estimation.md, the reference files). */
class EmbeddedCatalogTest {
    private final Catalog c = CatalogLoader.embedded();

    @ParameterizedTest
    @CsvSource({
        "p4d.24xlarge, 21.957642",
        "p5.48xlarge, 55.04",
        "trn1.32xlarge, 21.5",
        "g5.xlarge, 1.006",
        "p3.2xlarge, 3.06",
        "inf2.xlarge, 0.7582",
        "inf2.48xlarge, 12.98127"
    })
    void usEast1OnDemand(String type, double usd) {
        Price p = c.price("us-east-1", type, PricingModel.ON_DEMAND).orElseThrow();
        assertThat(p.usdPerHour()).isEqualTo(usd);
        assertThat(c.source(p.source())).get().extracting(Source::asOf).isEqualTo("2026-07-20");
    }

    @Test
    void trn2HasNoOnDemandPriceAnywhereButIsInTheCatalog() {
        assertThat(c.instanceType("trn2.48xlarge")).get()
                .extracting(InstanceType::accelerators)
                .isEqualTo(new InstanceType.Accelerators("Trainium2", 16, 1536));
        assertThat(c.prices("trn2.48xlarge")).noneMatch(p -> p.pricing() == PricingModel.ON_DEMAND);
    }

    @Test
    void p4dCarriesEightA100With320GiB() {
        InstanceType p4d = c.instanceType("p4d.24xlarge").orElseThrow();
        assertThat(p4d.accelerators()).isEqualTo(new InstanceType.Accelerators("A100-40GB", 8, 320));
        assertThat(p4d.vcpus()).isEqualTo(96);
        assertThat(p4d.memoryGiB()).isEqualTo(1152);
        assertThat(p4d.ebs()).isEqualTo(new InstanceType.Ebs(19000, 19000, 80000, 80000));
        assertThat(c.instanceType("p4de.24xlarge").orElseThrow().accelerators().name()).isEqualTo("A100-80GB");
        assertThat(c.instanceType("p3dn.24xlarge").orElseThrow().accelerators().name()).isEqualTo("V100-32GB");
    }

    @Test
    void neuronDevicesAndMemory() {
        assertThat(c.instanceType("trn1.32xlarge").orElseThrow().accelerators())
                .isEqualTo(new InstanceType.Accelerators("Trainium1", 16, 512));
        assertThat(c.instanceType("inf2.48xlarge").orElseThrow().accelerators())
                .isEqualTo(new InstanceType.Accelerators("Inferentia2", 12, 384));
        assertThat(c.instanceType("inf1.24xlarge").orElseThrow().accelerators())
                .isEqualTo(new InstanceType.Accelerators("Inferentia1", 16, 128));
    }

    @Test
    void a10gMemoryIsWhatTheEc2ApiReports() {
        assertThat(c.instanceType("g5.xlarge").orElseThrow().accelerators().memoryGiB()).isCloseTo(22.35, within(0.01));
    }

    @Test
    void fractionalGpuTypesCarryTheirFractionOfAnL4() {
        // issue 16: g6f and gr6f serve small models on an eighth, a quarter or a half of an L4 (AcceleratorMemoryTest)
        assertThat(c.instanceType("g6f.large").orElseThrow().accelerators().name()).isEqualTo("L4-1/8");
        assertThat(c.instanceType("gr6f.4xlarge").orElseThrow().accelerators().name()).isEqualTo("L4-1/2");
    }

    @Test
    void everyVALIDATIONAcceleratorIsPresentWithItsFigures() {
        for (String key : List.of("V100", "V100-32GB", "T4", "A10G", "L4", "L40S", "A100-40GB", "A100-80GB", "H100", "H200",
                "B200", "Trainium1", "Trainium2", "Inferentia1", "Inferentia2", "RTX-4090", "RTX-5090")) {
            assertThat(c.accelerator(key)).as(key).isPresent();
        }
        Accelerator h100 = c.accelerator("H100").orElseThrow();
        assertThat(h100.bf16Tflops()).isEqualTo(989);
        assertThat(h100.defaultMfu()).isEqualTo(0.40);
        assertThat(c.accelerator("A10G").orElseThrow().bf16Tflops()).isEqualTo(70);
        assertThat(c.accelerator("Trainium1").orElseThrow().defaultMfu()).as("calibrated on AWS Neuron trn1 training, docs/accuracy.md").isEqualTo(0.33);
        assertThat(c.accelerator("Trainium1").orElseThrow().defaultMbu()).isEqualTo(0.4);
        assertThat(c.accelerator("RTX-5090").orElseThrow().tdpWatts()).isEqualTo(575);
        assertThat(c.accelerator("Inferentia1").orElseThrow().kind()).isEqualTo("inferentia");
    }

    @Test
    void ebsVolumeLimits2025() {
        EbsVolumeType gp3 = c.ebsVolumeType("gp3").orElseThrow();
        assertThat(gp3.maxIops()).isEqualTo(80000);
        assertThat(gp3.maxMiBps()).isEqualTo(2000);
        assertThat(gp3.maxGiB()).isEqualTo(65536);
        assertThat(gp3.includedIops()).isEqualTo(3000);
        assertThat(gp3.includedMiBps()).isEqualTo(125);
        assertThat(c.ebsVolumeType("io2").orElseThrow().maxIops()).isEqualTo(256000);
        assertThat(c.ebsVolumeType("io2").orElseThrow().multiAttachMax()).isEqualTo(16);
        assertThat(c.ebsVolumeType("gp2").orElseThrow().iopsPerGiB()).isEqualTo(3);
    }

    @Test
    void lambdaLimits() {
        assertThat(c.limit("lambda.memory.max").value()).isEqualTo(10240);
        assertThat(c.limit("lambda.memory.max").unit()).isEqualTo("MB");
        assertThat(c.limit("lambda.timeout").value()).isEqualTo(900);
        assertThat(c.limit("lambda.mb-per-vcpu").value()).isEqualTo(1769);
        assertThat(c.limit("lambda.payload.async").value()).isEqualTo(1);
        assertThat(c.limit("s3.prefix.get-rate").value()).isEqualTo(5500);
        assertThat(c.source(c.limit("lambda.timeout").source())).get().extracting(Source::url).asString()
                .startsWith("https://docs.aws.amazon.com/lambda/");
        assertThat(c.source(c.limit("lambda.model-load-factor").source())).get().extracting(Source::kind).isEqualTo("estimated");
    }

    @Test
    void usEast1ServicePrices() {
        assertThat(c.servicePrice("lambda.x86.gb-second", "us-east-1").orElseThrow().usd()).isEqualTo(0.0000166667);
        assertThat(c.servicePrice("lambda.requests", "us-east-1").orElseThrow().usd()).isEqualTo(0.20);
        assertThat(c.servicePrice("ebs.gp3.mibps-month", "us-east-1").orElseThrow().usd()).isEqualTo(0.04);
        assertThat(c.servicePrice("s3.get.per-1k", "us-east-1").orElseThrow().usd()).isEqualTo(0.0004);
        assertThat(c.servicePrice("s3.deep-archive.gb-month", "us-east-1").orElseThrow().usd()).isEqualTo(0.00099);
    }

    @Test
    void spotInfoCombinesPriceAndAdvisor() {
        SpotInfo s = c.spot("us-east-1", "p4d.24xlarge").orElseThrow();
        assertThat(s.avgUsdPerHour()).isEqualTo(c.price("us-east-1", "p4d.24xlarge", PricingModel.SPOT).orElseThrow().usdPerHour());
        assertThat(s.minUsdPerHour()).isNotNull().isLessThanOrEqualTo(s.avgUsdPerHour());
        assertThat(s.interruptionBucket()).isNotNull();
        assertThat(c.source(s.interruptionSource())).isPresent();
    }

    @Test
    void derivedFiguresAreMarkedEstimated() {
        Price sp = c.price("us-east-1", "p4d.24xlarge", PricingModel.SAVINGS_PLAN_COMPUTE_1Y).orElseThrow();
        assertThat(c.source(sp.source()).orElseThrow().estimated()).isTrue();
        assertThat(sp.usdPerHour()).isEqualTo(
                c.price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_CONVERTIBLE_NO_UPFRONT).orElseThrow().usdPerHour());
        Price cpuSpot = c.price("us-east-1", "m5.large", PricingModel.SPOT).orElseThrow();
        assertThat(c.source(cpuSpot.source()).orElseThrow().estimated()).isTrue();
    }

    @Test
    void noPriceIsZeroAndStatsAddUp() {
        assertThat(c.document().prices()).allMatch(p -> p.usdPerHour() > 0);
        CatalogStats stats = CatalogStats.of(c);
        assertThat(stats.instanceTypes()).isGreaterThanOrEqualTo(1370);
        assertThat(stats.regions()).contains("us-east-1", "eu-west-1", "us-gov-west-1").doesNotContain("us-east-1-atl-1");
        assertThat(stats.pricesByModel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stats.prices());
        System.out.println("embedded catalog: " + stats.summary());
    }
}
