package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.workload.Workload.Availability;
import java.util.Optional;

/**
 * {@code spot.not-interruptible}: AWS may reclaim a Spot Instance with a two-minute notice (catalog
 * limit {@code spot.notice}; source: EC2 Spot interruption docs, see docs/limits.md (Spot)). Spot is ruled out
 * where that cannot be tolerated: a training run marked {@code interruptible: false}, a workload
 * with {@code constraints.allow_spot: false}, and a single-instance inference service
 * ({@code availability: single}), where one interruption is an outage. A batch job marked
 * {@code batch.interruptible: false} is ruled out too; a batch job needs no second instance, as
 * nothing is served while it runs (an interrupted instance redoes its shard).
 */
public final class SpotNotInterruptibleRule implements Rule {
    public static final String ID = "spot.not-interruptible";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        if (pricing != PricingModel.SPOT) {
            return Optional.empty();
        }
        if (!f.workload().constraints().allowSpot()) {
            return violation("constraints.allow_spot is false");
        }
        if (f.batch().isPresent()) {
            return f.batch().get().batch().interruptible() ? Optional.empty()
                    : violation("the batch job is not interruptible (batch.interruptible: false); spot capacity can be reclaimed with two minutes' notice");
        }
        var training = f.workload().training();
        if (f.training().isPresent() && training.isPresent() && !training.get().interruptible()) {
            return violation("the training run is not interruptible (training.interruptible: false); spot capacity can be reclaimed with two minutes' notice");
        }
        var inference = f.workload().inference();
        if (f.inference().isPresent() && inference.isPresent() && inference.get().availability() == Availability.SINGLE) {
            return violation("a single-instance service (availability: single) goes down when spot capacity is reclaimed with two minutes' notice");
        }
        return Optional.empty();
    }
}
