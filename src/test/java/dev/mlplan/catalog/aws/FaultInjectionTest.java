package dev.mlplan.catalog.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mlplan.catalog.aws.AwsStub.ec2;
import static dev.mlplan.catalog.aws.AwsStub.getProducts;
import static dev.mlplan.catalog.aws.AwsStub.items;
import static dev.mlplan.catalog.aws.AwsStub.page;
import static dev.mlplan.catalog.aws.FaultStub.anyGetProducts;
import static dev.mlplan.catalog.aws.FaultStub.anything;
import static dev.mlplan.catalog.aws.FaultStub.ec2Error;
import static dev.mlplan.catalog.aws.FaultStub.fault;
import static dev.mlplan.catalog.aws.FaultStub.gpuType;
import static dev.mlplan.catalog.aws.FaultStub.instanceTypesPage;
import static dev.mlplan.catalog.aws.FaultStub.itemWithPrice;
import static dev.mlplan.catalog.aws.FaultStub.pricePage;
import static dev.mlplan.catalog.aws.FaultStub.pricingError;
import static dev.mlplan.catalog.aws.FaultStub.spotPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Issue 19's fault-injecting stub: each test makes {@link FaultStub} (WireMock on 127.0.0.1, the
 * Price List's JSON 1.1 and EC2's Query/XML) misbehave in one way, runs {@link CatalogRefresher#refreshTo}
 * over a catalog file, and asserts the exit code the CLI gives it (a {@link CatalogException} is exit
 * 3), the message, and what must not happen: the previous catalog file changed by one byte, a
 * temporary file left behind, a credential in any output or in any encoding, a catalog written that
 * {@code --catalog} would refuse. Timeouts are set short through the options; no test measures time
 * ({@link Timeout} is only a safety net against a hang).
 */
@Timeout(60)
class FaultInjectionTest {
    static final String KEY_ID = "AKIAIOSFODNN7FAULTED";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYz/SECRETKEY";
    static final String TOKEN = "FwoGZXIvYXdzEXAMPLE/session+token/with=padding==";
    static final AwsClients CLIENTS = AwsClients.withCredentials(
            StaticCredentialsProvider.create(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN)));

    @TempDir
    static Path awsHome;
    static AwsStub stub;
    static AwsStub.Isolation isolation;

    @TempDir
    Path dir;
    Path out;
    byte[] before;
    final List<String> progress = new ArrayList<>();
    final CatalogDocument previous = TestCatalogs.previous();

    @BeforeAll
    static void start() throws IOException {
        isolation = AwsStub.Isolation.start(awsHome);
        stub = new AwsStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
        isolation.restore();
    }

    @BeforeEach
    void reset() throws IOException {
        stub.server.resetAll();
        stub.emptyPricesByDefault();
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).atPriority(10).willReturn(instanceTypesPage(null)));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).atPriority(10).willReturn(spotPage(null)));
        out = dir.resolve("catalog.json");
        before = CatalogJson.toJson(previous).getBytes(StandardCharsets.UTF_8);
        Files.write(out, before);
    }

    private RefreshOptions.Builder options(AwsService... services) {
        return RefreshOptions.builder()
                .region("us-east-1")
                .services(services.length == 0 ? EnumSet.of(AwsService.LAMBDA) : EnumSet.of(services[0], services))
                .endpointUrl(stub.url())
                .environment(Map.of())
                .maxAttempts(1)
                .retryBaseDelay(Duration.ofMillis(1))
                .callTimeout(Duration.ofSeconds(5))
                .timeout(Duration.ofSeconds(30))
                .clock(TestCatalogs.CLOCK)
                .progress(progress::add);
    }

    /** What the CLI would show: exit code 0 (with the result) or 3 (with the message and trace). */
    record Outcome(int exitCode, RefreshResult result, CatalogException error, String shown) {
        String message() {
            return error == null ? "" : error.getMessage();
        }

        Reason reason() {
            return RefreshException.reasonOf(error).orElse(null);
        }
    }

    private Outcome run(RefreshOptions opts) {
        return run(previous, opts);
    }

    private Outcome run(CatalogDocument prev, RefreshOptions opts) {
        StringBuilder shown = new StringBuilder();
        try {
            RefreshResult r = new CatalogRefresher(CLIENTS).refreshTo(prev, opts, out);
            r.report().summaryLines().forEach(l -> shown.append(l).append('\n'));
            progress.forEach(l -> shown.append(l).append('\n'));
            return new Outcome(0, r, null, shown.toString());
        } catch (CatalogException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            progress.forEach(l -> shown.append(l).append('\n'));
            return new Outcome(3, null, e, shown.append(e.getMessage()).append('\n').append(trace).toString());
        }
    }

    /** Exit 3, the previous file byte for byte as it was, no temporary file, no credential shown. */
    private Outcome fails(RefreshOptions opts, Reason reason, String... messageParts) throws IOException {
        Outcome o = run(opts);
        assertThat(o.exitCode()).as(o.shown()).isEqualTo(3);
        assertThat(o.reason()).as(o.message()).isEqualTo(reason);
        assertThat(o.message()).startsWith("catalog refresh failed").contains(messageParts);
        assertThat(Files.readAllBytes(out)).as("the previous catalog file").isEqualTo(before);
        assertOnlyTheCatalogFile();
        assertNoCredential(o.shown());
        return o;
    }

    /** Exit 0, a catalog file that loads back, no temporary file, no credential shown. */
    private Outcome succeeds(RefreshOptions opts) throws IOException {
        return succeeds(previous, opts);
    }

    private Outcome succeeds(CatalogDocument prev, RefreshOptions opts) throws IOException {
        Outcome o = run(prev, opts);
        assertThat(o.exitCode()).as(o.shown()).isZero();
        assertOnlyTheCatalogFile();
        assertNoCredential(o.shown());
        try (var in = Files.newInputStream(out)) {
            CatalogDocument written = CatalogJson.read(in, out.toString());
            assertThat(written).isEqualTo(o.result().catalog());
            assertThat(CatalogRefresher.newProblems(prev, written)).isEmpty();
        }
        return o;
    }

    private void assertOnlyTheCatalogFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    static void assertNoCredential(String text) {
        for (String secret : List.of(SECRET, TOKEN, KEY_ID)) {
            for (String encoded : FaultStub.encodings(secret)) {
                assertThat(text).as("credential in some encoding").doesNotContain(encoded);
            }
        }
    }

    private static void stubLambda(ResponseDefinitionBuilder answer) {
        stub.server.stubFor(getProducts("AWSLambda", "productFamily", "Serverless").atPriority(5).willReturn(answer));
    }

    private static ResponseDefinitionBuilder lambdaItems(String... items) {
        return pricePage(null, List.of(items));
    }

    private static String lambdaRequests(String usd) {
        return itemWithPrice("lambda-requests-us-east-1", "0.0000002000", usd);
    }

    /** Any request of this EC2 action, whatever its page. */
    private static MappingBuilder ec2Action(String action) {
        return com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=" + action)).atPriority(5);
    }

    private ServicePrice lambdaRequestsIn(RefreshResult r) {
        return new Catalog(r.catalog()).servicePrice("lambda.requests", "us-east-1").orElseThrow();
    }

    // --- HTTP errors and retries ---

    @Test
    void http500OnEveryAttemptFailsAfterTheRetries() throws IOException {
        stub.server.stubFor(anyGetProducts().atPriority(1).willReturn(pricingError(500, "InternalServerException", "boom")));

        fails(options().maxAttempts(3).build(), Reason.UNEXPECTED_RESPONSE, "HTTP 500", "Pricing GetProducts");
        stub.server.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void http503OnceThenTheAnswerThroughTheRetry() throws IOException {
        stub.server.stubFor(anyGetProducts().atPriority(1).inScenario("503").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("up"));
        stub.server.stubFor(anyGetProducts().atPriority(1).inScenario("503").whenScenarioStateIs("up")
                .willReturn(lambdaItems(lambdaRequests("0.0000002100"))));

        Outcome o = succeeds(options().maxAttempts(3).build());

        assertThat(lambdaRequestsIn(o.result()).usd()).isCloseTo(0.21, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pricingThrottlingExceptionUntilTheAttemptsRunOut() throws IOException {
        stub.server.stubFor(anyGetProducts().atPriority(1).willReturn(pricingError(400, "ThrottlingException", "Rate exceeded")));

        fails(options().maxAttempts(2).build(), Reason.THROTTLED, "throttled", "Try again later");
        stub.server.verify(2, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void ec2RequestLimitExceededUntilTheAttemptsRunOut() throws IOException {
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")));

        fails(options(AwsService.EC2).maxAttempts(2).build(), Reason.THROTTLED, "RequestLimitExceeded", "DescribeInstanceTypes");
    }

    @Test
    void pricingAccessDeniedNamesThePermissions() throws IOException {
        stub.server.stubFor(anyGetProducts().atPriority(1).willReturn(pricingError(403, "AccessDeniedException",
                "User is not authorized to perform: pricing:GetProducts")));

        fails(options().build(), Reason.ACCESS_DENIED, "pricing:GetProducts", AwsErrors.IAM_HINT);
    }

    @Test
    void ec2AuthFailureSaysTheCredentialsWereRejected() throws IOException {
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(ec2Error(401, "AuthFailure",
                "AWS was not able to validate the provided access credentials")));

        fails(options(AwsService.EC2).build(), Reason.ACCESS_DENIED, "rejected the credentials", "--profile");
    }

    // --- bodies that cannot be read ---

    @Test
    void malformedJsonIsAnUnexpectedResponse() throws IOException {
        stubLambda(AwsStub.json(200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"{\\\"product\\\""));

        fails(options().build(), Reason.UNEXPECTED_RESPONSE, "Pricing GetProducts");
    }

    @Test
    void malformedXmlIsAnUnexpectedResponse() throws IOException {
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(AwsStub.xml(200,
                "<?xml version=\"1.0\"?><DescribeInstanceTypesResponse><instanceTypeSet><item><instanceType>g5.xl")));

        fails(options(AwsService.EC2).build(), Reason.UNEXPECTED_RESPONSE, "DescribeInstanceTypes");
    }

    @Test
    void aTruncatedChunkedBodyFailsTheRefresh() throws IOException {
        stubLambda(fault(Fault.MALFORMED_RESPONSE_CHUNK));

        // the body ends before its last chunk: the answer cannot be read, whatever the retries
        fails(options().maxAttempts(2).build(), Reason.UNEXPECTED_RESPONSE, "Pricing GetProducts", "Premature EOF");
    }

    @Test
    void anHtmlPageInsteadOfJsonPointsAtTheEndpoint() throws IOException {
        stub.server.stubFor(anything().atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><html><body>Sign in to the Wi-Fi</body></html>")));

        fails(options().build(), Reason.UNEXPECTED_RESPONSE, "--endpoint-url");
    }

    @Test
    void randomBytesThenCloseFailsTheRefresh() throws IOException {
        stubLambda(fault(Fault.RANDOM_DATA_THEN_CLOSE));

        // before the fix, the client's unwrapped UncheckedIOException escaped as an internal error (exit 4)
        fails(options().build(), Reason.UNEXPECTED_RESPONSE, "Invalid Http response");
    }

    @Test
    void connectionResetByPeer() throws IOException {
        stubLambda(fault(Fault.CONNECTION_RESET_BY_PEER));

        fails(options().maxAttempts(2).build(), Reason.NETWORK, "cannot reach AWS", "Pricing GetProducts");
    }

    @Test
    void anEmptyReplyFromTheServer() throws IOException {
        stubLambda(fault(Fault.EMPTY_RESPONSE));

        fails(options().build(), Reason.NETWORK, "cannot reach AWS");
    }

    @Test
    void aDeadPortGivesUpAfterTheDefaultAttempts() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        Outcome o = fails(options().endpointUrl("http://127.0.0.1:" + port).maxAttempts(RefreshOptions.DEFAULT_MAX_ATTEMPTS).build(),
                Reason.NETWORK, "cannot reach AWS", "Connection refused", "--endpoint-url");
        assertThat(o.message()).contains("127.0.0.1:" + port);
    }

    @Test
    void anOversizedResponseIsRefusedPastTheLimit() throws IOException {
        String huge = "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"" + "x".repeat(300_000) + "\"]}";
        stubLambda(AwsStub.json(200, huge));

        fails(options().maxResponseBytes(64 * 1024).build(), Reason.UNEXPECTED_RESPONSE, "larger than 65536 bytes");
    }

    @Test
    void aGzipBombIsBoundedToo() throws IOException {
        stubLambda(aResponse().withStatus(200).withHeader("Content-Type", AwsStub.JSON_11).withHeader("Content-Encoding", "gzip")
                .withBody(FaultStub.gzipBomb(50 << 20)));

        // about 50 KB on the wire, 50 MB unpacked: the SDK unpacks it, and the limit applies to what it unpacks
        fails(options().maxResponseBytes(256 * 1024).build(), Reason.UNEXPECTED_RESPONSE, "larger than 262144 bytes");
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedWithTheCredentials() throws IOException {
        WireMockServer other = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(anything().willReturn(lambdaItems(lambdaRequests("0.0000002000"))));
            stub.server.stubFor(anything().atPriority(1).willReturn(aResponse().withStatus(307)
                    .withHeader("Location", "http://127.0.0.1:" + other.port() + "/")));

            // not followed: the other host gets nothing, let alone the signed headers and the session token
            fails(options().build(), Reason.UNEXPECTED_RESPONSE, "HTTP 307");
            assertThat(other.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            other.stop();
        }
    }

    // --- figures that must not land ---

    @Test
    void anEmptyPriceListChangesNoPriceAndKeepsThePricesDate() throws IOException {
        Outcome o = run(options(AwsService.LAMBDA, AwsService.S3).build());

        assertThat(o.exitCode()).isZero();
        assertThat(o.result().catalog().pricesAsOf()).isEqualTo(previous.pricesAsOf());
        assertThat(o.result().catalog().servicePrices()).isEqualTo(previous.servicePrices());
        assertThat(o.result().report().keptServices()).containsExactlyInAnyOrder("lambda in us-east-1", "s3 in us-east-1");
    }

    @Test
    void notANumberIsSkippedAndCounted() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("NaN"), AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().malformedItemsSkipped()).isEqualTo(1);
        assertThat(lambdaRequestsIn(o.result()).usd()).isEqualTo(0.20);
        assertThat(lambdaRequestsIn(o.result()).source()).isEqualTo(TestCatalogs.LIMITS);
    }

    @Test
    void aNegativePriceIsSkippedAndCounted() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("-0.0000002000"), AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().malformedItemsSkipped()).isEqualTo(1);
        assertThat(lambdaRequestsIn(o.result()).usd()).isEqualTo(0.20);
    }

    @Test
    void aZeroPriceIsIgnoredNotWritten() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000000000"), AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().zeroPricedSkusIgnored()).isEqualTo(1);
        assertThat(lambdaRequestsIn(o.result()).usd()).isEqualTo(0.20);
    }

    @Test
    void aHugePriceThatOverflowsIsSkippedAndTheOldOneKept() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("1e400"), AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().implausibleSkipped()).isEqualTo(1);
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("lambda.requests").contains("not a positive price"));
        assertThat(lambdaRequestsIn(o.result()).usd()).isEqualTo(0.20);
    }

    @Test
    void aPrice100TimesThePreviousIsReportedNotUsed() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000400000"), AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().implausibleSkipped()).isEqualTo(1);
        assertThat(o.result().report().summaryLines()).anySatisfy(l -> assertThat(l).contains("skipped 1 implausible figure"));
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("lambda.requests").contains("200×"));
        assertThat(lambdaRequestsIn(o.result()).usd()).isEqualTo(0.20);
    }

    @Test
    void anOnDemandPrice150TimesThePreviousIsReportedNotUsed() throws IOException {
        stub.server.stubFor(getProducts("AmazonEC2", "capacitystatus", "Used").atPriority(5)
                .willReturn(pricePage(null, List.of(itemWithPrice("ec2-g5.xlarge-us-east-1", "1.0060000000", "150.9000000000")))));

        Outcome o = succeeds(options(AwsService.EC2).build());

        Catalog c = new Catalog(o.result().catalog());
        assertThat(c.price("us-east-1", "g5.xlarge", PricingModel.ON_DEMAND).orElseThrow().usdPerHour()).isEqualTo(1.006);
        assertThat(c.price("us-east-1", "g5.xlarge", PricingModel.RESERVED_1Y_NO_UPFRONT).orElseThrow().source())
                .startsWith("aws-price-list-api");
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("on-demand price of g5.xlarge").contains("150×"));
    }

    @Test
    void aSpotPriceAt1PercentOfOnDemandIsReportedNotUsed() throws IOException {
        stub.server.stubFor(ec2Action("DescribeSpotPriceHistory").willReturn(spotPage(null, "g5.xlarge=0.010060", "p4d.24xlarge=8.5")));

        Outcome o = succeeds(options(AwsService.EC2).build());

        Catalog c = new Catalog(o.result().catalog());
        assertThat(c.spot("us-east-1", "g5.xlarge").orElseThrow().avgUsdPerHour()).isEqualTo(0.3925);
        assertThat(c.price("us-east-1", "g5.xlarge", PricingModel.SPOT).orElseThrow().usdPerHour()).isEqualTo(0.3925);
        assertThat(c.spot("us-east-1", "p4d.24xlarge").orElseThrow().avgUsdPerHour()).isEqualTo(8.5);
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("spot price of g5.xlarge").contains("1.0% of on-demand"));
    }

    @Test
    void duplicateSkusWithDifferentPricesKeepTheFirstAndSaySo() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000002100"), lambdaRequests("0.0000002500")));

        Outcome o = succeeds(options().build());

        assertThat(lambdaRequestsIn(o.result()).usd()).isCloseTo(0.21, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("two prices for lambda.requests"));
    }

    @Test
    void aPriceForARegionNotAskedForIsNotWritten() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000002100").replace("\"regionCode\":\"us-east-1\"", "\"regionCode\":\"ap-east-2\"")));

        Outcome o = succeeds(options().build());

        assertThat(o.result().catalog().servicePrices()).noneMatch(s -> s.region().equals("ap-east-2"));
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("ap-east-2"));
    }

    @Test
    void anUnknownFamilyWithAnUnknownAcceleratorIsSkippedAndTheCatalogStillLoads() throws IOException {
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(instanceTypesPage(null,
                gpuType("zz9.48xlarge", 192, 2_097_152, "B300", 8, 8 * 288 * 1024, null))));

        Outcome o = succeeds(options(AwsService.EC2).build());

        assertThat(o.result().catalog().instanceTypes()).noneMatch(t -> t.name().equals("zz9.48xlarge"));
        assertThat(o.result().report().implausibleSkipped()).isEqualTo(1);
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("zz9.48xlarge").contains("no figures"));
    }

    @Test
    void aFractionalGpuIsMappedToTheCatalogsFractionNeverToZeroAccelerators() throws IOException {
        CatalogDocument embedded = CatalogLoader.embedded().document();
        Files.write(out, CatalogJson.toJson(embedded).getBytes(StandardCharsets.UTF_8));
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(instanceTypesPage(null,
                gpuType("g6f.large", 2, 8192, "L4", 0, 2861, 0.125),
                gpuType("gr6f.9xlarge", 36, 294_912, "L4", 0, 1000, 0.04))));

        Outcome o = succeeds(embedded, options(AwsService.EC2).build());

        InstanceType g6f = new Catalog(o.result().catalog()).instanceType("g6f.large").orElseThrow();
        assertThat(g6f.accelerators().name()).isEqualTo("L4-1/8");
        assertThat(g6f.accelerators().count()).isEqualTo(1);
        assertThat(g6f.source()).startsWith("aws-ec2-describe-instance-types");
        // no fraction of the L4 has 1000 MiB: the fetched figures are not used, never "0 accelerators"
        assertThat(o.result().catalog().instanceTypes()).noneMatch(t -> t.accelerators() != null && t.accelerators().count() == 0);
        assertThat(o.result().report().warnings()).anySatisfy(w -> assertThat(w).contains("gr6f.9xlarge").contains("0 accelerators"));
        CatalogLoader.fromFile(out);
    }

    // --- listings that would never end, servers that never finish ---

    @Test
    void aRepeatedPricingNextTokenStopsTheRefresh() throws IOException {
        stubLambda(pricePage("same-token", List.of(lambdaRequests("0.0000002000"))));

        Outcome o = fails(options().build(), Reason.PAGINATION, "page 2", "already returned on page 1", "same-token");
        stub.server.verify(2, postRequestedFor(urlEqualTo("/")));
        assertThat(o.message()).contains("Nothing was written");
    }

    @Test
    void cyclingPricingTokensStopTheRefresh() throws IOException {
        MappingBuilder lambda = getProducts("AWSLambda", "productFamily", "Serverless");
        stub.server.stubFor(page(lambda, null).atPriority(4).willReturn(pricePage("A", List.of())));
        stub.server.stubFor(page(getProducts("AWSLambda", "productFamily", "Serverless"), "A").atPriority(4).willReturn(pricePage("B", List.of())));
        stub.server.stubFor(page(getProducts("AWSLambda", "productFamily", "Serverless"), "B").atPriority(4).willReturn(pricePage("A", List.of())));

        fails(options().build(), Reason.PAGINATION, "on page 3", "already returned on page 1");
        stub.server.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aRepeatedDescribeInstanceTypesNextTokenStopsTheRefresh() throws IOException {
        stub.server.stubFor(ec2Action("DescribeInstanceTypes").willReturn(instanceTypesPage("again")));

        fails(options(AwsService.EC2).build(), Reason.PAGINATION, "EC2 DescribeInstanceTypes", "again");
    }

    @Test
    void cyclingSpotPriceHistoryTokensStopTheRefresh() throws IOException {
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).atPriority(4).willReturn(spotPage("t1")));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", "t1").atPriority(3).willReturn(spotPage("t2")));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", "t2").atPriority(3).willReturn(spotPage("t1")));

        fails(options(AwsService.EC2).build(), Reason.PAGINATION, "EC2 DescribeSpotPriceHistory", "on page 3");
    }

    @Test
    void aSlowFirstByteHitsThePerCallTimeout() throws IOException {
        stubLambda(lambdaItems().withFixedDelay(10_000));

        Outcome o = fails(options().callTimeout(Duration.ofMillis(300)).maxAttempts(2).build(), Reason.TIMEOUT,
                "did not answer in time", "300ms per attempt");
        assertThat(o.message()).contains("Pricing GetProducts");
    }

    @Test
    void aTricklingBodyHitsThePerCallTimeout() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000002000")).withChunkedDribbleDelay(200, 20_000));

        fails(options().callTimeout(Duration.ofMillis(800)).build(), Reason.TIMEOUT, "did not answer in time");
    }

    @Test
    void theOverallDeadlineEndsARefreshWhoseEveryCallIsWithinItsOwnTimeout() throws IOException {
        stubLambda(lambdaItems().withFixedDelay(10_000));

        Outcome o = fails(options().callTimeout(Duration.ofSeconds(20)).timeout(Duration.ofMillis(700)).build(),
                Reason.TIMEOUT, "did not finish within --timeout 700ms", "Raise --timeout");
        assertThat(o.message()).contains("Nothing was written");
    }

    // --- secrets ---

    @Test
    void secretsEchoedInAnErrorBodyInEveryEncodingAreMasked() throws IOException {
        StringBuilder echo = new StringBuilder("you sent:");
        for (String s : List.of(SECRET, TOKEN, KEY_ID)) {
            FaultStub.encodings(s).forEach(e -> echo.append(' ').append(e));
        }
        echo.append(" Authorization: {{request.headers.Authorization}} token {{request.headers.X-Amz-Security-Token}}");
        stub.server.stubFor(anyGetProducts().atPriority(1).willReturn(pricingError(403, "UnrecognizedClientException", echo.toString())
                .withTransformers("response-template")));

        Outcome o = fails(options().build(), Reason.ACCESS_DENIED, "rejected the credentials");
        assertThat(o.message()).contains("****************AULTED".substring(0, 16)).contains("AULTED".substring(2));
    }

    @Test
    void secretsEchoedInsideAPriceItemNeverReachTheSummary() throws IOException {
        stubLambda(lambdaItems(lambdaRequests(SECRET), lambdaRequests(java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)),
                AwsStub.items("lambda-duration-x86-us-east-1").get(0)));

        Outcome o = succeeds(options().build());

        assertThat(o.result().report().malformedItemsSkipped()).isEqualTo(2);
        assertThat(String.join("\n", o.result().report().warnings())).contains("****");
    }

    @Test
    void secretsFromTheCredentialsFileAreMaskedToo() throws IOException {
        Path credentials = Path.of(System.getProperty("aws.sharedCredentialsFile"));
        String empty = Files.readString(credentials);
        Files.writeString(credentials, "[fault]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET
                + "\naws_session_token = " + TOKEN + "\n");
        try {
            stub.server.stubFor(anyGetProducts().atPriority(1).willReturn(pricingError(400, "IncompleteSignature",
                    "bad signature for " + SECRET + " / " + java.net.URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)
                            + " / token {{request.headers.X-Amz-Security-Token}}").withTransformers("response-template")));

            StringBuilder shown = new StringBuilder();
            try {
                new CatalogRefresher(AwsClients.standard()).refreshTo(previous, options().profile("fault").build(), out);
            } catch (CatalogException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                shown.append(e.getMessage()).append(trace);
                assertThat(RefreshException.reasonOf(e)).contains(Reason.ACCESS_DENIED);
            }
            assertThat(shown.toString()).contains("rejected the credentials").contains("****");
            assertNoCredential(shown + String.join("\n", progress));
            assertThat(Files.readAllBytes(out)).isEqualTo(before);
            assertThat(stub.server.getAllServeEvents()).allSatisfy(ev ->
                    assertThat(ev.getRequest().getHeader("X-Amz-Security-Token")).isEqualTo(TOKEN));
        } finally {
            Files.writeString(credentials, empty);
        }
    }

    @Test
    void theSourcesSayTheFiguresCameThroughAnEndpointOverride() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000002100")));

        Outcome o = succeeds(options().build());

        assertThat(o.result().catalog().sources()).filteredOn(s -> s.id().startsWith("aws-price-list-api"))
                .singleElement().satisfies(s -> assertThat(s.note()).contains("endpoint override " + stub.url()));
        assertThat(o.result().catalog().pricesAsOf()).isEqualTo("2026-11-21");
    }

    @Test
    void pricesAsOfMovesOnlyForTheServicesActuallyRefreshed() throws IOException {
        stubLambda(lambdaItems(lambdaRequests("0.0000002100")));

        Outcome o = succeeds(options(AwsService.LAMBDA, AwsService.S3).build());

        assertThat(o.result().catalog().pricesAsOf()).isEqualTo("2026-11-21");
        assertThat(o.result().catalog().description()).contains("prices as of 2026-11-21 for lambda, the others as of 2026-07-20");
        assertThat(o.result().report().keptServices()).containsExactly("s3 in us-east-1");
    }

    @Test
    void aCheckThatRefusesTheWrittenFileLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Set<Path> seen = new java.util.HashSet<>();
        try {
            dev.mlplan.util.AtomicFiles.write(out, "{}".getBytes(StandardCharsets.UTF_8), tmp -> {
                seen.add(tmp);
                throw new IOException("refused");
            });
        } catch (IOException e) {
            assertThat(e).hasMessage("refused");
        }
        assertThat(seen).hasSize(1);
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        assertOnlyTheCatalogFile();
    }
}
