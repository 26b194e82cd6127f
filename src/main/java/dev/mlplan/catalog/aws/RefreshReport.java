package dev.mlplan.catalog.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a refresh did, for the CLI to print ({@link #summaryLines()}) or serialise.
 *
 * @param previousCatalogId id of the catalog the refresh started from
 * @param catalogId id of the merged catalog ({@code aws-YYYY-MM}; unchanged when nothing was fetched)
 * @param pricesAsOf prices date of the merged catalog
 * @param regions regions refreshed
 * @param services services refreshed (ids as on the command line)
 * @param servicesNotRequested services left out of this refresh: their figures are unchanged
 * @param zeroPricedSkusIgnored Price List items priced $0 (capacity blocks) that were ignored
 * @param malformedItemsSkipped items that could not be read and were skipped
 * @param implausibleSkipped fetched figures that failed a check (not a positive finite number, 100× off
 *     the previous catalog, spot below 5% of on-demand, a GPU count of 0 without a known fraction, an
 *     accelerator the catalog has no figures for) and were skipped
 * @param outOfScope fetched types (and their prices) the catalog does not carry: a new type is
 *     added only if it has accelerators or its family is already in the catalog
 * @param kept figures the APIs returned nothing for, kept from the previous catalog
 * @param warnings skipped items, conflicting duplicates, unknown accelerator names
 */
public record RefreshReport(
        String previousCatalogId,
        String catalogId,
        String pricesAsOf,
        List<String> regions,
        List<String> services,
        List<String> servicesNotRequested,
        Counts instanceTypes,
        Counts prices,
        Counts spot,
        Counts servicePrices,
        int zeroPricedSkusIgnored,
        int malformedItemsSkipped,
        int implausibleSkipped,
        int outOfScope,
        List<Kept> kept,
        List<String> warnings) {

    /** Lines of one kind shown by {@link #summaryLines()} before "… and N more". */
    public static final int SUMMARY_LINES_PER_KIND = 10;

    public RefreshReport {
        regions = List.copyOf(regions);
        services = List.copyOf(services);
        servicesNotRequested = List.copyOf(servicesNotRequested);
        kept = List.copyOf(kept);
        warnings = List.copyOf(warnings);
    }

    /**
     * Figures of one kind in the merged catalog.
     *
     * @param refreshed present before and fetched again (replaced)
     * @param changed of those, how many have a different value now
     * @param added fetched and new to the catalog
     * @param kept present before, in scope of the refresh, not fetched: kept as they were
     */
    public record Counts(int refreshed, int changed, int added, int kept) {}

    public enum KeptKind {
        /** A service in a region for which the APIs returned nothing usable. */
        SERVICE,
        /** A region the catalog has and the refresh did not cover. */
        REGION,
        /** Instance specs DescribeInstanceTypes did not return. */
        INSTANCE_TYPE,
        /** Prices of one type in one region (the pricing models are in the reason). */
        PRICES,
        /** A service price id in a region. */
        SERVICE_PRICE
    }

    /**
     * One group of figures kept from the previous catalog.
     *
     * @param region the region, or null when it applies to every region
     * @param subject the service id, region, instance type or service price id
     * @param reason why, in words
     */
    public record Kept(KeptKind kind, String region, String subject, String reason) {
        String line() {
            String where = region == null || kind == KeptKind.REGION ? "" : " in " + region;
            String what = switch (kind) {
                case SERVICE -> "service " + subject;
                case REGION -> "region " + subject;
                case INSTANCE_TYPE -> "instance type " + subject;
                case PRICES -> "prices of " + subject;
                case SERVICE_PRICE -> "service price " + subject;
            };
            return what + where + ": " + reason;
        }
    }

    /** "sagemaker in eu-west-1", … : services whose figures in a region were kept. */
    public List<String> keptServices() {
        return kept.stream().filter(k -> k.kind() == KeptKind.SERVICE).map(k -> k.subject() + " in " + k.region()).toList();
    }

    /** Instance types with specs or prices kept from the previous catalog (sorted, distinct). */
    public List<String> keptInstanceTypes() {
        return kept.stream()
                .filter(k -> k.kind() == KeptKind.INSTANCE_TYPE || k.kind() == KeptKind.PRICES)
                .map(Kept::subject).distinct().sorted().toList();
    }

    /** Regions of the previous catalog this refresh did not cover. */
    public List<String> keptRegions() {
        return kept.stream().filter(k -> k.kind() == KeptKind.REGION).map(Kept::subject).toList();
    }

    /** A human-readable summary, one line per entry, no trailing newlines. */
    public List<String> summaryLines() {
        List<String> out = new ArrayList<>();
        out.add("catalog " + catalogId + " (prices as of " + pricesAsOf + "), refreshed over " + previousCatalogId);
        out.add("regions: " + String.join(", ", regions) + "; services: " + String.join(", ", services)
                + (servicesNotRequested.isEmpty() ? "" : " (not refreshed: " + String.join(", ", servicesNotRequested) + ")"));
        out.add(countLine("instance types", instanceTypes));
        out.add(countLine("instance prices", prices));
        out.add(countLine("spot markets", spot));
        out.add(countLine("service prices", servicePrices));
        List<String> skipped = new ArrayList<>();
        if (zeroPricedSkusIgnored > 0) {
            skipped.add("ignored " + zeroPricedSkusIgnored + " SKU" + plural(zeroPricedSkusIgnored) + " priced $0 (capacity blocks)");
        }
        if (malformedItemsSkipped > 0) {
            skipped.add("skipped " + malformedItemsSkipped + " malformed item" + plural(malformedItemsSkipped));
        }
        if (implausibleSkipped > 0) {
            skipped.add("skipped " + implausibleSkipped + " implausible figure" + plural(implausibleSkipped)
                    + " (kept the previous ones; see warnings)");
        }
        if (outOfScope > 0) {
            skipped.add("left out " + outOfScope + " figure" + plural(outOfScope) + " for types outside the catalog's families");
        }
        if (!skipped.isEmpty()) {
            out.add(String.join("; ", skipped));
        }
        if (!kept.isEmpty()) {
            out.add("kept from " + previousCatalogId + " (the APIs returned nothing for them):");
            for (KeptKind kind : KeptKind.values()) {
                List<Kept> ofKind = kept.stream().filter(k -> k.kind() == kind).toList();
                ofKind.stream().limit(SUMMARY_LINES_PER_KIND).forEach(k -> out.add("  " + k.line()));
                if (ofKind.size() > SUMMARY_LINES_PER_KIND) {
                    out.add("  … and " + (ofKind.size() - SUMMARY_LINES_PER_KIND) + " more "
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " entries");
                }
            }
        }
        if (!warnings.isEmpty()) {
            out.add("warnings:");
            warnings.forEach(w -> out.add("  " + w));
        }
        return out;
    }

    private static String countLine(String what, Counts c) {
        return what + ": " + c.refreshed() + " refreshed (" + c.changed() + " changed), " + c.added() + " added, "
                + c.kept() + " kept";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
