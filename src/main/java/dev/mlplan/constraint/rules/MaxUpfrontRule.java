package dev.mlplan.constraint.rules;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.CapacityBlock;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Money;
import java.util.Optional;

/**
 * {@code pricing.max-upfront}: with {@code constraints.max_upfront}, an offer that needs more cash up
 * front than that is eliminated. The upfront cash of an offer:
 *
 * <ul>
 *   <li>a Reserved Instance: its upfront fee (the catalog's {@code upfrontUsd}: AWS's "Upfront Fee" price
 *       dimension, read by {@code catalog refresh}; in the embedded catalog the whole term for all upfront,
 *       half of it, estimated, for partial upfront, none for no upfront) × the instances the reservation
 *       covers ({@link InstanceCost#committedInstances}). AWS: "All Upfront – full payment is made at the
 *       start of the term"; "Partial Upfront – a portion of the cost must be paid up front"
 *       (https://docs.aws.amazon.com/whitepapers/latest/cost-optimization-reservation-models/reserved-instances-payment-options.html);
 *   <li>a capacity block: the whole block, paid when it is booked (AWS EC2 User Guide, Capacity Blocks
 *       pricing and billing; {@link CapacityBlock}), per run: block hours × instances × hourly rate;
 *   <li>on-demand, spot and the savings plans the catalog holds (no upfront): none.
 * </ul>
 *
 * docs/limits.md, "Pricing policy".
 */
public final class MaxUpfrontRule implements Rule {
    public static final String ID = "pricing.max-upfront";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        Optional<Money> max = f.workload().constraints().maxUpfront();
        if (max.isEmpty() || f.candidate().instanceType() == null || !(pricing.isCommitment() || pricing == PricingModel.CAPACITY_BLOCK)) {
            return Optional.empty();
        }
        Optional<Price> price = f.catalog().price(region, f.candidate().instanceType().name(), pricing);
        if (price.isEmpty()) {
            return Optional.empty();
        }
        Price p = price.get();
        int count = f.candidate().count();
        double limit = max.get().value();
        if (pricing == PricingModel.CAPACITY_BLOCK) {
            // a sweep books one block for its concurrent trials, for all its waves (TrainingPlanner prices it so)
            Optional<CapacityBlock> block = CapacityBlock.forRun(f.jobHours());
            if (block.isEmpty()) {
                return Optional.empty(); // capacity-block.limits says why
            }
            int instances = f.instancesAtOnce();
            double upfront = block.get().hours() * instances * p.usdPerHour();
            if (upfront <= limit) {
                return Optional.empty();
            }
            return violation(() -> "capacity-block: " + Fmt.usd(upfront) + " paid up front per " + (f.sweep().isPresent() ? "sweep" : "run") + " ("
                    + block.get().days() + "-day block × " + instances + (instances == 1 ? " instance" : " instances") + " × "
                    + Fmt.usd(p.usdPerHour()) + "/h); constraints.max_upfront is " + Fmt.usd(limit));
        }
        double hours = hoursPerInstancePerMonth(f);
        double upfront = InstanceCost.upfrontUsd(p, count, hours);
        if (upfront <= limit) {
            return Optional.empty();
        }
        int instances = InstanceCost.committedInstances(count, hours);
        return violation(() -> pricing.id() + ": " + Fmt.usd(upfront) + " paid up front (" + instances + (instances == 1 ? " instance" : " instances")
                + " × " + Fmt.usd(p.upfrontUsd()) + "); constraints.max_upfront is " + Fmt.usd(limit));
    }

    /** Hours each instance is used a month: a training run's hours × runs, a service's hours a day × 730 / 24. */
    private static double hoursPerInstancePerMonth(Facts f) {
        if (f.part() == Part.TRAINING && f.workload().training().isPresent()) {
            return f.runHours() * f.workload().training().get().runsPerMonth();
        }
        if (f.part() == Part.INFERENCE && f.workload().inference().isPresent()) {
            return f.workload().inference().get().hoursPerDay() * HOURS_PER_MONTH / 24;
        }
        return HOURS_PER_MONTH;
    }
}
