package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import java.util.List;

/**
 * Monthly cost of Lambda: GB-seconds of duration at the configured memory, plus requests
 * (x86 $0.0000166667 per GB-second and $0.20 per 1M requests in us-east-1; catalog ids
 * {@code lambda.x86.gb-second} and {@code lambda.requests}; source: AWS Lambda pricing page).
 * The free tier is not counted: it is per account, not per workload.
 */
public final class LambdaCost {
    public static final String GB_SECOND = "lambda.x86.gb-second";
    public static final String REQUESTS = "lambda.requests";

    private LambdaCost() {}

    public static InstanceCost.Priced monthly(ServicePrices prices, String region, double requestsPerMonth, double secondsPerRequest, double memoryMb) {
        var gbs = prices.get(GB_SECOND, region);
        var req = prices.get(REQUESTS, region);
        double gbSeconds = requestsPerMonth * secondsPerRequest * memoryMb / 1024.0;
        var duration = CostComponent.of(CostCategory.COMPUTE, "Duration [" + Fmt.count(memoryMb) + " MB, x86]", "GB-seconds", gbSeconds, gbs.usd(), gbs.source());
        var requests = CostComponent.of(CostCategory.COMPUTE, "Requests", "1M requests", requestsPerMonth / 1e6, req.usd(), req.source());
        double total = duration.monthlyUsd() + requests.monthlyUsd();
        double perRequest = requestsPerMonth > 0 ? total / requestsPerMonth : 0;
        List<String> notes = new java.util.ArrayList<>();
        notes.add("per request " + Fmt.usd(perRequest * 1000) + " per 1,000 (" + Fmt.sig(secondsPerRequest * 1000) + " ms at " + Fmt.count(memoryMb) + " MB)");
        if (gbs.fallback() || req.fallback()) {
            notes.add("Lambda prices for " + region + " not in the catalog; us-east-1 prices used");
        }
        return new InstanceCost.Priced(List.of(duration, requests), total, 0, List.copyOf(notes));
    }
}
