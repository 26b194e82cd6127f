package dev.mlplan.catalog.aws;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The units the Price List writes in {@code priceDimensions.*.unit}, normalised. The same quantity is
 * spelt several ways across services and years ({@code GB-Mo}, {@code GB-month}, {@code GB-Month});
 * gp3 throughput is priced per {@code GiBps-mo} while mlplan prices it per MiB/s-month. A price
 * {@code p} in the raw unit is {@code p * factor} in the canonical unit.
 */
enum PriceUnit {
    HOUR("hour"),
    GB_MONTH("GB-month"),
    IOPS_MONTH("IOPS-month"),
    MIBPS_MONTH("MiB/s-month"),
    GB_SECOND("GB-second"),
    REQUEST("request"),
    /** A one-off fee (reserved upfront payment). */
    QUANTITY("quantity");

    private final String canonical;

    PriceUnit(String canonical) {
        this.canonical = canonical;
    }

    String canonical() {
        return canonical;
    }

    /** A raw unit recognised: its canonical unit and the factor a price in the raw unit is multiplied by. */
    record Normalised(PriceUnit unit, BigDecimal factor) {
        Normalised(PriceUnit unit, double factor) {
            this(unit, new BigDecimal(factor)); // 1 and 1/1024 are exact binary fractions
        }

        BigDecimal convert(BigDecimal usdPerRawUnit) {
            return usdPerRawUnit.multiply(factor);
        }
    }

    private static final Map<String, Normalised> RAW = Map.ofEntries(
            Map.entry("hrs", new Normalised(HOUR, 1)),
            Map.entry("hr", new Normalised(HOUR, 1)),
            Map.entry("hour", new Normalised(HOUR, 1)),
            Map.entry("hours", new Normalised(HOUR, 1)),
            Map.entry("gb-mo", new Normalised(GB_MONTH, 1)),
            Map.entry("gb-month", new Normalised(GB_MONTH, 1)),
            Map.entry("gb-months", new Normalised(GB_MONTH, 1)),
            Map.entry("gib-mo", new Normalised(GB_MONTH, 1)),
            Map.entry("gib-month", new Normalised(GB_MONTH, 1)),
            Map.entry("iops-mo", new Normalised(IOPS_MONTH, 1)),
            Map.entry("iops-month", new Normalised(IOPS_MONTH, 1)),
            Map.entry("gibps-mo", new Normalised(MIBPS_MONTH, 1.0 / 1024)),
            Map.entry("gibps-month", new Normalised(MIBPS_MONTH, 1.0 / 1024)),
            Map.entry("mibps-mo", new Normalised(MIBPS_MONTH, 1)),
            Map.entry("mibps-month", new Normalised(MIBPS_MONTH, 1)),
            Map.entry("lambda-gb-second", new Normalised(GB_SECOND, 1)),
            Map.entry("gb-second", new Normalised(GB_SECOND, 1)),
            Map.entry("gb-seconds", new Normalised(GB_SECOND, 1)),
            Map.entry("requests", new Normalised(REQUEST, 1)),
            Map.entry("request", new Normalised(REQUEST, 1)),
            Map.entry("quantity", new Normalised(QUANTITY, 1)));

    /** The unit, if mlplan knows it (case and surrounding blanks ignored). */
    static Optional<Normalised> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(RAW.get(raw.trim().toLowerCase(Locale.ROOT)));
    }
}
