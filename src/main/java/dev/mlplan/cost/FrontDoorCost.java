package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload.Front;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly cost of what answers a service's requests (issue 20 item 1; docs/bill.md, "Front door").
 * us-east-1 list prices, catalog ids in brackets:
 *
 * <ul>
 *   <li>Lambda function URL: no charge beyond the function.
 *   <li>API Gateway HTTP API: 1.00 USD per million requests [{@code apigw.http.requests}], first 300 million a month;
 *       a request is metered in 512 KB increments.
 *   <li>API Gateway REST API: 3.50 USD per million [{@code apigw.rest.requests}], first 333 million a month.
 *   <li>Application Load Balancer: 0.0225 USD per hour [{@code alb.hour}] + 0.008 USD per LCU-hour [{@code alb.lcu-hour}];
 *       an LCU is 25 new connections/s, 3,000 active connections/min, 1 GB/h processed (0.4 GB/h for Lambda targets)
 *       or 1,000 rule evaluations/s, whichever is highest.
 *   <li>Network Load Balancer: 0.0225 USD per hour [{@code nlb.hour}] + 0.006 USD per NLCU-hour [{@code nlb.nlcu-hour}];
 *       a TCP NLCU is 800 new flows/s, 100,000 active flows or 1 GB/h.
 * </ul>
 *
 * <p>Sources: https://aws.amazon.com/api-gateway/pricing/ and https://aws.amazon.com/elasticloadbalancing/pricing/,
 * read 2026-12-07. Assumptions, stated in the plan: one new connection per request (no keep-alive: the
 * connection dimension is then the larger of the two connection dimensions), at most 10 listener rules (rule
 * evaluations free), the load balancer provisioned the whole month; the 12-month free tiers and lower
 * volume tiers are not counted.
 */
public final class FrontDoorCost {
    public static final String HTTP_REQUESTS = "apigw.http.requests";
    public static final String REST_REQUESTS = "apigw.rest.requests";
    public static final String ALB_HOUR = "alb.hour";
    public static final String ALB_LCU_HOUR = "alb.lcu-hour";
    public static final String NLB_HOUR = "nlb.hour";
    public static final String NLB_NLCU_HOUR = "nlb.nlcu-hour";

    /** HTTP APIs meter a request in 512 KB increments. */
    static final double HTTP_API_METER_BYTES = 512 * 1024;
    static final double ALB_NEW_CONNECTIONS_PER_LCU = 25;
    static final double ALB_GB_PER_LCU_HOUR = 1;
    static final double ALB_LAMBDA_GB_PER_LCU_HOUR = 0.4;
    static final double NLB_NEW_FLOWS_PER_NLCU = 800;
    static final double NLB_GB_PER_NLCU_HOUR = 1;

    private FrontDoorCost() {}

    /**
     * @param requestsPerMonth requests the service answers in a month
     * @param servedHours hours a month the service answers them (the traffic is spread over these)
     * @param bytesPerRequest request and response bytes through the front door
     * @param lambdaTarget whether the load balancer's target is a Lambda function (0.4 GB per LCU-hour)
     */
    public static InstanceCost.Priced monthly(ServicePrices prices, String region, Front front, double requestsPerMonth, double servedHours,
            double bytesPerRequest, boolean lambdaTarget) {
        List<CostComponent> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean fallback = false;
        switch (front) {
            case API_GATEWAY_HTTP -> {
                var p = prices.get(HTTP_REQUESTS, region);
                fallback = p.fallback();
                double metered = Math.max(1, Math.ceil(bytesPerRequest / HTTP_API_METER_BYTES));
                lines.add(CostComponent.of(CostCategory.FRONT_DOOR, "API Gateway HTTP API requests", "1M requests", requestsPerMonth * metered / 1e6,
                        p.usd(), p.source()));
                if (requestsPerMonth > 300e6) {
                    notes.add("API Gateway HTTP API: all requests priced at the first tier's 1.00 USD per million; above 300 million a month AWS charges less");
                }
            }
            case API_GATEWAY_REST -> {
                var p = prices.get(REST_REQUESTS, region);
                fallback = p.fallback();
                lines.add(CostComponent.of(CostCategory.FRONT_DOOR, "API Gateway REST API requests", "1M requests", requestsPerMonth / 1e6, p.usd(),
                        p.source()));
                if (requestsPerMonth > 333e6) {
                    notes.add("API Gateway REST API: all requests priced at the first tier's 3.50 USD per million; above 333 million a month AWS charges less");
                }
            }
            case ALB, NLB -> {
                boolean alb = front == Front.ALB;
                var hour = prices.get(alb ? ALB_HOUR : NLB_HOUR, region);
                var unit = prices.get(alb ? ALB_LCU_HOUR : NLB_NLCU_HOUR, region);
                fallback = hour.fallback() || unit.fallback();
                double units = capacityUnits(front, requestsPerMonth, servedHours, bytesPerRequest, lambdaTarget);
                String name = alb ? "Application Load Balancer" : "Network Load Balancer";
                lines.add(CostComponent.of(CostCategory.FRONT_DOOR, name + " hours", "hours", dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH,
                        hour.usd(), hour.source()));
                lines.add(CostComponent.of(CostCategory.FRONT_DOOR, name + (alb ? " LCU-hours" : " NLCU-hours"), alb ? "LCU-hours" : "NLCU-hours",
                        units * servedHours, unit.usd(), unit.source()));
                notes.add(name + ": " + Fmt.sig(units) + (alb ? " LCU" : " NLCU") + " while serving ("
                        + Fmt.sig(requestsPerMonth / Math.max(servedHours, 1e-9) / 3600) + " requests/s, one new connection each, "
                        + Fmt.sig(bytesPerRequest / 1e3) + " kB per request: inference.bytes_per_request)");
            }
            case FUNCTION_URL, NONE -> { }
        }
        if (fallback) {
            notes.add("front-door prices for " + region + " not in the catalog; us-east-1 prices used");
        }
        return new InstanceCost.Priced(List.copyOf(lines), CostComponent.total(lines), 0, List.copyOf(notes));
    }

    /**
     * Capacity units of a load balancer at the average request rate while serving: the highest of new
     * connections (one per request) and bytes processed per hour; rule evaluations (at most 10 rules)
     * are free and active connections (each under a minute) stay below the new-connection dimension.
     */
    static double capacityUnits(Front front, double requestsPerMonth, double servedHours, double bytesPerRequest, boolean lambdaTarget) {
        if (servedHours <= 0 || requestsPerMonth <= 0) {
            return 0;
        }
        double perSecond = requestsPerMonth / servedHours / 3600;
        double gbPerHour = perSecond * 3600 * bytesPerRequest / 1e9;
        if (front == Front.ALB) {
            return Math.max(perSecond / ALB_NEW_CONNECTIONS_PER_LCU, gbPerHour / (lambdaTarget ? ALB_LAMBDA_GB_PER_LCU_HOUR : ALB_GB_PER_LCU_HOUR));
        }
        return Math.max(perSecond / NLB_NEW_FLOWS_PER_NLCU, gbPerHour / NLB_GB_PER_NLCU_HOUR);
    }
}
