package dev.mlplan.catalog.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mlplan.catalog.aws.AwsStub.ec2;
import static dev.mlplan.catalog.aws.AwsStub.getProducts;
import static dev.mlplan.catalog.aws.AwsStub.items;
import static dev.mlplan.catalog.aws.AwsStub.json;
import static dev.mlplan.catalog.aws.AwsStub.page;
import static dev.mlplan.catalog.aws.AwsStub.priceListPage;
import static dev.mlplan.catalog.aws.AwsStub.resource;
import static dev.mlplan.catalog.aws.AwsStub.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The whole refresh with real SDK clients against a WireMock stub on 127.0.0.1 that speaks the AWS
 * wire formats. Explicit test credentials and region; instance metadata disabled; shared config and
 * credentials files pointed at empty files, so nothing reaches AWS or the instance-metadata endpoint.
 */
class CatalogRefresherStubTest {
    static final String ACCESS_KEY = "AKIDTEST";
    static final String SECRET = "secret-test-value";
    static final AwsClients CLIENTS =
            AwsClients.withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET)));
    static final String EC2_PAGE_2 = "ec2-page-2";
    static final String DIT_PAGE_2 = "AAEAAbHQ8VnsZ0K1jqj5page2";

    @TempDir
    static Path awsHome;
    static AwsStub stub;
    static AwsStub.Isolation isolation;

    @TempDir
    Path dir;
    final List<String> progress = new ArrayList<>();
    final CatalogDocument previous = TestCatalogs.previous();

    @BeforeAll
    static void isolateFromAwsAndStartStub() throws IOException {
        isolation = AwsStub.Isolation.start(awsHome);
        stub = new AwsStub();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
        isolation.restore();
    }

    @BeforeEach
    void resetStub() {
        stub.server.resetAll();
        stub.emptyPricesByDefault();
    }

    private RefreshOptions.Builder options() {
        return RefreshOptions.builder()
                .region("us-east-1")
                .endpointUrl(stub.url())
                .environment(Map.of())
                .maxAttempts(1)
                .clock(TestCatalogs.CLOCK)
                .progress(progress::add);
    }

    private static MappingBuilder computePrices() {
        return getProducts("AmazonEC2", "capacitystatus", "Used");
    }

    /** Every fixture for us-east-1: two pages of EC2 prices, the service prices, two pages of types, spot. */
    private static void stubUsEast1() {
        stub.server.stubFor(page(computePrices(), null).willReturn(json(200, priceListPage(EC2_PAGE_2,
                items("ec2-p4d.24xlarge-us-east-1", "ec2-g5.xlarge-us-east-1")))));
        List<String> page2 = new ArrayList<>(items("ec2-trn2.48xlarge-capacity-block-us-east-1"));
        page2.add("{\"product\":{\"productFamily\":\"Compute Instance\",\"attributes\":{\"instanceType\":\"x");
        page2.addAll(items("ec2-missing-instance-type", "ec2-inf2.xlarge-us-east-1"));
        stub.server.stubFor(page(computePrices(), EC2_PAGE_2).willReturn(json(200, priceListPage(null, page2))));
        stubPrices("AWSLambda", "productFamily", "Serverless", "lambda-duration-x86-us-east-1",
                "lambda-duration-arm-us-east-1", "lambda-requests-us-east-1", "lambda-provisioned-us-east-1");
        stubPrices("AmazonEC2", "productFamily", "Storage", "ebs-gp3-storage-us-east-1", "ebs-gp2-storage-us-east-1",
                "ebs-io2-storage-us-east-1");
        stubPrices("AmazonEC2", "productFamily", "System Operation", "ebs-gp3-iops-us-east-1", "ebs-io2-iops-tier2-us-east-1");
        stubPrices("AmazonEC2", "productFamily", "Provisioned Throughput", "ebs-gp3-throughput-us-east-1");
        stubPrices("AmazonS3", "productFamily", "Storage", "s3-standard-storage-us-east-1");
        stubPrices("AmazonS3", "productFamily", "API Request", "s3-requests-tier1-us-east-1");
        stubPrices("AmazonSageMaker", "component", "Training", "sagemaker-training-ml.p4d.24xlarge-us-east-1");
        stubPrices("AmazonSageMaker", "component", "Hosting", "sagemaker-hosting-ml.g5.xlarge-us-east-1");
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).willReturn(xml(200, resource("ec2/describe-instance-types-page1.xml"))));
        stub.server.stubFor(ec2("DescribeInstanceTypes", DIT_PAGE_2).willReturn(xml(200, resource("ec2/describe-instance-types-page2.xml"))));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).willReturn(xml(200, resource("ec2/describe-spot-price-history.xml"))));
    }

    private static void stubPrices(String serviceCode, String field, String value, String... itemNames) {
        stub.server.stubFor(getProducts(serviceCode, field, value).atPriority(5)
                .willReturn(json(200, priceListPage(null, items(itemNames)))));
    }

    private static RequestPatternBuilder getProductsRequests() {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsStub.GET_PRODUCTS));
    }

    private static RequestPatternBuilder ec2Requests(String action) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action))
                .withRequestBody(containing("Version=2016-11-15"));
    }

    private static Catalog catalog(RefreshResult r) {
        return new Catalog(r.catalog());
    }

    private RefreshResult refresh(RefreshOptions opts) {
        return new CatalogRefresher(CLIENTS).refresh(previous, opts);
    }

    private CatalogException failure(AwsClients clients, RefreshOptions opts) {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> new CatalogRefresher(clients).refresh(previous, opts));
        assertThat(e).as("the refresh should fail").isNotNull();
        assertNoSecret(e);
        return e;
    }

    private static void assertNoSecret(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET);
    }

    // --- pagination, capacity blocks, malformed items ---

    @Test
    void pricingFollowsNextTokenAcrossTwoPages() {
        stubUsEast1();

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.EC2)).build());

        stub.server.verify(2, getProductsRequests().withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AmazonEC2")))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'marketoption' && @.Value == 'OnDemand')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'operatingSystem' && @.Value == 'Linux')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'tenancy' && @.Value == 'Shared')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'preInstalledSw' && @.Value == 'NA')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'regionCode' && @.Value == 'us-east-1')]"))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Type == 'TERM_MATCH')]")));
        stub.server.verify(1, getProductsRequests().withRequestBody(matchingJsonPath("$.NextToken", equalTo(EC2_PAGE_2))));
        Catalog c = catalog(r);
        assertThat(c.price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND).orElseThrow().source())
                .isEqualTo("aws-price-list-api-2026-11-21");
        assertThat(c.price("us-east-1", "inf2.xlarge", PricingModel.ON_DEMAND).orElseThrow().source())
                .isEqualTo("aws-price-list-api-2026-11-21");
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("EC2 instance prices in us-east-1: page 2"));
    }

    /** The Price List's reserved terms carry an "Upfront Fee" (unit Quantity): the refreshed catalog keeps it per instance. */
    @Test
    void reservedTermsKeepTheirUpfrontFee() {
        stubUsEast1();

        Catalog c = catalog(refresh(options().services(EnumSet.of(AwsService.EC2)).build()));

        Price partial = c.price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_PARTIAL_UPFRONT).orElseThrow();
        assertThat(partial.upfrontUsd()).isEqualTo(56030);
        assertThat(partial.usdPerHour()).isCloseTo(6.396 + 56030 / 8760.0, within(1e-9));
        assertThat(partial.source()).isEqualTo("aws-price-list-api-2026-11-21");
        Price all = c.price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_ALL_UPFRONT).orElseThrow();
        assertThat(all.upfrontUsd()).isEqualTo(109822);
        assertThat(all.usdPerHour()).isCloseTo(109822 / 8760.0, within(1e-9));
        assertThat(c.price("us-east-1", "p4d.24xlarge", PricingModel.RESERVED_1Y_NO_UPFRONT).orElseThrow().upfrontUsd()).isZero();
    }

    @Test
    void capacityBlockSkuPricedZeroIsIgnoredAndMalformedItemsAreSkippedAndCounted() {
        stubUsEast1();

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.EC2)).build());

        assertThat(r.report().zeroPricedSkusIgnored()).isEqualTo(1);
        assertThat(r.report().malformedItemsSkipped()).isEqualTo(2);
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains("not valid JSON"));
        assertThat(r.report().warnings()).anySatisfy(w -> assertThat(w).contains("product.attributes.instanceType"));
        assertThat(catalog(r).price("us-east-1", "trn2.48xlarge", PricingModel.ON_DEMAND)).isEmpty();
        assertThat(r.catalog().prices()).noneSatisfy(p -> assertThat(p.usdPerHour()).isZero());
        assertThat(r.report().summaryLines()).anySatisfy(l -> assertThat(l)
                .contains("ignored 1 SKU priced $0 (capacity blocks)").contains("skipped 2 malformed items"));
    }

    @Test
    void aQueryWhoseEveryItemIsMalformedFailsAsUnexpectedResponse() {
        stub.server.stubFor(computePrices().willReturn(json(200, priceListPage(null, List.of("{\"product\":", "not json")))));

        CatalogException e = failure(CLIENTS, options().services(EnumSet.of(AwsService.EC2)).build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.UNEXPECTED_RESPONSE);
        assertThat(e).hasMessageContaining("all 2 price items were malformed");
    }

    @Test
    void describeInstanceTypesStopsAtTheEmptyNextToken() {
        stubUsEast1();

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.EC2)).build());

        stub.server.verify(2, ec2Requests("DescribeInstanceTypes"));
        stub.server.verify(1, ec2Requests("DescribeInstanceTypes").withRequestBody(containing("NextToken=" + DIT_PAGE_2)));
        Catalog c = catalog(r);
        InstanceType p4d = c.instanceType("p4d.24xlarge").orElseThrow();
        assertThat(p4d.accelerators()).isEqualTo(new InstanceType.Accelerators("A100-40GB", 8, 320));
        assertThat(p4d.memoryGiB()).isEqualTo(1152);
        assertThat(p4d.ebs()).isEqualTo(new InstanceType.Ebs(19000, 19000, 80000, 80000));
        assertThat(p4d.networkGbps()).isEqualTo(400);
        assertThat(p4d.efaInterfaces()).isEqualTo(4);
        InstanceType trn1 = c.instanceType("trn1.32xlarge").orElseThrow();
        assertThat(trn1.accelerators()).isEqualTo(new InstanceType.Accelerators("Trainium1", 16, 512));
        assertThat(trn1.networkGbps()).isEqualTo(800);
        assertThat(trn1.source()).isEqualTo("aws-ec2-describe-instance-types-2026-11-21");
        assertThat(c.instanceType("a1.medium")).isEmpty();
        assertThat(r.report().keptInstanceTypes()).contains("trn2.48xlarge");
    }

    @Test
    void spotAveragesTheLatestPricePerZone() {
        stubUsEast1();

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.EC2)).build());

        stub.server.verify(1, ec2Requests("DescribeSpotPriceHistory")
                .withRequestBody(containing("ProductDescription.1=Linux%2FUNIX"))
                .withRequestBody(containing("StartTime=2026-11-21T10%3A00%3A00Z")));
        SpotInfo p4d = catalog(r).spot("us-east-1", "p4d.24xlarge").orElseThrow();
        assertThat(p4d.avgUsdPerHour()).isCloseTo(TestCatalogs.P4D_SPOT_AVG, within(1e-12));
        assertThat(p4d.minUsdPerHour()).isEqualTo(8.1234);
        assertThat(p4d.interruptionBucket()).isEqualTo("5-10%");
        SpotInfo g5 = catalog(r).spot("us-east-1", "g5.xlarge").orElseThrow();
        assertThat(g5.avgUsdPerHour()).isCloseTo(0.3925, within(1e-12));
        assertThat(g5.minUsdPerHour()).isEqualTo(0.3838);
        assertThat(catalog(r).price("us-east-1", "g5.xlarge", PricingModel.SPOT).orElseThrow().usdPerHour())
                .isCloseTo(0.3925, within(1e-12));
    }

    @Test
    void servicePricesWithTheirUnitsNormalised() {
        stubUsEast1();

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.LAMBDA, AwsService.EBS, AwsService.S3,
                AwsService.SAGEMAKER)).build());

        Catalog c = catalog(r);
        assertThat(c.servicePrice("lambda.x86.gb-second", "us-east-1").orElseThrow().usd()).isEqualTo(0.0000166667);
        assertThat(c.servicePrice("lambda.requests", "us-east-1").orElseThrow().usd()).isEqualTo(0.20);
        assertThat(c.servicePrice("ebs.gp3.gb-month", "us-east-1").orElseThrow().unit()).isEqualTo("GB-month");
        assertThat(c.servicePrice("ebs.gp2.gb-month", "us-east-1").orElseThrow().unit()).isEqualTo("GB-month");
        assertThat(c.servicePrice("ebs.gp3.mibps-month", "us-east-1").orElseThrow().usd()).isEqualTo(0.04);
        assertThat(c.servicePrice("s3.standard.gb-month", "us-east-1").orElseThrow().usd()).isEqualTo(0.023);
        assertThat(c.servicePrice("sagemaker.training.ml.p4d.24xlarge.hour", "us-east-1").orElseThrow().usd()).isEqualTo(25.25);
        assertThat(c.servicePrice("sagemaker.hosting.ml.g5.xlarge.hour", "us-east-1").orElseThrow().usd()).isEqualTo(1.408);
        assertThat(c.servicePrice("ebs.st1.gb-month", "us-east-1").orElseThrow().source()).isEqualTo(TestCatalogs.LIMITS);
        assertThat(r.report().kept()).anySatisfy(k -> assertThat(k.subject()).isEqualTo("ebs.st1.gb-month"));
        stub.server.verify(0, ec2Requests("DescribeInstanceTypes"));
    }

    // --- round trip ---

    @Test
    void aRefreshFedTheSameFiguresChangesNoFigure() {
        stubUsEast1();

        RefreshResult r = refresh(options().build());

        RefreshReport report = r.report();
        assertThat(report.instanceTypes().changed()).isZero();
        assertThat(report.prices().changed()).isZero();
        assertThat(report.spot().changed()).isZero();
        assertThat(report.servicePrices().changed()).isZero();
        assertThat(report.instanceTypes().added() + report.prices().added() + report.spot().added()
                + report.servicePrices().added()).isZero();
        assertThat(report.prices().refreshed()).isEqualTo(10);
        assertThat(report.servicePrices().refreshed()).isEqualTo(13); // 15 minus fargate (not refreshable) and ebs.st1 (not returned)
        // every figure of the previous catalog reads the same from the refreshed one
        Catalog before = new Catalog(previous);
        Catalog after = catalog(r);
        for (Price p : previous.prices()) {
            assertThat(after.price(p.region(), p.instanceType(), p.pricing()).orElseThrow().usdPerHour())
                    .as(p.region() + " " + p.instanceType() + " " + p.pricing().id()).isCloseTo(p.usdPerHour(), within(1e-9));
        }
        for (ServicePrice s : previous.servicePrices()) {
            assertThat(after.servicePrice(s.id(), s.region()).orElseThrow().usd()).as(s.id()).isCloseTo(s.usd(), within(1e-12));
        }
        for (InstanceType t : previous.instanceTypes()) {
            InstanceType now = after.instanceType(t.name()).orElseThrow();
            assertThat(new InstanceType(now.name(), now.family(), now.arch(), now.vcpus(), now.memoryGiB(), now.accelerators(),
                    now.ebs(), now.networkGbps(), now.efaInterfaces(), now.currentGeneration(), t.source())).isEqualTo(t);
        }
        for (SpotInfo s : previous.spot()) {
            SpotInfo now = after.spot(s.region(), s.instanceType()).orElseThrow();
            assertThat(now.avgUsdPerHour()).isCloseTo(s.avgUsdPerHour(), within(1e-9));
            assertThat(now.minUsdPerHour()).isEqualTo(s.minUsdPerHour());
            assertThat(now.interruptionBucket()).isEqualTo(s.interruptionBucket());
        }
        assertThat(after.regions()).isEqualTo(before.regions());
        assertThat(r.catalog().prices()).hasSameSizeAs(previous.prices());
        assertThat(r.catalog().servicePrices()).hasSameSizeAs(previous.servicePrices());
    }

    @Test
    void refreshToWritesAReadableCatalog() throws IOException {
        stubUsEast1();
        Path out = dir.resolve("catalog.json");

        RefreshResult r = new CatalogRefresher(CLIENTS).refreshTo(previous, options().build(), out);

        try (var in = Files.newInputStream(out)) {
            assertThat(CatalogJson.read(in, out.toString())).isEqualTo(r.catalog());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(progress).last().asString().startsWith("wrote ");
        assertThat(String.join("\n", progress) + String.join("\n", r.report().summaryLines())).doesNotContain(SECRET);
    }

    @Test
    void theEndpointCanComeFromAwsEndpointUrl() {
        stubUsEast1();

        RefreshResult r = refresh(options().endpointUrl(null).environment(Map.of("AWS_ENDPOINT_URL", stub.url()))
                .services(EnumSet.of(AwsService.LAMBDA)).build());

        assertThat(catalog(r).servicePrice("lambda.requests", "us-east-1").orElseThrow().source())
                .isEqualTo("aws-price-list-api-2026-11-21");
    }

    @Test
    void aRegionTheApisKnowNothingAboutKeepsItsFigures() {
        stubUsEast1();
        String empty = "<DescribeInstanceTypesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                + "<instanceTypeSet/><nextToken/></DescribeInstanceTypesResponse>";
        String emptySpot = "<DescribeSpotPriceHistoryResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                + "<spotPriceHistorySet/><nextToken/></DescribeSpotPriceHistoryResponse>";
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).withHeader("Authorization", containing("/us-west-2/ec2/aws4_request"))
                .atPriority(1).willReturn(xml(200, empty)));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).withHeader("Authorization", containing("/us-west-2/ec2/aws4_request"))
                .atPriority(1).willReturn(xml(200, emptySpot)));

        RefreshResult r = refresh(options().regions(List.of("us-east-1", "us-west-2"))
                .services(EnumSet.of(AwsService.EC2, AwsService.LAMBDA)).build());

        stub.server.verify(1, ec2Requests("DescribeInstanceTypes").withHeader("Authorization", containing("/us-west-2/ec2/")));
        assertThat(r.report().keptServices()).containsExactlyInAnyOrder("ec2 in us-west-2", "lambda in us-west-2");
        assertThat(r.report().keptRegions()).containsExactly("eu-west-1");
        assertThat(catalog(r).price("us-east-1", "g5.xlarge", PricingModel.ON_DEMAND)).isPresent();
    }

    // --- throttling ---

    @Test
    void pricingThrottlingThenSuccessThroughTheSdkRetry() {
        stubUsEast1();
        stub.server.stubFor(getProducts("AWSLambda", "productFamily", "Serverless").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(json(400, resource("pricing/error-throttling.json"))));

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.LAMBDA))
                .maxAttempts(3).retryBaseDelay(Duration.ofMillis(1)).build());

        stub.server.verify(2, getProductsRequests().withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AWSLambda"))));
        assertThat(catalog(r).servicePrice("lambda.x86.gb-second", "us-east-1").orElseThrow().source())
                .isEqualTo("aws-price-list-api-2026-11-21");
    }

    @Test
    void ec2RequestLimitExceededThenSuccessThroughTheSdkRetry() {
        stubUsEast1();
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).atPriority(1).inScenario("ec2-throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("calm")
                .willReturn(xml(503, resource("ec2/error-request-limit-exceeded.xml"))));

        RefreshResult r = refresh(options().services(EnumSet.of(AwsService.EC2))
                .maxAttempts(3).retryBaseDelay(Duration.ofMillis(1)).build());

        stub.server.verify(3, ec2Requests("DescribeInstanceTypes"));
        assertThat(catalog(r).instanceType("trn1.32xlarge").orElseThrow().source())
                .isEqualTo("aws-ec2-describe-instance-types-2026-11-21");
    }

    @Test
    void throttledUntilTheAttemptsRunOut() {
        stub.server.stubFor(getProducts().atPriority(1).willReturn(json(400, resource("pricing/error-throttling.json"))));

        CatalogException e = failure(CLIENTS, options().maxAttempts(2).retryBaseDelay(Duration.ofMillis(1)).build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.THROTTLED);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: AWS throttled the requests (ThrottlingException: Rate exceeded)");
        stub.server.verify(2, getProductsRequests());
    }

    // --- access denied, credentials, network, unexpected answers ---

    @Test
    void accessDeniedLeavesThePreviousCatalogFileUntouched() throws IOException {
        stub.server.stubFor(computePrices().atPriority(1).willReturn(json(400, resource("pricing/error-access-denied.json"))));
        Path file = dir.resolve("catalog.json");
        CatalogJson.write(previous, file);
        byte[] before = Files.readAllBytes(file);

        CatalogException e = catchThrowableOfType(CatalogException.class,
                () -> new CatalogRefresher(CLIENTS).refreshTo(previous, options().build(), file));

        assertThat(RefreshException.reasonOf(e)).contains(Reason.ACCESS_DENIED);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: AWS refused the request (AccessDeniedException: User: "
                + "arn:aws:iam::123456789012:user/ci-mlplan is not authorized to perform: pricing:GetProducts")
                .hasMessageContaining("Check the IAM policy allows pricing:GetProducts");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertNoSecret(e);
    }

    @Test
    void ec2UnauthorizedOperationIsAccessDenied() {
        stubUsEast1();
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).atPriority(1)
                .willReturn(xml(403, resource("ec2/error-unauthorized-operation.xml"))));

        CatalogException e = failure(CLIENTS, options().services(EnumSet.of(AwsService.EC2)).build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.ACCESS_DENIED);
        assertThat(e).hasMessageContaining("UnauthorizedOperation").hasMessageContaining("ec2:DescribeInstanceTypes")
                .hasMessageContaining("during EC2 DescribeInstanceTypes (us-east-1)");
    }

    @Test
    void noCredentialsIsReportedAndNothingIsSent() {
        AwsCredentialsProvider nothing = new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
            }
        };

        CatalogException e = failure(AwsClients.withCredentials(nothing), options().build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.NO_CREDENTIALS);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: no AWS credentials found")
                .hasMessageContaining("Set AWS_PROFILE or use --profile");
        stub.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aProfileWithoutCredentialsIsReportedAndNothingIsSent() {
        // the real --profile path: ProfileCredentialsProvider over the (empty) files named by aws.configFile etc.
        CatalogException e = failure(AwsClients.standard(), options().profile("mlplan-test-nobody").build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.NO_CREDENTIALS);
        assertThat(e).hasMessageContaining("profile 'mlplan-test-nobody'").hasMessageNotContaining("ProfileFile(");
        stub.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnreachableEndpointIsANetworkFailure() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        CatalogException e = failure(CLIENTS, options().endpointUrl("http://127.0.0.1:" + closedPort).build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.NETWORK);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: cannot reach AWS during Pricing GetProducts")
                .hasMessageContaining("--endpoint-url");
    }

    @Test
    void aResponseThatIsNotJsonIsUnexpected() {
        stub.server.stubFor(getProducts().atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>captive portal</body></html>")));

        CatalogException e = failure(CLIENTS, options().build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.UNEXPECTED_RESPONSE);
        assertThat(e).hasMessageStartingWith("catalog refresh failed: unexpected response from AWS");
    }

    @Test
    void anEc2ServerErrorIsUnexpected() {
        stubUsEast1();
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).atPriority(1).willReturn(xml(500,
                "<Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred</Message></Error>"
                        + "</Errors><RequestID>r-1</RequestID></Response>")));

        CatalogException e = failure(CLIENTS, options().services(EnumSet.of(AwsService.EC2)).build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.UNEXPECTED_RESPONSE);
        assertThat(e).hasMessageContaining("InternalError").hasMessageContaining("HTTP 500")
                .hasMessageContaining("EC2 DescribeSpotPriceHistory (us-east-1)");
    }

    @Test
    void theSecretKeyNeverAppearsEvenWhenAnErrorEchoesIt() {
        stub.server.stubFor(getProducts().atPriority(1).willReturn(json(403,
                "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid: "
                        + SECRET + " (aws_session_token=abc123token)\"}")));

        CatalogException e = failure(CLIENTS, options().build());

        assertThat(RefreshException.reasonOf(e)).contains(Reason.ACCESS_DENIED);
        assertThat(e).hasMessageContaining("AWS rejected the credentials").hasMessageContaining(Redactor.MASK)
                .hasMessageNotContaining("abc123token");
        // the request itself was signed with the secret but never carried it
        stub.server.getAllServeEvents().forEach(ev -> {
            assertThat(ev.getRequest().getBodyAsString()).doesNotContain(SECRET);
            assertThat(ev.getRequest().getHeaders().all().toString()).doesNotContain(SECRET).contains(ACCESS_KEY);
        });
    }

    @Test
    void nothingIsWrittenWhenALaterRegionFails() throws IOException {
        stubUsEast1();
        stub.server.stubFor(getProducts("AWSLambda", "regionCode", "eu-west-1").atPriority(1)
                .willReturn(json(400, resource("pricing/error-access-denied.json"))));
        Path out = dir.resolve("refreshed.json");

        assertThatThrownBy(() -> new CatalogRefresher(CLIENTS).refreshTo(previous,
                options().regions(List.of("us-east-1", "eu-west-1")).build(), out))
                .isInstanceOf(CatalogException.class);

        assertThat(out).doesNotExist();
        stub.server.verify(0, ec2Requests("DescribeInstanceTypes"));
    }
}
