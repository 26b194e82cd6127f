package dev.mlplan.catalog;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Small valid catalogs for loader and validator tests, cut from the embedded one. */
final class TestCatalogs {
    private static final Set<String> TYPES = Set.of("p4d.24xlarge", "g5.xlarge", "m5.large");

    private TestCatalogs() {}

    /** A valid catalog: three types with their prices, all limits, sources, accelerators, us-east-1 service prices. */
    static CatalogDocument small() {
        CatalogDocument d = CatalogLoader.embedded().document();
        return new CatalogDocument(
                d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(),
                d.instanceTypes().stream().filter(t -> TYPES.contains(t.name())).toList(),
                d.prices().stream().filter(p -> TYPES.contains(p.instanceType()) && p.region().startsWith("us-")).toList(),
                d.spot().stream().filter(s -> TYPES.contains(s.instanceType()) && s.region().startsWith("us-")).toList(),
                d.limits(),
                d.servicePrices().stream().filter(s -> s.region().equals("us-east-1")).toList(),
                d.ebsVolumeTypes());
    }

    static CatalogDocument withPrices(CatalogDocument d, UnaryOperator<List<Price>> f) {
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(),
                d.instanceTypes(), f.apply(d.prices()), d.spot(), d.limits(), d.servicePrices(), d.ebsVolumeTypes());
    }

    static CatalogDocument withTypes(CatalogDocument d, UnaryOperator<List<InstanceType>> f) {
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(),
                f.apply(d.instanceTypes()), d.prices(), d.spot(), d.limits(), d.servicePrices(), d.ebsVolumeTypes());
    }

    static CatalogDocument withLimits(CatalogDocument d, UnaryOperator<List<Limit>> f) {
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(),
                d.instanceTypes(), d.prices(), d.spot(), f.apply(d.limits()), d.servicePrices(), d.ebsVolumeTypes());
    }

    static CatalogDocument withServicePrices(CatalogDocument d, UnaryOperator<List<ServicePrice>> f) {
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(),
                d.instanceTypes(), d.prices(), d.spot(), d.limits(), f.apply(d.servicePrices()), d.ebsVolumeTypes());
    }
}
