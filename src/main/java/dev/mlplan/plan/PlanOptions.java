package dev.mlplan.plan;

import dev.mlplan.catalog.PricingModel;
import java.util.List;

/**
 * How to plan: how many options to keep per part, and which pricing models to compare.
 *
 * @param top options kept per part (the best ones)
 * @param pricing pricing models compared for EC2 (convertible reservations are left out by default:
 *     they never cost less than standard ones of the same term and payment; capacity blocks are
 *     compared for training runs only)
 * @param pricingPolicy when present, the pricing policy of every workload, in place of its own
 *     {@code constraints.pricing} ({@code check --pricing})
 * @param objective what each part's options are ranked by ({@code recommend --objective}; cost by default)
 * @param frontier whether training and batch parts list their cost/time Pareto frontier ({@code --frontier})
 */
public record PlanOptions(int top, List<PricingModel> pricing, String mlplanVersion, java.util.Optional<PricingPolicy> pricingPolicy,
        Objective objective, boolean frontier) {
    public static final int DEFAULT_TOP = 5;

    /** Each workload's own pricing policy ({@code constraints.pricing}). */
    public PlanOptions(int top, List<PricingModel> pricing, String mlplanVersion) {
        this(top, pricing, mlplanVersion, java.util.Optional.empty());
    }

    /** Ranked by cost, without frontiers. */
    public PlanOptions(int top, List<PricingModel> pricing, String mlplanVersion, java.util.Optional<PricingPolicy> pricingPolicy) {
        this(top, pricing, mlplanVersion, pricingPolicy, Objective.COST, false);
    }

    public static final List<PricingModel> DEFAULT_PRICING = List.of(
            PricingModel.ON_DEMAND,
            PricingModel.SPOT,
            PricingModel.RESERVED_1Y_NO_UPFRONT,
            PricingModel.RESERVED_1Y_PARTIAL_UPFRONT,
            PricingModel.RESERVED_1Y_ALL_UPFRONT,
            PricingModel.RESERVED_3Y_NO_UPFRONT,
            PricingModel.RESERVED_3Y_PARTIAL_UPFRONT,
            PricingModel.RESERVED_3Y_ALL_UPFRONT,
            PricingModel.SAVINGS_PLAN_COMPUTE_1Y,
            PricingModel.SAVINGS_PLAN_COMPUTE_3Y,
            PricingModel.SAVINGS_PLAN_INSTANCE_1Y,
            PricingModel.SAVINGS_PLAN_INSTANCE_3Y,
            PricingModel.CAPACITY_BLOCK);

    public static PlanOptions defaults(String version) {
        return new PlanOptions(DEFAULT_TOP, DEFAULT_PRICING, version);
    }

    public PlanOptions withTop(int n) {
        return new PlanOptions(n, pricing, mlplanVersion, pricingPolicy, objective, frontier);
    }

    /** Options ranked by {@code o}, with the cost/time frontier of training and batch parts when {@code withFrontier}. */
    public PlanOptions withObjective(Objective o, boolean withFrontier) {
        return new PlanOptions(top, pricing, mlplanVersion, pricingPolicy, o, withFrontier);
    }

    /** Every workload planned under {@code policy} instead of its own {@code constraints.pricing} ({@code check --pricing}). */
    public PlanOptions withPricingPolicy(PricingPolicy policy) {
        return new PlanOptions(top, pricing, mlplanVersion, java.util.Optional.of(policy), objective, frontier);
    }
}
