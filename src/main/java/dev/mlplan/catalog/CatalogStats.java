package dev.mlplan.catalog;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Coverage counts of a catalog, for {@code mlplan catalog info}.
 *
 * @param regions regions with at least one instance price
 * @param pricesByModel instance prices per pricing model (models without prices are absent)
 * @param estimatedPrices instance prices whose source is "estimated"
 */
public record CatalogStats(
        int instanceTypes,
        int typesWithAccelerators,
        int accelerators,
        SortedSet<String> regions,
        int prices,
        Map<PricingModel, Integer> pricesByModel,
        int estimatedPrices,
        int spotInfos,
        int limits,
        int servicePrices,
        int serviceRegions,
        int sources,
        int ebsVolumeTypes) {

    public CatalogStats {
        regions = Collections.unmodifiableSortedSet(new TreeSet<>(regions));
        pricesByModel = Collections.unmodifiableMap(new EnumMap<>(pricesByModel));
    }

    public static CatalogStats of(Catalog catalog) {
        return of(catalog.document());
    }

    public static CatalogStats of(CatalogDocument doc) {
        Map<PricingModel, Integer> byModel = new EnumMap<>(PricingModel.class);
        SortedSet<String> regions = new TreeSet<>();
        java.util.Set<String> estimatedSources = doc.sources().stream()
                .filter(Source::estimated)
                .map(Source::id)
                .collect(Collectors.toSet());
        int estimated = 0;
        for (Price p : doc.prices()) {
            byModel.merge(p.pricing(), 1, Integer::sum);
            regions.add(p.region());
            if (estimatedSources.contains(p.source())) {
                estimated++;
            }
        }
        return new CatalogStats(
                doc.instanceTypes().size(),
                (int) doc.instanceTypes().stream().filter(InstanceType::hasAccelerator).count(),
                doc.accelerators().size(),
                regions,
                doc.prices().size(),
                byModel,
                estimated,
                doc.spot().size(),
                doc.limits().size(),
                doc.servicePrices().size(),
                (int) doc.servicePrices().stream().map(ServicePrice::region).distinct().count(),
                doc.sources().size(),
                doc.ebsVolumeTypes().size());
    }

    /** One line, e.g. "1377 instance types (…), 37 regions, 61234 prices (on-demand 17000, …), …". */
    public String summary() {
        String models = pricesByModel.entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return instanceTypes + " instance types (" + typesWithAccelerators + " with accelerators), "
                + accelerators + " accelerators, " + regions.size() + " regions, "
                + prices + " prices (" + models + "; " + estimatedPrices + " estimated), "
                + spotInfos + " spot infos, " + limits + " limits, "
                + servicePrices + " service prices in " + serviceRegions + " regions, "
                + sources + " sources, " + ebsVolumeTypes + " EBS volume types";
    }
}
