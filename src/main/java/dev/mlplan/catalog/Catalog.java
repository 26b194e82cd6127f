package dev.mlplan.catalog;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

/**
 * A loaded catalog with lookup indices. Immutable as seen from outside; safe to share between threads.
 *
 * <p>Prices, spot facts and service prices are indexed by region. A catalog read from the embedded
 * binary ({@link CatalogBinary.Image}) reads a region's rows the first time a lookup asks for that
 * region, so that a workload in two regions does not pay for the other thirty-four; a catalog made
 * from a document indexes every region at once.
 */
public final class Catalog {
    private final CatalogDocument head;
    private final Map<String, Source> sources = new HashMap<>();
    private final Map<String, Accelerator> accelerators = new HashMap<>();
    private final Map<String, InstanceType> types = new HashMap<>();
    private final Map<String, Limit> limits = new HashMap<>();
    private final Map<String, EbsVolumeType> ebsTypes = new HashMap<>();

    /** Every region with a row of any kind; a region's number is its position here. */
    private final String[] regionNames;
    private final Map<String, Integer> regionNumbers = new HashMap<>();
    /** The regions with at least one instance price. */
    private final SortedSet<String> regions = new TreeSet<>();
    /** Instance type → the numbers of the regions in which it has a price. */
    private final Map<String, BitSet> pricedIn;
    /** {@link #pricedRegions} of each type asked for, made once. */
    private final Map<String, Set<String>> pricedRegionSets = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each region's index, once read (all of them at once for a catalog made from a document). */
    private final AtomicReferenceArray<Region> byRegion;
    /** Where regions are read from; null for a catalog made from a document. */
    private final CatalogBinary.Image image;

    /** The whole document: given, or read from {@link #image} on first use. */
    private volatile CatalogDocument doc;
    /** Type → its prices in the document's order, made on first use. */
    private volatile Map<String, List<Price>> pricesByType;

    /** A catalog made from a document: every region indexed now. */
    public Catalog(CatalogDocument doc) {
        this.head = doc;
        this.doc = doc;
        this.image = null;
        indexHead();
        // regions numbered in the order they first appear, as CatalogBinary does
        Map<String, Region> built = new LinkedHashMap<>();
        this.pricedIn = new HashMap<>();
        List<Region> list = new ArrayList<>();
        for (Price p : doc.prices()) {
            Region r = regionOf(built, list, p.region());
            r.add(p);
            pricedIn.computeIfAbsent(p.instanceType(), t -> new BitSet()).set(regionNumbers.get(p.region()));
            regions.add(p.region());
        }
        for (SpotInfo s : doc.spot()) {
            regionOf(built, list, s.region()).add(s);
        }
        for (ServicePrice s : doc.servicePrices()) {
            regionOf(built, list, s.region()).add(s);
        }
        this.regionNames = built.keySet().toArray(new String[0]);
        this.byRegion = new AtomicReferenceArray<>(list.toArray(new Region[0]));
    }

    /** A catalog read from a binary image: each region read and indexed when first asked for. */
    public Catalog(CatalogBinary.Image image) {
        this.head = image.head();
        this.image = image;
        indexHead();
        this.regionNames = new String[image.regionCount()];
        for (int r = 0; r < regionNames.length; r++) {
            regionNames[r] = image.regionName(r);
            regionNumbers.put(regionNames[r], r);
            if (image.hasInstancePrices(r)) {
                if (regionNames[r] == null) {
                    // only rows without a region (service prices) have no region name; instance prices always have one
                    throw new CatalogException("catalog image is damaged: instance prices under region " + r + ", which has no name");
                }
                regions.add(regionNames[r]);
            }
        }
        this.pricedIn = image.pricedRegions();
        this.byRegion = new AtomicReferenceArray<>(regionNames.length);
    }

    private void indexHead() {
        for (Source s : head.sources()) {
            sources.put(s.id(), s);
        }
        for (Accelerator a : head.accelerators()) {
            accelerators.put(a.name(), a);
        }
        for (InstanceType t : head.instanceTypes()) {
            types.put(t.name(), t);
        }
        for (Limit l : head.limits()) {
            limits.put(l.id(), l);
        }
        for (EbsVolumeType e : head.ebsVolumeTypes()) {
            ebsTypes.put(e.name(), e);
        }
    }

    private Region regionOf(Map<String, Region> built, List<Region> list, String name) {
        Region r = built.get(name);
        if (r == null) {
            r = new Region();
            built.put(name, r);
            regionNumbers.put(name, list.size());
            list.add(r);
        }
        return r;
    }

    /** The region's index, read from the image at its first use (two threads may both read it; one result is kept). */
    private Region region(String name) {
        Integer n = regionNumbers.get(name);
        if (n == null) {
            return Region.EMPTY;
        }
        Region r = byRegion.get(n);
        if (r == null) {
            r = Region.of(image.region(n));
            if (!byRegion.compareAndSet(n, null, r)) {
                r = byRegion.get(n);
            }
        }
        return r;
    }

    /** One region's prices, spot facts and service prices; filled once, then only read. */
    private static final class Region {
        static final Region EMPTY = new Region();
        private static final int PRICING_MODELS = PricingModel.values().length;

        /** Type → price by {@link PricingModel#ordinal()}: lookups without building a key string. */
        final Map<String, Price[]> prices = new HashMap<>();
        final Map<String, SpotInfo> spot = new HashMap<>();
        final Map<String, ServicePrice> services = new HashMap<>();

        static Region of(CatalogBinary.Rows rows) {
            Region r = new Region();
            for (Price p : rows.prices) {
                r.add(p);
            }
            for (SpotInfo s : rows.spot) {
                r.add(s);
            }
            for (ServicePrice s : rows.services) {
                r.add(s);
            }
            return r;
        }

        /** A later row for the same type and pricing wins. */
        void add(Price p) {
            if (p.pricing() == null) {
                // a hand-made document or a damaged binary: said as a catalog error, not a crash mid-plan
                throw new CatalogException("the catalog has a price of " + p.instanceType() + " in " + p.region() + " without a pricing model");
            }
            prices.computeIfAbsent(p.instanceType(), t -> new Price[PRICING_MODELS])[p.pricing().ordinal()] = p;
        }

        void add(SpotInfo s) {
            spot.put(s.instanceType(), s);
        }

        void add(ServicePrice s) {
            services.put(s.id(), s);
        }
    }

    /** The whole document (for a binary catalog, every region is read at this first call). */
    public CatalogDocument document() {
        CatalogDocument d = doc;
        if (d == null) {
            synchronized (this) {
                d = doc;
                if (d == null) {
                    d = image.document();
                    doc = d;
                }
            }
        }
        return d;
    }

    public String id() {
        return head.id();
    }

    public String pricesAsOf() {
        return head.pricesAsOf();
    }

    public String description() {
        return head.description();
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public Collection<Source> sources() {
        return Collections.unmodifiableList(head.sources());
    }

    public Optional<Accelerator> accelerator(String name) {
        return Optional.ofNullable(accelerators.get(name));
    }

    public List<Accelerator> accelerators() {
        return Collections.unmodifiableList(head.accelerators());
    }

    public Optional<InstanceType> instanceType(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<InstanceType> instanceTypes() {
        return Collections.unmodifiableList(head.instanceTypes());
    }

    /** Every region that has at least one instance price. */
    public SortedSet<String> regions() {
        return Collections.unmodifiableSortedSet(regions);
    }

    public Optional<Price> price(String region, String type, PricingModel pricing) {
        Price[] byPricing = region(region).prices.get(type);
        return Optional.ofNullable(byPricing == null ? null : byPricing[pricing.ordinal()]);
    }

    /** The regions in which the type has at least one price (no region's rows are read for this). */
    public Set<String> pricedRegions(String type) {
        // asked for every candidate type of every plan (a sweep plans thousands): each type's set is made once
        return pricedRegionSets.computeIfAbsent(type, t -> {
            BitSet in = pricedIn.get(t);
            return in == null ? Set.of() : in.stream().mapToObj(n -> regionNames[n]).collect(Collectors.toUnmodifiableSet());
        });
    }

    /** The type's prices in every region, in the catalog's order (for a binary catalog, reads every region). */
    public List<Price> prices(String type) {
        Map<String, List<Price>> byType = pricesByType;
        if (byType == null) {
            synchronized (this) {
                byType = pricesByType;
                if (byType == null) {
                    byType = document().prices().stream().collect(Collectors.groupingBy(Price::instanceType));
                    pricesByType = byType;
                }
            }
        }
        return Collections.unmodifiableList(byType.getOrDefault(type, List.of()));
    }

    public Optional<SpotInfo> spot(String region, String type) {
        return Optional.ofNullable(region(region).spot.get(type));
    }

    /** A limit that mlplan's rules rely on; a catalog without it is broken. */
    public Limit limit(String id) {
        Limit l = limits.get(id);
        if (l == null) {
            throw new CatalogException("catalog " + head.id() + " has no limit '" + id + "'");
        }
        return l;
    }

    public Collection<Limit> limits() {
        return Collections.unmodifiableList(head.limits());
    }

    /** A service price in the region, if the catalog has one there. */
    public Optional<ServicePrice> servicePrice(String id, String region) {
        return Optional.ofNullable(region(region).services.get(id));
    }

    public Optional<EbsVolumeType> ebsVolumeType(String name) {
        return Optional.ofNullable(ebsTypes.get(name));
    }

    public List<EbsVolumeType> ebsVolumeTypes() {
        return Collections.unmodifiableList(head.ebsVolumeTypes());
    }
}
