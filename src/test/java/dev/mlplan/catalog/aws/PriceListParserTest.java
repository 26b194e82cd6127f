package dev.mlplan.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.aws.PriceListParser.ItemResult;
import dev.mlplan.catalog.aws.PriceListParser.Malformed;
import dev.mlplan.catalog.aws.PriceListParser.Priced;
import dev.mlplan.catalog.aws.PriceListParser.ZeroPriced;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceListParserTest {
    private final PriceListParser parser = new PriceListParser("src-test");

    private static String item(String name) {
        return AwsStub.items(name).get(0);
    }

    private Map<PricingModel, Price> computePrices(String name) {
        ItemResult r = parser.compute(item(name), "us-east-1");
        assertThat(r).isInstanceOf(Priced.class);
        return ((Priced) r).prices().stream().collect(Collectors.toMap(Price::pricing, Function.identity()));
    }

    private ServicePrice servicePrice(AwsService service, String name) {
        ItemResult r = parser.service(service, item(name), "us-east-1");
        assertThat(r).isInstanceOf(Priced.class);
        List<ServicePrice> sps = ((Priced) r).servicePrices();
        assertThat(sps).hasSize(1);
        return sps.get(0);
    }

    @Test
    void onDemandAndReservedTermsOfAComputeItem() {
        Map<PricingModel, Price> p = computePrices("ec2-p4d.24xlarge-us-east-1");

        assertThat(p.get(PricingModel.ON_DEMAND).usdPerHour()).isEqualTo(21.957642);
        assertThat(p.get(PricingModel.ON_DEMAND).region()).isEqualTo("us-east-1");
        assertThat(p.get(PricingModel.ON_DEMAND).source()).isEqualTo("src-test");
        assertThat(p.get(PricingModel.RESERVED_1Y_NO_UPFRONT).usdPerHour()).isEqualTo(13.4421);
        assertThat(p.get(PricingModel.RESERVED_1Y_NO_UPFRONT).upfrontUsd()).isZero();
        // partial upfront: hourly + upfront / 8760 h
        assertThat(p.get(PricingModel.RESERVED_1Y_PARTIAL_UPFRONT).usdPerHour()).isCloseTo(6.396 + 56030 / 8760.0, within(1e-9));
        assertThat(p.get(PricingModel.RESERVED_1Y_PARTIAL_UPFRONT).upfrontUsd()).isEqualTo(56030);
        // all upfront: the $0 hourly dimension does not make the term free
        assertThat(p.get(PricingModel.RESERVED_1Y_ALL_UPFRONT).usdPerHour()).isCloseTo(109822 / 8760.0, within(1e-9));
        assertThat(p.get(PricingModel.RESERVED_1Y_CONVERTIBLE_NO_UPFRONT).usdPerHour()).isEqualTo(15.86);
        assertThat(p).hasSize(5);
    }

    @Test
    void capacityBlockSkuPricedZeroIsIgnored() {
        assertThat(parser.compute(item("ec2-trn2.48xlarge-capacity-block-us-east-1"), "us-east-1"))
                .isInstanceOf(ZeroPriced.class);
    }

    @Test
    void malformedItemsAreReportedNotThrown() {
        assertThat(parser.compute("{\"product\": {\"attributes\": ", "us-east-1")).isInstanceOf(Malformed.class);
        assertThat(parser.compute("[]", "us-east-1")).isInstanceOf(Malformed.class);
        assertThat(parser.compute("", "us-east-1")).isInstanceOf(Malformed.class);
        ItemResult missing = parser.compute(item("ec2-missing-instance-type"), "us-east-1");
        assertThat(missing).isInstanceOf(Malformed.class);
        assertThat(((Malformed) missing).why()).contains("product.attributes.instanceType");
        String badPrice = item("ec2-g5.xlarge-us-east-1").replace("1.0060000000", "one dollar");
        assertThat(parser.compute(badPrice, "us-east-1")).isInstanceOf(Malformed.class);
        String noHourly = item("ec2-g5.xlarge-us-east-1").replace("\"Hrs\"", "\"Quantity\"");
        assertThat(((Malformed) parser.compute(noHourly, "us-east-1")).why()).contains("no price dimension in hour");
    }

    @Test
    void lambdaPricesTakeTheFirstTierAndRequestsArePerMillion() {
        ServicePrice x86 = servicePrice(AwsService.LAMBDA, "lambda-duration-x86-us-east-1");
        assertThat(x86.id()).isEqualTo("lambda.x86.gb-second");
        assertThat(x86.usd()).isEqualTo(0.0000166667);
        assertThat(x86.unit()).isEqualTo("GB-second");
        assertThat(servicePrice(AwsService.LAMBDA, "lambda-duration-arm-us-east-1").usd()).isEqualTo(0.0000133334);
        ServicePrice requests = servicePrice(AwsService.LAMBDA, "lambda-requests-us-east-1");
        assertThat(requests.id()).isEqualTo("lambda.requests");
        assertThat(requests.usd()).isEqualTo(0.20);
        assertThat(requests.unit()).isEqualTo("1M requests");
        assertThat(parser.service(AwsService.LAMBDA, item("lambda-provisioned-us-east-1"), "us-east-1"))
                .isInstanceOf(PriceListParser.Ignored.class);
    }

    @Test
    void ebsUnitsAreNormalised() {
        // GB-Mo and GB-month are the same unit; GiBps-mo becomes MiB/s-month (÷ 1024)
        ServicePrice gp3 = servicePrice(AwsService.EBS, "ebs-gp3-storage-us-east-1");
        assertThat(gp3.id()).isEqualTo("ebs.gp3.gb-month");
        assertThat(gp3.usd()).isEqualTo(0.08);
        assertThat(gp3.unit()).isEqualTo("GB-month");
        ServicePrice gp2 = servicePrice(AwsService.EBS, "ebs-gp2-storage-us-east-1");
        assertThat(gp2.id()).isEqualTo("ebs.gp2.gb-month");
        assertThat(gp2.usd()).isEqualTo(0.10);
        assertThat(gp2.unit()).isEqualTo("GB-month");
        ServicePrice throughput = servicePrice(AwsService.EBS, "ebs-gp3-throughput-us-east-1");
        assertThat(throughput.id()).isEqualTo("ebs.gp3.mibps-month");
        assertThat(throughput.usd()).isEqualTo(0.04);
        assertThat(throughput.unit()).isEqualTo("MiB/s-month");
        ServicePrice iops = servicePrice(AwsService.EBS, "ebs-gp3-iops-us-east-1");
        assertThat(iops.id()).isEqualTo("ebs.gp3.iops-month");
        assertThat(iops.usd()).isEqualTo(0.005);
        assertThat(servicePrice(AwsService.EBS, "ebs-io2-iops-tier2-us-east-1").id()).isEqualTo("ebs.io2.iops-month.32k-64k");
    }

    @ParameterizedTest
    @CsvSource({
        "GB-Mo, GB_MONTH, 1",
        "GB-month, GB_MONTH, 1",
        "' gb-month ', GB_MONTH, 1",
        "GiBps-mo, MIBPS_MONTH, 0.0009765625",
        "MiBps-Mo, MIBPS_MONTH, 1",
        "IOPS-Mo, IOPS_MONTH, 1",
        "Hrs, HOUR, 1",
        "Lambda-GB-Second, GB_SECOND, 1",
        "Requests, REQUEST, 1",
        "Quantity, QUANTITY, 1"
    })
    void knownUnits(String raw, PriceUnit unit, double factor) {
        PriceUnit.Normalised n = PriceUnit.parse(raw).orElseThrow();
        assertThat(n.unit()).isEqualTo(unit);
        assertThat(n.factor().doubleValue()).isEqualTo(factor);
    }

    @Test
    void unknownUnitIsNotGuessed() {
        assertThat(PriceUnit.parse("Snapshots-Mo")).isEmpty();
        assertThat(PriceUnit.parse(null)).isEmpty();
    }

    @Test
    void s3StoragePicksTheFirstTierAndRequestsArePerThousand() {
        ServicePrice standard = servicePrice(AwsService.S3, "s3-standard-storage-us-east-1");
        assertThat(standard.id()).isEqualTo("s3.standard.gb-month");
        assertThat(standard.usd()).isEqualTo(0.023);
        ServicePrice put = servicePrice(AwsService.S3, "s3-requests-tier1-us-east-1");
        assertThat(put.id()).isEqualTo("s3.put.per-1k");
        assertThat(put.usd()).isEqualTo(0.005);
        assertThat(put.unit()).isEqualTo("1k requests");
    }

    @Test
    void sageMakerInstancesBecomeServicePrices() {
        ServicePrice training = servicePrice(AwsService.SAGEMAKER, "sagemaker-training-ml.p4d.24xlarge-us-east-1");
        assertThat(training.id()).isEqualTo("sagemaker.training.ml.p4d.24xlarge.hour");
        assertThat(training.usd()).isEqualTo(25.25);
        assertThat(training.unit()).isEqualTo("hour");
        assertThat(servicePrice(AwsService.SAGEMAKER, "sagemaker-hosting-ml.g5.xlarge-us-east-1").id())
                .isEqualTo("sagemaker.hosting.ml.g5.xlarge.hour");
        String notebook = item("sagemaker-hosting-ml.g5.xlarge-us-east-1").replace("\"Hosting\"", "\"Notebook\"");
        assertThat(parser.service(AwsService.SAGEMAKER, notebook, "us-east-1")).isInstanceOf(PriceListParser.Ignored.class);
    }

    @Test
    void regionPrefixOfAUsageTypeIsDropped() {
        assertThat(PriceListParser.withoutRegionPrefix("USE2-TimedStorage-ByteHrs")).isEqualTo("TimedStorage-ByteHrs");
        assertThat(PriceListParser.withoutRegionPrefix("EUC1-EBS:VolumeUsage.gp3")).isEqualTo("EBS:VolumeUsage.gp3");
        assertThat(PriceListParser.withoutRegionPrefix("TimedStorage-ByteHrs")).isEqualTo("TimedStorage-ByteHrs");
        assertThat(PriceListParser.withoutRegionPrefix("Requests-Tier1")).isEqualTo("Requests-Tier1");
    }

    @ParameterizedTest
    @CsvSource({
        "1yr, standard, No Upfront, RESERVED_1Y_NO_UPFRONT",
        "3yr, standard, All Upfront, RESERVED_3Y_ALL_UPFRONT",
        "1yr, convertible, Partial Upfront, RESERVED_1Y_CONVERTIBLE_PARTIAL_UPFRONT",
        "3yr, convertible, No Upfront, RESERVED_3Y_CONVERTIBLE_NO_UPFRONT"
    })
    void reservedTermAttributes(String lease, String cls, String option, PricingModel expected) {
        assertThat(PriceListParser.reservedModel(lease, cls, option)).contains(expected);
    }

    @Test
    void unknownReservedTermIsSkipped() {
        assertThat(PriceListParser.reservedModel("5yr", "standard", "No Upfront")).isEmpty();
        assertThat(PriceListParser.reservedModel("1yr", "standard", "Heavy Utilization")).isEmpty();
    }
}
