package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.Source;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@link Source}s that figures fetched on one date refer to: one per API, kind "published",
 * asOf the run date, e.g. {@code aws-price-list-api-2026-11-21}.
 */
record RefreshSources(Source priceList, Source instanceTypes, Source spot) {

    static RefreshSources forDate(LocalDate date) {
        return forDate(date, null);
    }

    /**
     * The sources of one run; with an endpoint override, each source's notes say where the figures
     * really came from (scheme, host and port only: no user info, path or query, which could hold secrets).
     */
    static RefreshSources forDate(LocalDate date, java.net.URI endpointOverride) {
        RefreshSources plain = plain(date);
        if (endpointOverride == null) {
            return plain;
        }
        String via = "; fetched through the endpoint override " + endpointOverride.getScheme() + "://" + endpointOverride.getHost()
                + (endpointOverride.getPort() < 0 ? "" : ":" + endpointOverride.getPort())
                + " (--endpoint-url or AWS_ENDPOINT_URL), not AWS's own endpoint";
        return new RefreshSources(noted(plain.priceList, via), noted(plain.instanceTypes, via), noted(plain.spot, via));
    }

    private static Source noted(Source s, String via) {
        return new Source(s.id(), s.title(), s.url(), s.asOf(), s.kind(), s.note() + via);
    }

    private static RefreshSources plain(LocalDate date) {
        String d = date.toString();
        return new RefreshSources(
                new Source("aws-price-list-api-" + d, "AWS Price List Query API (GetProducts)",
                        "https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html",
                        d, "published", "fetched by mlplan catalog refresh: Linux, shared tenancy, on-demand and reserved"
                                + " terms; Lambda, S3, EBS and SageMaker unit prices (first tier)"),
                new Source("aws-ec2-describe-instance-types-" + d, "Amazon EC2 DescribeInstanceTypes",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceTypes.html",
                        d, "published", "fetched by mlplan catalog refresh"),
                new Source("aws-ec2-spot-price-history-" + d, "Amazon EC2 DescribeSpotPriceHistory",
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSpotPriceHistory.html",
                        d, "published", "fetched by mlplan catalog refresh: Linux/UNIX, latest price per availability"
                                + " zone; average and minimum over the region's zones"));
    }

    List<Source> all() {
        return List.of(priceList, instanceTypes, spot);
    }
}
