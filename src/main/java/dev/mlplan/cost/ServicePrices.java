package dev.mlplan.cost;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.ServicePrice;
import java.util.Optional;

/**
 * Looks up service prices in a region, falling back to us-east-1 (and saying so) where the catalog
 * has no figure for the region.
 */
public final class ServicePrices {
    public static final String FALLBACK_REGION = "us-east-1";

    private final Catalog catalog;

    public ServicePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A price and whether it was borrowed from us-east-1. */
    public record Resolved(ServicePrice price, boolean fallback) {
        public double usd() {
            return price.usd();
        }

        public String source() {
            return price.source();
        }
    }

    public Resolved get(String id, String region) {
        Optional<ServicePrice> p = catalog.servicePrice(id, region);
        if (p.isPresent()) {
            return new Resolved(p.get(), false);
        }
        Optional<ServicePrice> fallback = catalog.servicePrice(id, FALLBACK_REGION);
        if (fallback.isEmpty()) {
            throw new CatalogException("catalog " + catalog.id() + " has no price '" + id + "' in " + region + " or " + FALLBACK_REGION);
        }
        return new Resolved(fallback.get(), true);
    }

    public Optional<Resolved> find(String id, String region) {
        Optional<ServicePrice> p = catalog.servicePrice(id, region);
        if (p.isPresent()) {
            return Optional.of(new Resolved(p.get(), false));
        }
        Optional<ServicePrice> fallback = catalog.servicePrice(id, FALLBACK_REGION);
        return fallback.isPresent() ? Optional.of(new Resolved(fallback.get(), true)) : Optional.empty();
    }
}
