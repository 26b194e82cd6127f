package dev.mlplan.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Spot market facts for one type in one region.
 *
 * @param avgUsdPerHour average spot price across the region's AZs (null when unknown)
 * @param minUsdPerHour lowest AZ's spot price (null when unknown)
 * @param interruptionBucket Spot Advisor bucket: "<5%", "5-10%", "10-15%", "15-20%", ">20%" (null when unknown)
 * @param interruptionSource source id of the bucket
 *
 * <p>Stored as a JSON array in field order, one per line.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"region", "instanceType", "avgUsdPerHour", "minUsdPerHour", "interruptionBucket", "savingsVsOnDemandPct",
    "priceSource", "interruptionSource"})
public record SpotInfo(
        String region,
        String instanceType,
        Double avgUsdPerHour,
        Double minUsdPerHour,
        String interruptionBucket,
        Integer savingsVsOnDemandPct,
        String priceSource,
        String interruptionSource) {

    /** Upper end of the interruption bucket as a monthly fraction (e.g. "5-10%" gives 0.10). */
    @JsonIgnore
    public double interruptionRateUpper() {
        if (interruptionBucket == null) {
            return 0.20;
        }
        return switch (interruptionBucket) {
            case "<5%" -> 0.05;
            case "5-10%" -> 0.10;
            case "10-15%" -> 0.15;
            case "15-20%" -> 0.20;
            default -> 0.25;
        };
    }
}
