package dev.mlplan.catalog.aws;

import static dev.mlplan.catalog.aws.AwsStub.ec2;
import static dev.mlplan.catalog.aws.AwsStub.getProducts;
import static dev.mlplan.catalog.aws.AwsStub.items;
import static dev.mlplan.catalog.aws.AwsStub.json;
import static dev.mlplan.catalog.aws.AwsStub.priceListPage;
import static dev.mlplan.catalog.aws.AwsStub.resource;
import static dev.mlplan.catalog.aws.AwsStub.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.Planner;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A catalog refreshed through the real SDK from a loopback stub that answers with the same figures
 * as the embedded catalog yields the same plan for every example workload: same options, ranks,
 * costs and eliminations. Only the catalog's id and date, the price sources, and the catalog-age
 * warning may differ.
 */
class RefreshedCatalogPlanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    /** Types whose us-east-1 on-demand price the stub serves (from the embedded catalog). */
    private static final List<String> TYPES = List.of("p4d.24xlarge", "p5.48xlarge", "g5.xlarge", "g6e.xlarge", "g6e.4xlarge", "trn1.32xlarge",
            "inf2.xlarge", "inf1.xlarge", "c7g.medium", "c6g.medium");

    @TempDir
    static Path awsHome;
    static AwsStub stub;
    static AwsStub.Isolation isolation;

    @BeforeAll
    static void startStub() throws IOException {
        isolation = AwsStub.Isolation.start(awsHome);
        stub = new AwsStub();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
        isolation.restore();
    }

    /** A Price List item for {@code type} in us-east-1 at {@code usd}, from the g5.xlarge fixture, without reserved terms. */
    private static String onDemandItem(String type, double usd) throws IOException {
        ObjectNode item = (ObjectNode) JSON.readTree(resource("pricing/items/ec2-g5.xlarge-us-east-1.json"));
        ObjectNode attrs = (ObjectNode) item.path("product").path("attributes");
        attrs.put("instanceType", type);
        attrs.put("usagetype", "BoxUsage:" + type);
        ObjectNode terms = (ObjectNode) item.path("terms");
        terms.remove("Reserved");
        ObjectNode onDemand = (ObjectNode) terms.path("OnDemand");
        Iterator<JsonNode> offers = onDemand.elements();
        ObjectNode dims = (ObjectNode) offers.next().path("priceDimensions");
        ((ObjectNode) dims.elements().next().path("pricePerUnit")).put("USD", String.format(java.util.Locale.ROOT, "%.10f", usd));
        return JSON.writeValueAsString(item);
    }

    @Test
    void aCatalogRefreshedWithTheSameFiguresGivesTheSamePlans() throws Exception {
        CatalogDocument embedded = CatalogLoader.embedded().document();
        Catalog before = new Catalog(embedded);
        List<String> ec2Items = new ArrayList<>();
        for (String t : TYPES) {
            ec2Items.add(onDemandItem(t, before.price("us-east-1", t, PricingModel.ON_DEMAND).orElseThrow().usdPerHour()));
        }
        stub.server.resetAll();
        stub.emptyPricesByDefault();
        stub.server.stubFor(getProducts("AmazonEC2", "capacitystatus", "Used").atPriority(5).willReturn(json(200, priceListPage(null, ec2Items))));
        stub.server.stubFor(getProducts("AWSLambda", "productFamily", "Serverless").atPriority(5).willReturn(json(200,
                priceListPage(null, items("lambda-duration-x86-us-east-1", "lambda-duration-arm-us-east-1", "lambda-requests-us-east-1")))));
        String noTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeInstanceTypesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>1</requestId><instanceTypeSet/><nextToken/></DescribeInstanceTypesResponse>";
        String noSpot = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeSpotPriceHistoryResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + "<requestId>2</requestId><spotPriceHistorySet/><nextToken/></DescribeSpotPriceHistoryResponse>";
        stub.server.stubFor(ec2("DescribeInstanceTypes", null).willReturn(xml(200, noTypes)));
        stub.server.stubFor(ec2("DescribeSpotPriceHistory", null).willReturn(xml(200, noSpot)));

        RefreshOptions opts = RefreshOptions.builder().region("us-east-1").services(EnumSet.of(AwsService.EC2, AwsService.LAMBDA))
                .endpointUrl(stub.url()).environment(Map.of()).maxAttempts(1).clock(TestCatalogs.CLOCK).build();
        RefreshResult r = new CatalogRefresher(AwsClients.withCredentials(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret-test-value")))).refresh(embedded, opts);
        Catalog after = new Catalog(r.catalog());

        // the stub really served these figures: they now come from the API source
        assertThat(after.price("us-east-1", "p4d.24xlarge", PricingModel.ON_DEMAND).orElseThrow().source()).startsWith("aws-price-list-api-");
        assertThat(after.servicePrice("lambda.x86.gb-second", "us-east-1").orElseThrow().source()).startsWith("aws-price-list-api-");
        assertThat(r.report().prices().changed()).isZero();
        assertThat(r.report().servicePrices().changed()).isZero();
        assertThat(after.id()).isNotEqualTo(before.id());

        WorkloadParser parser = ModelPresets.workloadParser();
        List<Workload> workloads;
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            workloads = files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(parser::parse).toList();
        }
        assertThat(workloads).hasSizeGreaterThanOrEqualTo(9);
        PlanOptions options = PlanOptions.defaults("test");
        String planBefore = comparable(JsonRenderer.render(new Planner(before, ConstraintEngine.standard(), options, TODAY).plan(workloads)));
        String planAfter = comparable(JsonRenderer.render(new Planner(after, ConstraintEngine.standard(), options, TODAY).plan(workloads)));
        assertThat(planAfter).isEqualTo(planBefore);
    }

    @Test
    void theCommandLineRefreshesIntoAFileThatRecommendUses(@TempDir Path dir) throws Exception {
        stub.server.resetAll();
        stub.emptyPricesByDefault();
        stub.server.stubFor(getProducts("AWSLambda", "productFamily", "Serverless").atPriority(5).willReturn(json(200,
                priceListPage(null, items("lambda-duration-x86-us-east-1", "lambda-duration-arm-us-east-1", "lambda-requests-us-east-1")))));
        Map<String, String> saved = new HashMap<>();
        for (String p : List.of("aws.accessKeyId", "aws.secretAccessKey")) {
            saved.put(p, System.getProperty(p));
        }
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret-test-value");
        try {
            var refresh = dev.mlplan.testing.CliRun.run(Map.of("AWS_ENDPOINT_URL", stub.url()), dir, "catalog", "refresh", "--services", "lambda",
                    "--max-attempts", "1", "--output", "refreshed.json");
            assertThat(refresh.exitCode()).as(refresh.err()).isZero();
            assertThat(refresh.out()).contains("wrote refreshed.json: catalog aws-2026-11");
            assertThat(refresh.err()).contains("refresh: ");
            Path workload = Path.of("workloads/tiny-sporadic.yaml").toAbsolutePath();
            var plan = dev.mlplan.testing.CliRun.run(Map.of(), dir, "recommend", "--catalog", "refreshed.json", "--format", "json", workload.toString());
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            JsonNode root = JSON.readTree(plan.out());
            assertThat(root.at("/catalog/id").asText()).isEqualTo("aws-2026-11");
            assertThat(root.at("/catalog/pricesAsOf").asText()).isEqualTo("2026-11-21");
            // the Lambda option is priced from the refreshed figures
            assertThat(root.at("/workloads/0/parts/0/options/0/costs/0/source").asText()).startsWith("aws-price-list-api-");
            var viaEnv = dev.mlplan.testing.CliRun.run(Map.of("MLPLAN_CATALOG", "refreshed.json"), dir, "catalog", "info");
            assertThat(viaEnv.out()).contains("catalog aws-2026-11");
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    /** The plan without what is allowed to differ: catalog header, price sources, warnings. */
    private static String comparable(String planJson) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(planJson);
        root.remove("catalog");
        strip(root);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("source");
            o.remove("warnings");
            o.elements().forEachRemaining(RefreshedCatalogPlanTest::strip);
        } else if (node instanceof ArrayNode a) {
            a.elements().forEachRemaining(RefreshedCatalogPlanTest::strip);
        }
    }
}
