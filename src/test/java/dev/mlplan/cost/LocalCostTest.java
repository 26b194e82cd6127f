package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.workload.EnergyPrice;
import dev.mlplan.workload.Money;
import dev.mlplan.workload.MoneyRate;
import dev.mlplan.workload.Power;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload.LocalMachine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An owned RTX 4090 box: $4,500 over 36 months, 600 W at $0.15/kWh, $50/month operations. */
class LocalCostTest {
    private static LocalMachine machine(Optional<Power> idle) {
        return new LocalMachine("rtx-4090", 1, Money.of(4500), TimeSpan.ofHours(36 * 730), new Power(600), idle, new EnergyPrice(0.15),
                new MoneyRate(50));
    }

    @Test
    void amortisationOperationsAndPowerWhileWorking() {
        // $4,500 / 36 = $125 + $50 + 0.6 kW × 100 h × $0.15 = $9
        var p = LocalCost.monthly(machine(Optional.empty()), 100);
        assertThat(p.monthlyUsd()).isCloseTo(184, within(1e-9));
        assertThat(LocalCost.fixedMonthly(machine(Optional.empty()))).isCloseTo(175, within(1e-9));
        assertThat(LocalCost.perWorkingHour(machine(Optional.empty()))).isCloseTo(0.09, within(1e-12));
    }

    @Test
    void idlePowerIsChargedForTheRestOfTheMonth() {
        // idle 100 W × (730 − 100) h × $0.15 = $9.45; working hours then cost (600 − 100) W
        var m = machine(Optional.of(new Power(100)));
        assertThat(LocalCost.monthly(m, 100).monthlyUsd()).isCloseTo(125 + 50 + 9 + 9.45, within(1e-9));
        assertThat(LocalCost.perWorkingHour(m)).isCloseTo(0.075, within(1e-12));
    }

    @Test
    void breakEvenComparesWorkNotHours() {
        // same speed: 175 / (3.06 − 0.09) = 58.9 local h; a cloud part twice as slow: 175 / (2 × 3.06 − 0.09) = 29.0 h
        assertThat(BreakEven.localHours(machine(Optional.empty()), 3.06, 1.0).getAsDouble()).isCloseTo(58.92, within(0.01));
        assertThat(BreakEven.localHours(machine(Optional.empty()), 3.06, 2.0).getAsDouble()).isCloseTo(29.02, within(0.01));
        // renting an hour's work for less than its electricity: owning never pays off
        assertThat(BreakEven.localHours(machine(Optional.empty()), 0.05, 1.0)).isEmpty();
    }
}
