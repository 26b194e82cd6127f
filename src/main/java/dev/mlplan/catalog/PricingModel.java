package dev.mlplan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a resource is paid for. The JSON names are part of mlplan's output contract (docs/design.md, JSON output).
 * Reserved terms without "convertible" are Standard Reserved Instances.
 */
public enum PricingModel {
    ON_DEMAND("on-demand", 0, false),
    SPOT("spot", 0, false),
    RESERVED_1Y_NO_UPFRONT("reserved-1y-no-upfront", 1, true),
    RESERVED_1Y_PARTIAL_UPFRONT("reserved-1y-partial-upfront", 1, true),
    RESERVED_1Y_ALL_UPFRONT("reserved-1y-all-upfront", 1, true),
    RESERVED_3Y_NO_UPFRONT("reserved-3y-no-upfront", 3, true),
    RESERVED_3Y_PARTIAL_UPFRONT("reserved-3y-partial-upfront", 3, true),
    RESERVED_3Y_ALL_UPFRONT("reserved-3y-all-upfront", 3, true),
    RESERVED_1Y_CONVERTIBLE_NO_UPFRONT("reserved-1y-convertible-no-upfront", 1, true),
    RESERVED_1Y_CONVERTIBLE_PARTIAL_UPFRONT("reserved-1y-convertible-partial-upfront", 1, true),
    RESERVED_1Y_CONVERTIBLE_ALL_UPFRONT("reserved-1y-convertible-all-upfront", 1, true),
    RESERVED_3Y_CONVERTIBLE_NO_UPFRONT("reserved-3y-convertible-no-upfront", 3, true),
    RESERVED_3Y_CONVERTIBLE_PARTIAL_UPFRONT("reserved-3y-convertible-partial-upfront", 3, true),
    RESERVED_3Y_CONVERTIBLE_ALL_UPFRONT("reserved-3y-convertible-all-upfront", 3, true),
    SAVINGS_PLAN_COMPUTE_1Y("savings-plan-compute-1y", 1, true),
    SAVINGS_PLAN_COMPUTE_3Y("savings-plan-compute-3y", 3, true),
    SAVINGS_PLAN_INSTANCE_1Y("savings-plan-instance-1y", 1, true),
    SAVINGS_PLAN_INSTANCE_3Y("savings-plan-instance-3y", 3, true),
    PER_REQUEST("per-request", 0, false),
    LOCAL("local", 0, false),
    /**
     * EC2 Capacity Blocks for ML: instances reserved for whole days (1 to 14 days, then weeks up to
     * 182), paid up front at an hourly rate; mlplan prices training runs on them (docs/limits.md).
     */
    CAPACITY_BLOCK("capacity-block", 0, false);

    private final String id;
    private final int termYears;
    private final boolean commitment;

    PricingModel(String id, int termYears, boolean commitment) {
        this.id = id;
        this.termYears = termYears;
        this.commitment = commitment;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Years of the commitment, 0 when there is none. */
    public int termYears() {
        return termYears;
    }

    /** True when the price is paid for every hour of a term, used or not. */
    public boolean isCommitment() {
        return commitment;
    }

    public boolean isReserved() {
        return name().startsWith("RESERVED");
    }

    public boolean isConvertible() {
        return name().contains("CONVERTIBLE");
    }

    public static Optional<PricingModel> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    @JsonCreator
    public static PricingModel fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown pricing model '" + id + "'"));
    }
}
