package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.SpotInfo;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.SpotPrice;

/**
 * Reads one region's instance specs (DescribeInstanceTypes) and current spot prices
 * (DescribeSpotPriceHistory, Linux/UNIX, StartTime = now), following {@code nextToken} page by page
 * until it is absent or empty ({@link Pages}: a repeated token fails the refresh).
 */
final class Ec2Fetcher {
    static final String LINUX = "Linux/UNIX";

    private final Ec2Client client;
    private final String region;
    private final FetchedCatalog.Builder out;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final Deadline deadline;

    Ec2Fetcher(Ec2Client client, String region, FetchedCatalog.Builder out, Redactor redactor, ProgressListener progress,
            Deadline deadline) {
        this.deadline = deadline;
        this.client = client;
        this.region = region;
        this.out = out;
        this.redactor = redactor;
        this.progress = progress;
    }

    void instanceTypes(String sourceId) {
        progress.progress("ec2: reading instance types in " + region);
        int[] count = {0};
        Pages.<DescribeInstanceTypesResponse>follow("EC2 DescribeInstanceTypes (" + region + ")", deadline, redactor,
                (token, timeouts) -> client.describeInstanceTypes(r -> r.maxResults(100).nextToken(token)
                        .overrideConfiguration(timeouts)),
                (page, response) -> {
                    for (InstanceTypeInfo info : response.instanceTypes()) {
                        count[0]++;
                        try {
                            out.instanceType(InstanceTypeMapper.map(info, sourceId));
                        } catch (IllegalArgumentException e) {
                            out.malformed("an instance type from DescribeInstanceTypes in " + region + ": "
                                    + redactor.redact(e.getMessage()));
                        }
                    }
                    progress.progress("ec2: instance types in " + region + ": page " + page + ", " + count[0] + " types so far");
                    return response.nextToken();
                });
    }

    /** Average and minimum over the region's availability zones of each type's latest Linux spot price. */
    void spotPrices(Instant now, String sourceId) {
        progress.progress("ec2: reading spot prices in " + region);
        Map<String, Map<String, SpotPrice>> latest = new TreeMap<>();
        int[] count = {0};
        Pages.<DescribeSpotPriceHistoryResponse>follow("EC2 DescribeSpotPriceHistory (" + region + ")", deadline, redactor,
                (token, timeouts) -> client.describeSpotPriceHistory(r -> r.productDescriptions(LINUX).startTime(now)
                        .maxResults(1000).nextToken(token).overrideConfiguration(timeouts)),
                (page, response) -> {
                    for (SpotPrice sp : response.spotPriceHistory()) {
                        count[0]++;
                        if (sp.instanceTypeAsString() == null || sp.availabilityZone() == null) {
                            out.malformed("a spot price without instance type or zone in " + region);
                            continue;
                        }
                        latest.computeIfAbsent(sp.instanceTypeAsString(), k -> new TreeMap<>())
                                .merge(sp.availabilityZone(), sp, Ec2Fetcher::newer);
                    }
                    progress.progress("ec2: spot prices in " + region + ": page " + page + ", " + count[0] + " records so far");
                    return response.nextToken();
                });
        latest.forEach((type, byZone) -> {
            double sum = 0;
            double min = Double.MAX_VALUE;
            int n = 0;
            for (SpotPrice sp : byZone.values()) {
                double usd;
                try {
                    usd = Double.parseDouble(sp.spotPrice());
                } catch (NumberFormatException | NullPointerException e) {
                    out.malformed("spot price '" + sp.spotPrice() + "' of " + type + " in " + sp.availabilityZone());
                    continue;
                }
                if (!Double.isFinite(usd) || usd <= 0) {
                    out.implausible("spot price '" + sp.spotPrice() + "' of " + type + " in " + sp.availabilityZone()
                            + ": not a positive finite number");
                    continue;
                }
                sum += usd;
                min = Math.min(min, usd);
                n++;
            }
            if (n > 0) {
                double avg = sum / n;
                out.spot(new SpotInfo(region, type, avg, min, null, null, sourceId, null));
                out.price(new Price(region, type, PricingModel.SPOT, avg, 0, sourceId));
            }
        });
    }

    private static SpotPrice newer(SpotPrice a, SpotPrice b) {
        if (a.timestamp() == null) {
            return b;
        }
        return b.timestamp() != null && b.timestamp().isAfter(a.timestamp()) ? b : a;
    }
}
