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
 * (DescribeSpotPriceHistory, Linux/UNIX, StartTime = now) with the SDK paginators, which stop at an
 * absent or empty {@code <nextToken/>}.
 */
final class Ec2Fetcher {
    static final String LINUX = "Linux/UNIX";

    private final Ec2Client client;
    private final String region;
    private final FetchedCatalog.Builder out;
    private final Redactor redactor;
    private final ProgressListener progress;

    Ec2Fetcher(Ec2Client client, String region, FetchedCatalog.Builder out, Redactor redactor, ProgressListener progress) {
        this.client = client;
        this.region = region;
        this.out = out;
        this.redactor = redactor;
        this.progress = progress;
    }

    void instanceTypes(String sourceId) {
        progress.progress("ec2: reading instance types in " + region);
        AwsErrors.call("EC2 DescribeInstanceTypes (" + region + ")", redactor, () -> {
            int page = 0;
            int count = 0;
            for (DescribeInstanceTypesResponse response : client.describeInstanceTypesPaginator(r -> r.maxResults(100))) {
                page++;
                for (InstanceTypeInfo info : response.instanceTypes()) {
                    count++;
                    try {
                        out.instanceType(InstanceTypeMapper.map(info, sourceId));
                    } catch (IllegalArgumentException e) {
                        out.malformed("an instance type from DescribeInstanceTypes in " + region + ": " + e.getMessage());
                    }
                }
                progress.progress("ec2: instance types in " + region + ": page " + page + ", " + count + " types so far");
            }
            return null;
        });
    }

    /** Average and minimum over the region's availability zones of each type's latest Linux spot price. */
    void spotPrices(Instant now, String sourceId) {
        progress.progress("ec2: reading spot prices in " + region);
        Map<String, Map<String, SpotPrice>> latest = new TreeMap<>();
        AwsErrors.call("EC2 DescribeSpotPriceHistory (" + region + ")", redactor, () -> {
            int page = 0;
            int count = 0;
            for (DescribeSpotPriceHistoryResponse response : client.describeSpotPriceHistoryPaginator(
                    r -> r.productDescriptions(LINUX).startTime(now).maxResults(1000))) {
                page++;
                for (SpotPrice sp : response.spotPriceHistory()) {
                    count++;
                    if (sp.instanceTypeAsString() == null || sp.availabilityZone() == null) {
                        out.malformed("a spot price without instance type or zone in " + region);
                        continue;
                    }
                    latest.computeIfAbsent(sp.instanceTypeAsString(), k -> new TreeMap<>())
                            .merge(sp.availabilityZone(), sp, Ec2Fetcher::newer);
                }
                progress.progress("ec2: spot prices in " + region + ": page " + page + ", " + count + " records so far");
            }
            return null;
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
                if (usd <= 0) {
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
