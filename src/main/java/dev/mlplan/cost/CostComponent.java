package dev.mlplan.cost;

import java.util.List;

/**
 * One named line of a monthly cost: what is bought, how much of it, at what unit price. Names are
 * plural with the variable part in brackets, e.g. "Instance hours [p4d.24xlarge, spot]".
 *
 * @param unit the unit of {@code quantity}, e.g. "hours", "GB-months", "1k requests"
 * @param unitPriceUsd USD per unit
 * @param monthlyUsd quantity × unit price (upfront payments amortised over their term)
 * @param source catalog source id of the unit price (or "workload" when the user gave it)
 * @param category which part of the bill the line belongs to (compute, storage, network, front door,
 *     operations); null only in plans saved before the field existed
 */
public record CostComponent(String name, String unit, double quantity, double unitPriceUsd, double monthlyUsd, String source,
        CostCategory category) {

    public static CostComponent of(CostCategory category, String name, String unit, double quantity, double unitPriceUsd, String source) {
        return new CostComponent(name, unit, quantity, unitPriceUsd, quantity * unitPriceUsd, source, category);
    }

    /** The monthly total of these lines ({@code DoubleStream.sum()}: compensated summation). */
    public static double total(List<CostComponent> lines) {
        return lines.stream().mapToDouble(CostComponent::monthlyUsd).sum();
    }
}
