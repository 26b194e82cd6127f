package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.aws.PriceListParser.ItemResult;
import dev.mlplan.catalog.aws.PriceListParser.Malformed;
import dev.mlplan.catalog.aws.PriceListParser.Priced;
import dev.mlplan.catalog.aws.PriceListParser.ZeroPriced;
import dev.mlplan.catalog.aws.RefreshException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * Reads prices with the Price List Query API ({@code AWSPriceListService.GetProducts}, JSON 1.1),
 * following {@code NextToken} page by page ({@link Pages}: a repeated token fails the refresh). Every query filters on {@code regionCode}
 * (TERM_MATCH); EC2 instance prices add operatingSystem=Linux, tenancy=Shared, preInstalledSw=NA,
 * capacitystatus=Used and marketoption=OnDemand (without the last, capacity-block SKUs priced $0
 * come back too — any that still do are ignored and counted).
 *
 * <p>A malformed item is skipped and counted; a query whose every item is malformed fails the
 * refresh as an unexpected response.
 */
final class PricingFetcher {
    static final int PAGE_SIZE = 100;

    private final PricingClient client;
    private final PriceListParser parser;
    private final FetchedCatalog.Builder out;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final Deadline deadline;

    PricingFetcher(PricingClient client, PriceListParser parser, FetchedCatalog.Builder out, Redactor redactor,
            ProgressListener progress, Deadline deadline) {
        this.deadline = deadline;
        this.client = client;
        this.parser = parser;
        this.out = out;
        this.redactor = redactor;
        this.progress = progress;
    }

    void fetch(AwsService service, String region) {
        switch (service) {
            case EC2 -> query("AmazonEC2", region, "EC2 instance prices", computeFilters(region),
                    json -> parser.compute(json, region));
            case EBS -> {
                for (String family : List.of("Storage", "System Operation", "Provisioned Throughput")) {
                    query("AmazonEC2", region, "EBS prices (" + family + ")",
                            List.of(term("regionCode", region), term("productFamily", family)),
                            json -> parser.service(AwsService.EBS, json, region));
                }
            }
            case LAMBDA -> query("AWSLambda", region, "Lambda prices",
                    List.of(term("regionCode", region), term("productFamily", "Serverless")),
                    json -> parser.service(AwsService.LAMBDA, json, region));
            case S3 -> {
                for (String family : List.of("Storage", "API Request")) {
                    query("AmazonS3", region, "S3 prices (" + family + ")",
                            List.of(term("regionCode", region), term("productFamily", family)),
                            json -> parser.service(AwsService.S3, json, region));
                }
            }
            case SAGEMAKER -> {
                for (String component : List.of("Training", "Hosting")) {
                    query("AmazonSageMaker", region, "SageMaker prices (" + component + ")",
                            List.of(term("regionCode", region), term("productFamily", "ML Instance"),
                                    term("component", component)),
                            json -> parser.service(AwsService.SAGEMAKER, json, region));
                }
            }
        }
    }

    static List<Filter> computeFilters(String region) {
        return List.of(
                term("regionCode", region),
                term("operatingSystem", "Linux"),
                term("tenancy", "Shared"),
                term("preInstalledSw", "NA"),
                term("capacitystatus", "Used"),
                term("marketoption", "OnDemand"));
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    private void query(String serviceCode, String region, String what, List<Filter> filters,
            Function<String, ItemResult> parse) {
        String label = what + " in " + region;
        String operation = "Pricing GetProducts (" + serviceCode + ", " + label + ")";
        GetProductsRequest request = GetProductsRequest.builder()
                .serviceCode(serviceCode)
                .filters(filters)
                .formatVersion("aws_v1")
                .maxResults(PAGE_SIZE)
                .build();
        progress.progress("pricing: reading " + label);
        List<ItemResult> results = new ArrayList<>();
        Pages.<GetProductsResponse>follow(operation, deadline, redactor,
                (token, timeouts) -> client.getProducts(request.toBuilder().nextToken(token).overrideConfiguration(timeouts).build()),
                (page, response) -> {
                    response.priceList().forEach(item -> results.add(parse.apply(item)));
                    progress.progress("pricing: " + label + ": page " + page + ", " + results.size() + " items so far");
                    return response.nextToken();
                });
        List<Malformed> malformed = results.stream().filter(Malformed.class::isInstance).map(Malformed.class::cast).toList();
        if (!results.isEmpty() && malformed.size() == results.size()) {
            throw new RefreshException(Reason.UNEXPECTED_RESPONSE, "catalog refresh failed: unexpected response from"
                    + " AWS during " + operation + ": all " + results.size() + " price items were malformed (first: "
                    + redactor.redact(malformed.get(0).why()) + ").");
        }
        for (ItemResult result : results) {
            if (result instanceof Priced p) {
                // an item for another region than the query's is not an answer to it: never written
                p.prices().forEach(price -> {
                    if (price.region().equals(region)) {
                        out.price(price);
                    } else {
                        out.implausible("a price of " + price.instanceType() + " for " + price.region() + " in the answer"
                                + " to a query for " + region);
                    }
                });
                p.servicePrices().forEach(sp -> {
                    if (sp.region().equals(region)) {
                        out.servicePrice(sp);
                    } else {
                        out.implausible("a price of " + sp.id() + " for " + sp.region() + " in the answer to a query for "
                                + region);
                    }
                });
            } else if (result instanceof ZeroPriced) {
                out.zeroPriced();
            } else if (result instanceof Malformed m) {
                out.malformed("a malformed price item (" + label + "): " + redactor.redact(m.why()));
            }
        }
    }
}
