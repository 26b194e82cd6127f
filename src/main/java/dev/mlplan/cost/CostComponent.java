package dev.mlplan.cost;

/**
 * One named line of a monthly cost: what is bought, how much of it, at what unit price. Names are
 * plural with the variable part in brackets, e.g. "Instance hours [p4d.24xlarge, spot]".
 *
 * @param unit the unit of {@code quantity}, e.g. "hours", "GB-months", "1k requests"
 * @param unitPriceUsd USD per unit
 * @param monthlyUsd quantity × unit price (upfront payments amortised over their term)
 * @param source catalog source id of the unit price (or "workload" when the user gave it)
 */
public record CostComponent(String name, String unit, double quantity, double unitPriceUsd, double monthlyUsd, String source) {

    public static CostComponent of(String name, String unit, double quantity, double unitPriceUsd, String source) {
        return new CostComponent(name, unit, quantity, unitPriceUsd, quantity * unitPriceUsd, source);
    }

    /**
     * The monthly total of these lines, summed as {@code DoubleStream.sum()} sums (Kahan's compensated
     * summation, as JDK 17.0.2 and later do it; 17.0.0 and 17.0.1 added the compensation where later
     * JDKs subtract it, JDK-8214761, so their streams could differ in the last bit), without a stream: a stream pipeline costs a fraction
     * of a millisecond at its first run in a cold JVM (docs/performance.md, round 5).
     * CostComponentTest compares the two.
     */
    public static double total(java.util.List<CostComponent> lines) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (CostComponent line : lines) {
            double value = line.monthlyUsd();
            double corrected = value - compensation;
            double next = sum + corrected;
            compensation = (next - sum) - corrected;
            sum = next;
            simple += value;
        }
        double total = sum - compensation;
        // as the JDK: a NaN from opposite infinities gives way to the plain sum's infinity
        return Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    }
}
