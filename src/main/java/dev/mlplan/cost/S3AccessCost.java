package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload.S3Access;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly cost of the path from a part's instances to S3 (issue 20 item 2; docs/bill.md, "How data
 * reaches compute"). us-east-1 list prices, catalog ids in brackets:
 *
 * <ul>
 *   <li>gateway endpoint: no charge (https://aws.amazon.com/vpc/pricing/).
 *   <li>NAT gateway: 0.045 USD per hour [{@code nat.hour}] and 0.045 USD per GB processed [{@code nat.gb}]
 *       (https://aws.amazon.com/vpc/pricing/, read 2026-12-07).
 *   <li>interface endpoint: 0.01 USD per AZ-hour [{@code vpce.interface.az-hour}] and 0.01 USD per GB
 *       [{@code vpce.interface.gb}] (https://aws.amazon.com/privatelink/pricing/, read 2026-12-07).
 *   <li>internet (public subnet): no charge for S3 reads within the region.
 * </ul>
 *
 * Every byte the part reads from S3 is processed: a line of each option (it depends on the option's bytes). The
 * gateway or endpoint itself is the VPC's, not the part's: its hours are one workload line, counted once per file
 * ({@link #hours}), provisioned all month (730 h) in each availability zone the workload uses.
 */
public final class S3AccessCost {
    public static final String NAT_HOUR = "nat.hour";
    public static final String NAT_GB = "nat.gb";
    public static final String INTERFACE_AZ_HOUR = "vpce.interface.az-hour";
    public static final String INTERFACE_GB = "vpce.interface.gb";
    /** Labels of the per-GB lines, by which the planner sees that a rank-1 option uses the gateway or endpoint. */
    public static final String NAT_PROCESSED = "NAT gateway data processed [S3 reads]";
    public static final String INTERFACE_PROCESSED = "S3 interface endpoint data processed";

    private S3AccessCost() {}

    /**
     * The per-GB line of one option.
     *
     * @param gbRead GB read from S3 a month
     * @param zones availability zones of the workload (for the note's figure of the workload-level hours)
     * @param basis how {@code gbRead} was worked out, for the note
     */
    public static InstanceCost.Priced monthly(ServicePrices prices, String region, S3Access access, double gbRead, int zones, String basis) {
        List<CostComponent> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean fallback = false;
        if (access == S3Access.NAT_GATEWAY) {
            var gb = prices.get(NAT_GB, region);
            fallback = gb.fallback();
            CostComponent processed = CostComponent.of(CostCategory.NETWORK, NAT_PROCESSED, "GB", gbRead, gb.usd(), gb.source());
            lines.add(processed);
            CostComponent hours = hours(prices, region, access, zones).orElseThrow();
            notes.add("S3 through a NAT gateway: " + Fmt.sig(gbRead) + " GB a month (" + basis + ") processed; a gateway endpoint"
                    + " (network.s3_access: gateway-endpoint, free) would save " + Fmt.usd(processed.monthlyUsd()) + " a month of processing here,"
                    + " and the NAT gateway's hours, " + Fmt.usd(hours.monthlyUsd()) + " a month (a workload line, once per file), would go too");
        } else if (access == S3Access.INTERFACE_ENDPOINT) {
            var gb = prices.get(INTERFACE_GB, region);
            fallback = gb.fallback();
            lines.add(CostComponent.of(CostCategory.NETWORK, INTERFACE_PROCESSED, "GB", gbRead, gb.usd(), gb.source()));
            notes.add("S3 through an interface endpoint: " + Fmt.sig(gbRead) + " GB a month (" + basis + "); its hours are a workload line");
        }
        if (fallback) {
            notes.add("NAT gateway or endpoint prices for " + region + " not in the catalog; us-east-1 prices used");
        }
        return new InstanceCost.Priced(List.copyOf(lines), CostComponent.total(lines), 0, List.copyOf(notes));
    }

    /**
     * The gateway's or endpoint's hours for the month, a workload line: 730 h in each of {@code zones} availability
     * zones (one NAT gateway or endpoint network interface per AZ, provisioned all month like a load balancer);
     * empty for a gateway endpoint or the internet path.
     */
    public static java.util.Optional<CostComponent> hours(ServicePrices prices, String region, S3Access access, int zones) {
        String az = zones == 1 ? "1 AZ" : zones + " AZs";
        double h = dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH * zones;
        if (access == S3Access.NAT_GATEWAY) {
            var hour = prices.get(NAT_HOUR, region);
            return java.util.Optional.of(CostComponent.of(CostCategory.NETWORK, "NAT gateway hours [" + az + ", all month]", "hours", h, hour.usd(),
                    hour.source()));
        }
        if (access == S3Access.INTERFACE_ENDPOINT) {
            var hour = prices.get(INTERFACE_AZ_HOUR, region);
            return java.util.Optional.of(CostComponent.of(CostCategory.NETWORK, "S3 interface endpoint hours [" + az + ", all month]", "AZ-hours", h,
                    hour.usd(), hour.source()));
        }
        return java.util.Optional.empty();
    }
}
