package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * EC2 Capacity Blocks for ML (docs/limits.md, "Capacity Blocks"): a block reserves instances for whole
 * days, 1 to 14 days in 1-day steps, then 7-day steps up to 182 days; at most 64 instances per block;
 * the whole block is paid up front when it is bought; instances stop 30 minutes before the block ends,
 * so a run must fit in the block less those 30 minutes. Source: AWS EC2 User Guide, "Capacity Blocks
 * for ML" (find and purchase; pricing and billing).
 *
 * @param days the block's length
 * @param hours the hours billed per instance: days × 24
 */
public record CapacityBlock(int days, double hours) {
    public static final int MAX_DAYS = 182;
    public static final int MAX_INSTANCES = 64;
    /** Instances are terminated this long before the block ends. */
    public static final double END_MARGIN_HOURS = 0.5;

    /** The shortest block a run of {@code runHours} fits in, or empty when it needs more than 182 days. */
    public static Optional<CapacityBlock> forRun(double runHours) {
        double needed = runHours + END_MARGIN_HOURS;
        int days = Math.max(1, (int) Math.ceil(needed / 24 - 1e-9));
        if (days > 14) {
            days = 14 + 7 * (int) Math.ceil((days - 14) / 7.0 - 1e-9);
        }
        return days > MAX_DAYS ? Optional.empty() : Optional.of(new CapacityBlock(days, days * 24.0));
    }

    /** "a 2-day block per run, 28 instances, $X paid up front when booked". */
    public String explanation(int instances, double usdPerHour) {
        return explanation(instances, usdPerHour, false);
    }

    /** The same for a sweep, whose one block holds its concurrent trials for all its waves. */
    public String explanation(int instances, double usdPerHour, boolean sweep) {
        return "capacity block: " + days + (days == 1 ? " day" : " days") + " × " + instances + (instances == 1 ? " instance" : " instances")
                + (sweep ? " per sweep (its concurrent trials; the waves reuse them), " : " per run, ") + Fmt.usd(hours * instances * usdPerHour)
                + " paid up front when booked (up to 8 weeks ahead; the instances stop 30 min before the block ends)";
    }
}
