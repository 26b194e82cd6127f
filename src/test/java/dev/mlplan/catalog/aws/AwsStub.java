package dev.mlplan.catalog.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A WireMock server on 127.0.0.1 that answers like the AWS Price List API (JSON 1.1,
 * {@code X-Amz-Target: AWSPriceListService.GetProducts}) and the EC2 Query API (form-encoded POST,
 * XML). Fixtures live under {@code src/test/resources/aws-stub/}; Price List items are stored as
 * readable JSON and sent, as AWS sends them, as JSON strings inside {@code PriceList}.
 */
final class AwsStub implements AutoCloseable {
    static final String GET_PRODUCTS = "AWSPriceListService.GetProducts";
    static final String JSON_11 = "application/x-amz-json-1.1";
    static final String XML = "text/xml;charset=UTF-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;

    AwsStub() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    /** Saved values of the {@code aws.*} system properties a test changes; {@link #restore()} puts them back. */
    static final class Isolation {
        private final java.util.Map<String, String> saved = new java.util.HashMap<>();

        /**
         * Points the SDK away from the machine's AWS set-up: instance metadata disabled, the shared
         * config and credentials files replaced by empty files under {@code home}.
         */
        static Isolation start(java.nio.file.Path home) throws java.io.IOException {
            Isolation i = new Isolation();
            for (String p : List.of("aws.disableEc2Metadata", "aws.configFile", "aws.sharedCredentialsFile")) {
                i.saved.put(p, System.getProperty(p));
            }
            System.setProperty("aws.disableEc2Metadata", "true");
            System.setProperty("aws.configFile", java.nio.file.Files.writeString(home.resolve("config"), "").toString());
            System.setProperty("aws.sharedCredentialsFile", java.nio.file.Files.writeString(home.resolve("credentials"), "").toString());
            return i;
        }

        void restore() {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Any GetProducts not stubbed more specifically answers an empty page. */
    void emptyPricesByDefault() {
        server.stubFor(getProducts().atPriority(10).willReturn(json(200, priceListPage(null, List.of()))));
    }

    /** GetProducts request matcher (header + JSON body). */
    static MappingBuilder getProducts() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_PRODUCTS));
    }

    /** GetProducts for {@code serviceCode} with a TERM_MATCH filter {@code field = value}. */
    static MappingBuilder getProducts(String serviceCode, String field, String value) {
        return getProducts()
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)))
                .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == '" + field + "' && @.Value == '" + value + "')]"));
    }

    /** Restricts a GetProducts matcher to the first page (no NextToken) or to the page after {@code token}. */
    static MappingBuilder page(MappingBuilder m, String token) {
        return token == null ? m.withRequestBody(notContaining("\"NextToken\""))
                : m.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token)));
    }

    /** EC2 Query request for {@code action}, optionally the page after {@code token}. */
    static MappingBuilder ec2(String action, String token) {
        MappingBuilder m = post(urlEqualTo("/")).withRequestBody(containing("Action=" + action));
        return token == null ? m.withRequestBody(notContaining("NextToken=")) : m.withRequestBody(containing("NextToken=" + token));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", "6c8d2a0e-1b3f-4c5d-8e7f-9a0b1c2d3e4f").withBody(body);
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", XML).withBody(body);
    }

    /** A GetProducts answer whose PriceList holds {@code items} (each a JSON document) as strings. */
    static String priceListPage(String nextToken, List<String> items) {
        ObjectNode root = JSON.createObjectNode();
        root.put("FormatVersion", "aws_v1");
        ArrayNode list = root.putArray("PriceList");
        items.forEach(list::add);
        if (nextToken != null) {
            root.put("NextToken", nextToken);
        }
        return root.toString();
    }

    /** Price List items from {@code aws-stub/pricing/items/NAME.json}, compacted to one line each like AWS sends them. */
    static List<String> items(String... names) {
        return Arrays.stream(names).map(n -> {
            try {
                return JSON.readTree(resource("pricing/items/" + n + ".json")).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static String resource(String path) {
        try (InputStream in = AwsStub.class.getResourceAsStream("/aws-stub/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource aws-stub/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
