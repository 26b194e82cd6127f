package dev.mlplan.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** A loaded catalog with lookup indices. Immutable. */
public final class Catalog {
    private final CatalogDocument doc;
    private final Map<String, Source> sources = new HashMap<>();
    private final Map<String, Accelerator> accelerators = new HashMap<>();
    private final Map<String, InstanceType> types = new HashMap<>();
    private final Map<String, List<Price>> pricesByType = new HashMap<>();
    /** type → region → price by {@link PricingModel#ordinal()}: lookups without building a key string. */
    private final Map<String, Map<String, Price[]>> priceIndex = new HashMap<>();
    /** type → region → spot facts. */
    private final Map<String, Map<String, SpotInfo>> spot = new HashMap<>();
    private final Map<String, Limit> limits = new HashMap<>();
    private final Map<String, ServicePrice> servicePrices = new HashMap<>();
    private final Map<String, EbsVolumeType> ebsTypes = new HashMap<>();
    private final SortedSet<String> regions = new TreeSet<>();

    public Catalog(CatalogDocument doc) {
        this.doc = doc;
        // plain loops, no lambdas: this runs at every start, in a cold JVM (docs/performance.md)
        for (Source s : doc.sources()) {
            sources.put(s.id(), s);
        }
        for (Accelerator a : doc.accelerators()) {
            accelerators.put(a.name(), a);
        }
        for (InstanceType t : doc.instanceTypes()) {
            types.put(t.name(), t);
        }
        // Rows come sorted by type, then region (the builder writes them so): the indexers look the maps
        // up once per run of equal keys, not once per row (any order still gives the same index, only
        // slower). One call per row rather than one long loop body: the JIT compiles a method after a
        // few hundred calls, a loop only after tens of thousands of turns (docs/performance.md).
        PriceIndexer prices = new PriceIndexer();
        for (Price p : doc.prices()) {
            prices.add(p);
        }
        regions.addAll(prices.seenRegions);
        SpotIndexer spots = new SpotIndexer();
        for (SpotInfo si : doc.spot()) {
            spots.add(si);
        }
        for (Limit l : doc.limits()) {
            limits.put(l.id(), l);
        }
        for (ServicePrice s : doc.servicePrices()) {
            servicePrices.put(s.id() + '|' + s.region(), s);
        }
        for (EbsVolumeType e : doc.ebsVolumeTypes()) {
            ebsTypes.put(e.name(), e);
        }
    }

    private static final int PRICING_MODELS = PricingModel.values().length;

    /** Adds price rows to {@link #pricesByType} and {@link #priceIndex}, one run of equal type and region at a time. */
    private final class PriceIndexer {
        final Set<String> seenRegions = new HashSet<>();
        private String type;
        private String region;
        private List<Price> ofType;
        private Map<String, Price[]> byRegion;
        private Price[] byPricing;

        void add(Price p) {
            if (!Objects.equals(p.instanceType(), type) || ofType == null) {
                type = p.instanceType();
                region = null;
                byPricing = null;
                ofType = pricesByType.get(type);
                if (ofType == null) {
                    ofType = new ArrayList<>();
                    pricesByType.put(type, ofType);
                }
                byRegion = priceIndex.get(type);
                if (byRegion == null) {
                    byRegion = new HashMap<>();
                    priceIndex.put(type, byRegion);
                }
            }
            if (!Objects.equals(p.region(), region) || byPricing == null) {
                region = p.region();
                byPricing = byRegion.get(region);
                if (byPricing == null) {
                    byPricing = new Price[PRICING_MODELS];
                    byRegion.put(region, byPricing);
                }
                seenRegions.add(region);
            }
            ofType.add(p);
            byPricing[p.pricing().ordinal()] = p;
        }
    }

    /** Adds spot rows to {@link #spot}, one run of equal type at a time. */
    private final class SpotIndexer {
        private String type;
        private Map<String, SpotInfo> byRegion;

        void add(SpotInfo si) {
            if (!Objects.equals(si.instanceType(), type) || byRegion == null) {
                type = si.instanceType();
                byRegion = spot.get(type);
                if (byRegion == null) {
                    byRegion = new HashMap<>();
                    spot.put(type, byRegion);
                }
            }
            byRegion.put(si.region(), si);
        }
    }

    public CatalogDocument document() {
        return doc;
    }

    public String id() {
        return doc.id();
    }

    public String pricesAsOf() {
        return doc.pricesAsOf();
    }

    public String description() {
        return doc.description();
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public Collection<Source> sources() {
        return Collections.unmodifiableList(doc.sources());
    }

    public Optional<Accelerator> accelerator(String name) {
        return Optional.ofNullable(accelerators.get(name));
    }

    public List<Accelerator> accelerators() {
        return Collections.unmodifiableList(doc.accelerators());
    }

    public Optional<InstanceType> instanceType(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<InstanceType> instanceTypes() {
        return Collections.unmodifiableList(doc.instanceTypes());
    }

    /** Every region that has at least one instance price. */
    public SortedSet<String> regions() {
        return Collections.unmodifiableSortedSet(regions);
    }

    public Optional<Price> price(String region, String type, PricingModel pricing) {
        Map<String, Price[]> byRegion = priceIndex.get(type);
        Price[] byPricing = byRegion == null ? null : byRegion.get(region);
        return Optional.ofNullable(byPricing == null ? null : byPricing[pricing.ordinal()]);
    }

    /** The regions in which the type has at least one price. */
    public Set<String> pricedRegions(String type) {
        Map<String, Price[]> byRegion = priceIndex.get(type);
        return byRegion == null ? Set.of() : Collections.unmodifiableSet(byRegion.keySet());
    }

    public List<Price> prices(String type) {
        return pricesByType.getOrDefault(type, List.of());
    }

    public Optional<SpotInfo> spot(String region, String type) {
        Map<String, SpotInfo> byRegion = spot.get(type);
        return Optional.ofNullable(byRegion == null ? null : byRegion.get(region));
    }

    /** A limit that mlplan's rules rely on; a catalog without it is broken. */
    public Limit limit(String id) {
        Limit l = limits.get(id);
        if (l == null) {
            throw new CatalogException("catalog " + doc.id() + " has no limit '" + id + "'");
        }
        return l;
    }

    public Collection<Limit> limits() {
        return Collections.unmodifiableList(doc.limits());
    }

    /** A service price in the region, if the catalog has one there. */
    public Optional<ServicePrice> servicePrice(String id, String region) {
        return Optional.ofNullable(servicePrices.get(id + '|' + region));
    }

    public Optional<EbsVolumeType> ebsVolumeType(String name) {
        return Optional.ofNullable(ebsTypes.get(name));
    }

    public List<EbsVolumeType> ebsVolumeTypes() {
        return Collections.unmodifiableList(doc.ebsVolumeTypes());
    }
}
