package dev.mlplan.cost;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload.LocalMachine;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly cost of an owned machine: hardware spread evenly over its amortisation period, operations,
 * and electricity — charged only while the machine works unless an idle power is given, in which
 * case the idle draw is charged for the rest of the month's 730 hours.
 */
public final class LocalCost {
    private LocalCost() {}

    /** Cost that does not depend on use: amortisation + operations (+ idle power for every hour). */
    public static double fixedMonthly(LocalMachine m) {
        double idle = m.idlePower().isPresent() ? m.idlePower().get().kilowatts() * HOURS_PER_MONTH * m.electricity().usdPerKwh() : 0.0;
        return m.hardwareCost().value() / m.amortization().months() + m.operations().usdPerMonth() + idle;
    }

    /** Cost of one more working hour: power above idle × electricity price. */
    public static double perWorkingHour(LocalMachine m) {
        double idleKw = m.idlePower().isPresent() ? m.idlePower().get().kilowatts() : 0.0;
        return Math.max(0, m.power().kilowatts() - idleKw) * m.electricity().usdPerKwh();
    }

    public static InstanceCost.Priced monthly(LocalMachine m, double workingHoursPerMonth) {
        List<CostComponent> c = new ArrayList<>();
        double months = m.amortization().months();
        c.add(CostComponent.of(CostCategory.COMPUTE, "Hardware amortisation [" + m.accelerator() + " × " + m.count() + ", " + Fmt.sig(months) + " months]",
                "months", 1, m.hardwareCost().value() / months, "workload"));
        if (m.operations().usdPerMonth() > 0) {
            c.add(CostComponent.of(CostCategory.OPERATIONS, "Operations", "months", 1, m.operations().usdPerMonth(), "workload"));
        }
        c.add(CostComponent.of(CostCategory.COMPUTE, "Electricity while working [" + Fmt.count(m.power().watts()) + " W]", "kWh",
                m.power().kilowatts() * workingHoursPerMonth, m.electricity().usdPerKwh(), "workload"));
        if (m.idlePower().isPresent()) {
            var idle = m.idlePower().get();
            c.add(CostComponent.of(CostCategory.COMPUTE, "Electricity while idle [" + Fmt.count(idle.watts()) + " W]", "kWh",
                    idle.kilowatts() * Math.max(0, HOURS_PER_MONTH - workingHoursPerMonth), m.electricity().usdPerKwh(), "workload"));
        }
        double total = CostComponent.total(c);
        return new InstanceCost.Priced(List.copyOf(c), total, 0, List.of());
    }
}
