package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.InstanceType.Accelerators;
import dev.mlplan.catalog.InstanceType.Ebs;
import dev.mlplan.catalog.Limit;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.Source;
import dev.mlplan.catalog.SpotInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A small "previous" catalog whose us-east-1 figures equal what the stub fixtures answer, plus a
 * few figures the stub does not return (trn2.48xlarge, trn1 prices, ebs.st1, eu-west-1, a savings
 * plan) so that the merge has something to keep.
 */
final class TestCatalogs {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final String SPEC = "karpenter-2026-07-20";
    static final String PRICE = "ec2instances-2025-11-30";
    static final String ADVISOR = "spot-advisor-2025-06-28";
    static final String LIMITS = "limits-2026";

    static final double P4D_SPOT_AVG = (8.1234 + 9.001 + 21.957642) / 3;

    private TestCatalogs() {}

    static CatalogDocument previous() {
        return new CatalogDocument(
                CatalogDocument.FORMAT_VERSION,
                "aws-2026-07",
                "2026-07-20",
                "embedded test catalog",
                List.of(new Source(SPEC, "Karpenter instance types", "https://github.com/aws/karpenter-provider-aws", "2026-07-20", "published", null),
                        new Source(PRICE, "ec2instances.info", "https://instances.vantage.sh", "2025-11-30", "published", null),
                        new Source(ADVISOR, "Spot Instance Advisor", "https://aws.amazon.com/ec2/spot/instance-advisor/", "2025-06-28", "published", null),
                        new Source(LIMITS, "docs/limits.md", null, "2026-07-20", "published", null)),
                List.of(accelerator("A100-40GB", "gpu", 40), accelerator("A10G", "gpu", 22.3515625),
                        accelerator("Inferentia2", "inferentia", 32), accelerator("Trainium1", "trainium", 32),
                        accelerator("Trainium2", "trainium", 96)),
                List.of(
                        new InstanceType("p4d.24xlarge", "p4d", "x86_64", 96, 1152, new Accelerators("A100-40GB", 8, 320),
                                new Ebs(19000, 19000, 80000, 80000), 400, 4, true, SPEC),
                        new InstanceType("g5.xlarge", "g5", "x86_64", 4, 16, new Accelerators("A10G", 1, 22.3515625),
                                new Ebs(700, 3500, 3000, 15000), 2.5, 0, true, SPEC),
                        new InstanceType("inf2.xlarge", "inf2", "x86_64", 4, 16, new Accelerators("Inferentia2", 1, 32),
                                new Ebs(1250, 10000, 6000, 40000), 2.083, 0, true, SPEC),
                        new InstanceType("trn1.32xlarge", "trn1", "x86_64", 128, 512, new Accelerators("Trainium1", 16, 512),
                                new Ebs(80000, 80000, 260000, 260000), 800, 8, true, SPEC),
                        new InstanceType("trn2.48xlarge", "trn2", "x86_64", 192, 2048, new Accelerators("Trainium2", 16, 1536),
                                new Ebs(80000, 80000, 260000, 260000), 3200, 16, true, SPEC)),
                List.of(
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND, 21.957642, 0, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_NO_UPFRONT, 13.4421, 0, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_PARTIAL_UPFRONT,
                                reserved("6.396", "56030", 1), 56030, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_ALL_UPFRONT,
                                reserved("0", "109822", 1), 109822, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_CONVERTIBLE_NO_UPFRONT, 15.86, 0, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.SAVINGS_PLAN_COMPUTE_1Y, 15.37, 0, PRICE),
                        new Price("us-east-1", "p4d.24xlarge", PricingModel.SPOT, P4D_SPOT_AVG, 0, PRICE),
                        new Price("us-east-1", "g5.xlarge", PricingModel.ON_DEMAND, 1.006, 0, PRICE),
                        new Price("us-east-1", "g5.xlarge", PricingModel.RESERVED_1Y_NO_UPFRONT, 0.634, 0, PRICE),
                        new Price("us-east-1", "g5.xlarge", PricingModel.SPOT, 0.3925, 0, PRICE),
                        new Price("us-east-1", "inf2.xlarge", PricingModel.ON_DEMAND, 0.7582, 0, PRICE),
                        new Price("us-east-1", "trn1.32xlarge", PricingModel.ON_DEMAND, 21.5, 0, PRICE),
                        new Price("eu-west-1", "p4d.24xlarge", PricingModel.ON_DEMAND, 24.2, 0, PRICE)),
                List.of(new SpotInfo("us-east-1", "p4d.24xlarge", P4D_SPOT_AVG, 8.1234, "5-10%", 61, PRICE, ADVISOR),
                        new SpotInfo("us-east-1", "g5.xlarge", 0.3925, 0.3838, "<5%", 62, PRICE, ADVISOR)),
                List.of(new Limit("lambda.timeout.max", 900, "s", "Lambda timeout", LIMITS)),
                List.of(
                        new ServicePrice("lambda.x86.gb-second", "us-east-1", 0.0000166667, "GB-second", LIMITS),
                        new ServicePrice("lambda.arm.gb-second", "us-east-1", 0.0000133334, "GB-second", LIMITS),
                        new ServicePrice("lambda.requests", "us-east-1", 0.20, "1M requests", LIMITS),
                        new ServicePrice("ebs.gp3.gb-month", "us-east-1", 0.08, "GB-month", LIMITS),
                        new ServicePrice("ebs.gp3.iops-month", "us-east-1", 0.005, "IOPS-month", LIMITS),
                        new ServicePrice("ebs.gp3.mibps-month", "us-east-1", 0.04, "MiB/s-month", LIMITS),
                        new ServicePrice("ebs.gp2.gb-month", "us-east-1", 0.10, "GB-month", LIMITS),
                        new ServicePrice("ebs.io2.gb-month", "us-east-1", 0.125, "GB-month", LIMITS),
                        new ServicePrice("ebs.io2.iops-month.32k-64k", "us-east-1", 0.0455, "IOPS-month", LIMITS),
                        new ServicePrice("ebs.st1.gb-month", "us-east-1", 0.045, "GB-month", LIMITS),
                        new ServicePrice("s3.standard.gb-month", "us-east-1", 0.023, "GB-month", LIMITS),
                        new ServicePrice("s3.put.per-1k", "us-east-1", 0.005, "1k requests", LIMITS),
                        new ServicePrice("sagemaker.training.ml.p4d.24xlarge.hour", "us-east-1", 25.25, "hour", LIMITS),
                        new ServicePrice("sagemaker.hosting.ml.g5.xlarge.hour", "us-east-1", 1.408, "hour", LIMITS),
                        new ServicePrice("fargate.vcpu-hour", "us-east-1", 0.04048, "vCPU-hour", LIMITS)),
                List.of(new EbsVolumeType("gp3", 1, 65536, 80000, 2000, 3000, 125, 500, 1, LIMITS)));
    }

    static double reserved(String hourly, String upfront, int years) {
        return PriceListParser.effectiveHourly(new BigDecimal(hourly), new BigDecimal(upfront), years);
    }

    private static Accelerator accelerator(String name, String kind, double memoryGiB) {
        return new Accelerator(name, kind, memoryGiB, 1000, 10, 100, 0, 0, 0.4, 0.6, 300, SPEC);
    }
}
