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
 * Every byte the part reads from S3 is processed; the gateway or endpoint is counted for the hours the
 * part runs, one per availability zone it uses.
 */
public final class S3AccessCost {
    public static final String NAT_HOUR = "nat.hour";
    public static final String NAT_GB = "nat.gb";
    public static final String INTERFACE_AZ_HOUR = "vpce.interface.az-hour";
    public static final String INTERFACE_GB = "vpce.interface.gb";

    private S3AccessCost() {}

    /**
     * @param gbRead GB read from S3 a month
     * @param hours hours a month the part runs (and the gateway or endpoint is counted)
     * @param zones availability zones the part uses (a NAT gateway or endpoint network interface in each)
     * @param basis how {@code gbRead} was worked out, for the note
     */
    public static InstanceCost.Priced monthly(ServicePrices prices, String region, S3Access access, double gbRead, double hours, int zones,
            String basis) {
        List<CostComponent> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean fallback = false;
        String az = zones == 1 ? "1 AZ" : zones + " AZs";
        if (access == S3Access.NAT_GATEWAY) {
            var hour = prices.get(NAT_HOUR, region);
            var gb = prices.get(NAT_GB, region);
            fallback = hour.fallback() || gb.fallback();
            lines.add(CostComponent.of(CostCategory.NETWORK, "NAT gateway hours [" + az + "]", "hours", hours * zones, hour.usd(), hour.source()));
            CostComponent processed = CostComponent.of(CostCategory.NETWORK, "NAT gateway data processed [S3 reads]", "GB", gbRead, gb.usd(),
                    gb.source());
            lines.add(processed);
            notes.add("S3 through a NAT gateway: " + Fmt.sig(gbRead) + " GB a month (" + basis + ") processed; a gateway endpoint"
                    + " (network.s3_access: gateway-endpoint, free) would save " + Fmt.usd(processed.monthlyUsd()) + " a month");
        } else if (access == S3Access.INTERFACE_ENDPOINT) {
            var hour = prices.get(INTERFACE_AZ_HOUR, region);
            var gb = prices.get(INTERFACE_GB, region);
            fallback = hour.fallback() || gb.fallback();
            lines.add(CostComponent.of(CostCategory.NETWORK, "S3 interface endpoint hours [" + az + "]", "AZ-hours", hours * zones, hour.usd(),
                    hour.source()));
            lines.add(CostComponent.of(CostCategory.NETWORK, "S3 interface endpoint data processed", "GB", gbRead, gb.usd(), gb.source()));
            notes.add("S3 through an interface endpoint: " + Fmt.sig(gbRead) + " GB a month (" + basis + ")");
        }
        if (fallback) {
            notes.add("NAT gateway or endpoint prices for " + region + " not in the catalog; us-east-1 prices used");
        }
        return new InstanceCost.Priced(List.copyOf(lines), CostComponent.total(lines), 0, List.copyOf(notes));
    }
}
