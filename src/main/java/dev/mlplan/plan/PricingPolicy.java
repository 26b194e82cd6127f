package dev.mlplan.plan;

import dev.mlplan.catalog.PricingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which pricing models a workload allows ({@code constraints.pricing}, or {@code check --pricing}): the
 * names of the workload contract mapped to the catalog's pricing models (docs/limits.md, "Pricing policy").
 *
 * <ul>
 *   <li>{@code reserved-1y} / {@code reserved-3y}: Standard Reserved Instances of that term, every payment
 *       option the catalog holds (no, partial and all upfront; convertible ones are not compared by default,
 *       see {@link PlanOptions});
 *   <li>{@code savings-plan-1y} / {@code savings-plan-3y}: Compute and EC2 Instance Savings Plans of that term;
 *   <li>{@code on-demand}, {@code spot}, {@code capacity-block}: the model of that name;
 *   <li>a precise catalog id ({@code reserved-1y-no-upfront}, {@code savings-plan-compute-3y}, …): that model only.
 * </ul>
 *
 * Pay-per-request services (Lambda, SageMaker Serverless) and an owned machine have no pricing choice:
 * the policy leaves them alone; so does storage. SageMaker endpoints and training jobs, and Fargate, are
 * on-demand.
 *
 * @param names the names as written, in their order; empty for "every model" (no policy)
 */
public record PricingPolicy(List<String> names) {
    /** The names of the contract, each standing for several catalog models; a catalog id stands for itself. */
    private static final Map<String, Set<PricingModel>> GROUPS = groups();

    public static final PricingPolicy ALL = new PricingPolicy(List.of());

    public PricingPolicy {
        names = List.copyOf(names);
        for (String n : names) {
            if (models(n).isEmpty()) {
                throw new IllegalArgumentException("unknown pricing model '" + n + "'");
            }
        }
    }

    /** The catalog models one name stands for; empty when the name is unknown. */
    public static Set<PricingModel> models(String name) {
        Set<PricingModel> group = GROUPS.get(name);
        if (group != null) {
            return group;
        }
        return PricingModel.byId(name).filter(PlanOptions.DEFAULT_PRICING::contains).map(pm -> (Set<PricingModel>) EnumSet.of(pm)).orElse(Set.of());
    }

    public boolean isAll() {
        return names.isEmpty();
    }

    /** Whether offers under {@code pm} may be made: always for models outside the policy's vocabulary (per-request, local). */
    public boolean allows(PricingModel pm) {
        if (isAll() || pm == PricingModel.PER_REQUEST || pm == PricingModel.LOCAL) {
            return true;
        }
        for (String n : names) {
            if (models(n).contains(pm)) {
                return true;
            }
        }
        return false;
    }

    /** {@code pricings} less those the policy does not allow. */
    public List<PricingModel> filter(Collection<PricingModel> pricings) {
        return pricings.stream().filter(this::allows).toList();
    }

    /**
     * What a plan says about the policy, once per compute part: "on-demand, reserved-1y; not offered:
     * spot, reserved-3y, …" (of the contract's names, those wholly left out and relevant to the part); empty
     * without a policy.
     *
     * @param compared the pricing models the part compares
     */
    public Optional<String> describe(Collection<PricingModel> compared) {
        if (isAll()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<PricingModel>> e : GROUPS.entrySet()) {
            boolean relevant = e.getValue().stream().anyMatch(compared::contains);
            boolean none = e.getValue().stream().noneMatch(this::allows);
            if (relevant && none) {
                out.add(e.getKey());
            }
        }
        return Optional.of(String.join(", ", names) + (out.isEmpty() ? "" : "; not offered: " + String.join(", ", out)));
    }

    private static Map<String, Set<PricingModel>> groups() {
        Map<String, Set<PricingModel>> g = new LinkedHashMap<>();
        g.put("on-demand", EnumSet.of(PricingModel.ON_DEMAND));
        g.put("spot", EnumSet.of(PricingModel.SPOT));
        g.put("reserved-1y", EnumSet.of(PricingModel.RESERVED_1Y_NO_UPFRONT, PricingModel.RESERVED_1Y_PARTIAL_UPFRONT,
                PricingModel.RESERVED_1Y_ALL_UPFRONT));
        g.put("reserved-3y", EnumSet.of(PricingModel.RESERVED_3Y_NO_UPFRONT, PricingModel.RESERVED_3Y_PARTIAL_UPFRONT,
                PricingModel.RESERVED_3Y_ALL_UPFRONT));
        g.put("savings-plan-1y", EnumSet.of(PricingModel.SAVINGS_PLAN_COMPUTE_1Y, PricingModel.SAVINGS_PLAN_INSTANCE_1Y));
        g.put("savings-plan-3y", EnumSet.of(PricingModel.SAVINGS_PLAN_COMPUTE_3Y, PricingModel.SAVINGS_PLAN_INSTANCE_3Y));
        g.put("capacity-block", EnumSet.of(PricingModel.CAPACITY_BLOCK));
        return java.util.Collections.unmodifiableMap(g);
    }
}
