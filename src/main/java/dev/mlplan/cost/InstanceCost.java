package dev.mlplan.cost;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.util.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly cost of EC2 instances. Pay-as-you-go pricing (on-demand, spot) is charged for the hours
 * used; a commitment (reserved instance or savings plan) is charged for every hour of its term, used
 * or not — 730 hours a month per instance — at its effective hourly rate (upfront included).
 */
public final class InstanceCost {
    private InstanceCost() {}

    /** The priced result: components, total and notes for the user. */
    public record Priced(List<CostComponent> components, double monthlyUsd, double hourlyUsdPerInstance, List<String> notes) {}

    /**
     * @param count instances
     * @param hoursPerInstancePerMonth hours each instance is used in a month
     */
    public static Priced monthly(Price price, int count, double hoursPerInstancePerMonth) {
        List<CostComponent> parts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        PricingModel pm = price.pricing();
        String label = "[" + price.instanceType() + ", " + pm.id() + "]";
        if (pm.isCommitment()) {
            int instances = committedInstances(count, hoursPerInstancePerMonth);
            double committed = instances * HOURS_PER_MONTH;
            parts.add(CostComponent.of(CostCategory.COMPUTE, "Committed instance hours " + label, "hours", committed, price.usdPerHour(), price.source()));
            double utilisation = count * hoursPerInstancePerMonth / committed;
            notes.add(pm.id() + ": " + instances + (instances == 1 ? " instance" : " instances") + " paid for all " + Fmt.count(HOURS_PER_MONTH)
                    + " h/month over " + pm.termYears() + (pm.termYears() == 1 ? " year" : " years") + "; this workload uses "
                    + Fmt.pct(utilisation) + " of it" + (instances > count ? " (" + Fmt.count(count * hoursPerInstancePerMonth)
                            + " instance-hours a month need " + instances + " committed instances)" : "")
                    + (price.upfrontUsd() > 0 ? "; " + Fmt.usd(instances * price.upfrontUsd()) + " paid up front at purchase (" + instances + " × "
                            + Fmt.usd(price.upfrontUsd()) + ", included in the rate above" + (pm.name().endsWith("PARTIAL_UPFRONT")
                                    ? "; the embedded catalog estimates a partial-upfront fee at half the term's cost, 'mlplan catalog refresh'"
                                            + " reads AWS's" : "") + ")" : ""));
        } else {
            double used = count * hoursPerInstancePerMonth;
            parts.add(CostComponent.of(CostCategory.COMPUTE, "Instance hours " + label, "hours", used, price.usdPerHour(), price.source()));
        }
        double total = CostComponent.total(parts);
        return new Priced(List.copyOf(parts), total, price.usdPerHour(), List.copyOf(notes));
    }

    /** The monthly total of {@link #monthly} without building its cost lines and notes. */
    public static double monthlyUsd(Price price, int count, double hoursPerInstancePerMonth) {
        if (price.pricing().isCommitment()) {
            return committedInstances(count, hoursPerInstancePerMonth) * HOURS_PER_MONTH * price.usdPerHour();
        }
        return count * hoursPerInstancePerMonth * price.usdPerHour();
    }

    /**
     * Cash paid at purchase for the instances a commitment covers ({@link #committedInstances} × the
     * price's upfront fee); 0 for pay-as-you-go pricing and commitments without an upfront fee.
     */
    public static double upfrontUsd(Price price, int count, double hoursPerInstancePerMonth) {
        if (!price.pricing().isCommitment() || !(price.upfrontUsd() > 0)) {
            return 0;
        }
        return committedInstances(count, hoursPerInstancePerMonth) * price.upfrontUsd();
    }

    /**
     * Instances a commitment must cover: the shape's count, or more when the work of a month takes
     * more instance-hours than {@code count} instances have (runs then go side by side).
     */
    public static int committedInstances(int count, double hoursPerInstancePerMonth) {
        return Math.max(count, (int) Math.ceil(count * hoursPerInstancePerMonth / HOURS_PER_MONTH - 1e-9));
    }

    /**
     * Utilisation (hours used / hours in the month) above which a commitment at {@code committedRate}
     * costs less than paying {@code onDemandRate} for the hours used.
     */
    public static double breakEvenUtilisation(double committedRate, double onDemandRate) {
        return onDemandRate <= 0 ? Double.NaN : committedRate / onDemandRate;
    }
}
