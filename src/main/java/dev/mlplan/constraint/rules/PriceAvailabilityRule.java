package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.workload.Workload;
import java.util.Optional;
import java.util.Set;

/**
 * {@code catalog.price}: an instance type with no price in any of the workload's regions cannot be
 * bought there. Capacity-block-only types such as trn2.48xlarge have no on-demand price at all; they
 * are reported as not purchasable on demand, never priced at $0; sold only as capacity blocks (whole
 * days booked ahead), a type is priced for training runs and eliminated for services.
 */
public final class PriceAvailabilityRule implements Rule {
    public static final String ID = "catalog.price";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.EC2 || f.candidate().instanceType() == null) {
            return Optional.empty();
        }
        String type = f.candidate().instanceType().name();
        Workload w = f.workload();
        boolean any = w.anyRegion();
        Set<String> priced = f.catalog().pricedRegions(type);
        if (any ? !priced.isEmpty() : pricedInOne(w.regions(), priced)) {
            if (f.candidate().part() == Part.TRAINING || hasPriceOtherThanBlocks(f, type, any ? priced : Set.copyOf(w.regions()))) {
                return Optional.empty();
            }
            return violation(() -> type + " is sold only as capacity blocks in " + (any ? "any region" : String.join(", ", w.regions()))
                    + " (whole days booked ahead: mlplan prices them for training runs, not for an always-on service)");
        }
        // formatted only if shown: most candidates eliminated here are never the one an elimination shows
        return violation(() -> {
            String where = any ? "any region" : String.join(", ", w.regions());
            String elsewhere = priced.isEmpty() ? " (not purchasable on demand: capacity blocks only)"
                    : hasPriceOtherThanBlocks(f, type, priced) ? " (it is sold in other regions)"
                    : " (sold only as capacity blocks, in " + String.join(", ", new java.util.TreeSet<>(priced)) + ")";
            return type + " has no on-demand, spot or reserved price in " + where + elsewhere;
        });
    }

    private static boolean hasPriceOtherThanBlocks(Facts f, String type, Set<String> regions) {
        for (String region : regions) {
            for (PricingModel pm : PricingModel.values()) {
                if (pm != PricingModel.CAPACITY_BLOCK && f.catalog().price(region, type, pm).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A plain loop: this runs for every instance type and node count, mostly before the JIT has compiled it. */
    private static boolean pricedInOne(java.util.List<String> regions, Set<String> priced) {
        for (String r : regions) {
            if (priced.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
