package dev.mlplan.cost;

import dev.mlplan.workload.Workload.LocalMachine;
import java.util.OptionalDouble;

/**
 * When owning a machine costs the same as renting. Work is compared, not hours: if the cloud option
 * does one local hour's work in {@code cloudHoursPerLocalHour} hours, then at {@code L} local
 * working hours a month
 *
 * <pre>
 * local = fixed + L × power_cost_per_hour
 * cloud = L × cloudHoursPerLocalHour × cloud_usd_per_hour
 * break-even L* = fixed / (cloudHoursPerLocalHour × cloud_usd_per_hour − power_cost_per_hour)
 * </pre>
 *
 * and the cloud hours at break-even are {@code L* × cloudHoursPerLocalHour}. When renting an hour's
 * work costs less than the electricity for it, owning never pays off.
 */
public final class BreakEven {
    private BreakEven() {}

    /**
     * @param cloudUsdPerHour price of the whole cloud option per hour (all its instances)
     * @param cloudHoursPerLocalHour cloud hours that do one local hour's work (cloud run time / local run time)
     * @return local working hours per month at break-even, empty when owning never pays off
     */
    public static OptionalDouble localHours(LocalMachine m, double cloudUsdPerHour, double cloudHoursPerLocalHour) {
        double saving = cloudHoursPerLocalHour * cloudUsdPerHour - LocalCost.perWorkingHour(m);
        if (saving <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(LocalCost.fixedMonthly(m) / saving);
    }
}
