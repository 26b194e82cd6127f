package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.workload.Geography;
import dev.mlplan.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * {@code residency.region}: with {@code constraints.residency}, data is stored only in regions of the
 * geographies (or the regions) listed, and processed there too unless {@code
 * constraints.compute_follows_data: false}; an offer in another region is eliminated. A local machine
 * is not judged (mlplan does not know where it stands).
 *
 * <p>Source: the region-to-geography mapping of {@link Geography}, from AWS's list of Regions
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html); AWS stores
 * content in the Region a customer selects and does not move it out without the customer's action
 * (AWS data privacy FAQ, https://aws.amazon.com/compliance/data-privacy-faq/), so the region of an
 * offer is where its data lives.
 */
public final class ResidencyRule implements Rule {
    public static final String ID = "residency.region";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> checkOffer(Facts f, String region, PricingModel pricing) {
        if (f.service() == Service.LOCAL) {
            return Optional.empty();
        }
        return outside(f.workload().constraints(), f.part() == Part.STORAGE, region);
    }

    /**
     * The verdict on one region for a part (storage, or compute when {@code storage} is false): the one
     * place residency is judged, by {@link #checkOffer} and by the planners' collector of compute offers
     * (every service: EC2, Lambda, Fargate, SageMaker), whose offers do not all go through the rule engine.
     */
    public static Optional<Violation> outside(Workload.Constraints c, boolean storage, String region) {
        List<String> residency = c.residency();
        if (residency.isEmpty() || Geography.allows(residency, region)) {
            return Optional.empty();
        }
        if (!storage && !c.computeFollowsData()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(ID, () -> region + " is outside constraints.residency " + residency + ": "
                + (storage ? "the data may not be stored there" : "the data may not be processed there (constraints.compute_follows_data: false"
                        + " lets compute run elsewhere)")));
    }
}
