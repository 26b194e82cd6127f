package dev.mlplan.catalog.aws;

import java.math.BigDecimal;
import java.util.HashMap;
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

    /** Each raw spelling the price lists use, by the unit it is in. */
    private static final Map<String, Normalised> RAW = new HashMap<>();

    static {
        spellings(HOUR, 1, "hrs", "hr", "hour", "hours");
        spellings(GB_MONTH, 1, "gb-mo", "gb-month", "gb-months", "gib-mo", "gib-month");
        spellings(IOPS_MONTH, 1, "iops-mo", "iops-month");
        spellings(MIBPS_MONTH, 1.0 / 1024, "gibps-mo", "gibps-month");
        spellings(MIBPS_MONTH, 1, "mibps-mo", "mibps-month");
        spellings(GB_SECOND, 1, "lambda-gb-second", "gb-second", "gb-seconds");
        spellings(REQUEST, 1, "requests", "request");
        spellings(QUANTITY, 1, "quantity");
    }

    private static void spellings(PriceUnit unit, double factor, String... raw) {
        for (String spelling : raw) {
            RAW.put(spelling, new Normalised(unit, factor));
        }
    }

    /** The unit, if mlplan knows it (case and surrounding blanks ignored). */
    static Optional<Normalised> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(RAW.get(raw.trim().toLowerCase(Locale.ROOT)));
    }
}
