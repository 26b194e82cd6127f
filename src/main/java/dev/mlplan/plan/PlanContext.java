package dev.mlplan.plan;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.Source;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.rules.ResidencyRule;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Suggestions;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What every part planner of one workload shares. */
record PlanContext(Workload workload, Catalog catalog, ConstraintEngine engine, PlanOptions options, List<String> regions, ServicePrices prices,
        PartCollector.Building building, LocalDate today) {

    /** Spot prices at most this share of on-demand sit at AWS's floor (a 90% discount). */
    static final double SPOT_FLOOR = 0.10;
    /** Spot price data older than this is flagged on the option. */
    static final int SPOT_STALE_DAYS = 90;

    static PlanContext of(Workload w, Catalog catalog, ConstraintEngine engine, PlanOptions options, PartCollector.Building building,
            LocalDate today) {
        List<String> regions = w.anyRegion() ? List.copyOf(catalog.regions()) : w.regions();
        if (!w.anyRegion()) {
            for (String r : regions) {
                if (!catalog.regions().contains(r)) {
                    throw WorkloadException.ofFile(w.file(), "region '" + r + "' is not in catalog " + catalog.id()
                            + Suggestions.suffix(r, catalog.regions()));
                }
            }
        }
        return new PlanContext(w, catalog, engine, options, regions, new ServicePrices(catalog), building, today);
    }

    /** The same context seeing {@code view}: the workload with only the item being planned in its kind's list. */
    PlanContext focus(Workload view) {
        return new PlanContext(view, catalog, engine, options, regions, prices, building, today);
    }

    /** A collector for one part's offers. */
    PartCollector collector() {
        return new PartCollector(building, PricingPolicy.ALL, options.objective());
    }

    /** The pricing policy of this plan: check --pricing's, else the workload's constraints.pricing. */
    PricingPolicy pricingPolicy() {
        return options.pricingPolicy().orElseGet(() -> new PricingPolicy(workload.constraints().pricing()));
    }

    /**
     * A collector for a compute part's offers: only pricing models the {@link #pricingPolicy} allows are
     * offered, and only in regions constraints.residency allows (residency.region, every service).
     */
    PartCollector computeCollector() {
        return new PartCollector(building, pricingPolicy(), options.objective())
                .within(region -> ResidencyRule.outside(workload.constraints(), false, region));
    }

    /** The catalog accelerator a local machine names, matched loosely ("rtx-4090" → "RTX-4090"). */
    Accelerator localAccelerator(String name) {
        String key = Workload.LocalMachine.acceleratorKey(name);
        for (Accelerator a : catalog.accelerators()) {
            if (Workload.LocalMachine.acceleratorKey(a.name()).equals(key)) {
                return a;
            }
        }
        throw WorkloadException.ofFile(workload.file(), "local.accelerator '" + name + "' is not in catalog "
                + catalog.id() + Suggestions.suffix(name, catalog.accelerators().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /**
     * The catalog price of a type in a region under a pricing model; a spot price is never above the
     * on-demand price (AWS caps a spot request at it; the sources' rounding sometimes is not).
     */
    Optional<Price> price(String region, String type, PricingModel pricing) {
        var p = catalog.price(region, type, pricing);
        if (pricing != PricingModel.SPOT || p.isEmpty()) {
            return p;
        }
        var od = catalog.price(region, type, PricingModel.ON_DEMAND);
        if (od.isPresent() && od.get().usdPerHour() < p.get().usdPerHour()) {
            var s = p.get();
            return Optional.of(new Price(s.region(), s.instanceType(), s.pricing(), od.get().usdPerHour(), 0, s.source()));
        }
        return p;
    }

    /**
     * What makes a spot price less real than it looks, as notes for the option: a price at AWS's
     * 90%-discount floor (10% of on-demand: a market that rarely clears there, capacity likely scarce),
     * and spot data older than {@link #SPOT_STALE_DAYS} days (spot prices move daily).
     */
    List<String> spotRealism(Price spot) {
        if (spot.pricing() != PricingModel.SPOT) {
            return List.of();
        }
        List<String> notes = new java.util.ArrayList<>();
        var onDemand = catalog.price(spot.region(), spot.instanceType(), PricingModel.ON_DEMAND);
        if (onDemand.isPresent() && spot.usdPerHour() <= SPOT_FLOOR * onDemand.get().usdPerHour() * 1.005) {
            notes.add("spot: " + Fmt.usd(spot.usdPerHour()) + "/h is at AWS's floor of 10% of on-demand (" + Fmt.usd(onDemand.get().usdPerHour())
                    + "/h): a price the market rarely clears at; expect little capacity");
        }
        Optional<Source> source = catalog.source(spot.source());
        if (source.isPresent() && source.get().asOf() != null && !source.get().asOf().isBlank()) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(source.get().asOf().substring(0, 10)), today);
            if (days > SPOT_STALE_DAYS) {
                notes.add("spot: price data of " + source.get().asOf().substring(0, 10) + ", " + days + " days old (spot prices move daily;"
                        + " 'mlplan catalog refresh' updates them)");
            }
        }
        return List.copyOf(notes);
    }

    /**
     * For a commitment: the share of the month above which it costs less than on-demand for the same
     * hours (committed rate ÷ on-demand rate), as a note; empty when there is no on-demand price.
     */
    Optional<String> commitmentBreakEven(Price committed) {
        if (!committed.pricing().isCommitment()) {
            return Optional.empty();
        }
        var onDemand = catalog.price(committed.region(), committed.instanceType(), PricingModel.ON_DEMAND);
        if (onDemand.isEmpty()) {
            return Optional.empty();
        }
        double od = onDemand.get().usdPerHour();
        double u = InstanceCost.breakEvenUtilisation(committed.usdPerHour(), od);
        return Optional.of(committed.pricing().id() + " beats on-demand (" + Fmt.usd(od) + "/h) above "
                + Fmt.pct(u) + " use: " + Fmt.count(u * HOURS_PER_MONTH)
                + " h/month per instance");
    }

    /** "spot rate is estimated: …" when the catalog estimated this price rather than read it from AWS. */
    Optional<String> estimatedRateNote(Price p) {
        return catalog.source(p.source()).filter(Source::estimated)
                .map(source -> p.pricing().id() + " rate is estimated: " + source.note());
    }

    /** A note when a SageMaker price was estimated from the EC2 price. */
    Optional<String> estimatedSageMakerNote(ServicePrice p) {
        Optional<Source> source = catalog.source(p.source());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (source.get().estimated()) {
            return Optional.of("SageMaker price is estimated (catalog source " + source.get().id() + ": " + source.get().title() + ")");
        }
        // a published price older than the catalog's prices: say so, the price list may have moved since
        String asOf = source.get().asOf();
        if (asOf != null && asOf.length() >= 4 && asOf.substring(0, 4).compareTo(catalog.pricesAsOf().substring(0, 4)) < 0) {
            return Optional.of("SageMaker price as published in " + asOf + " (catalog source " + source.get().id()
                    + "); 'mlplan catalog refresh --services sagemaker' reads the current one");
        }
        return Optional.empty();
    }

    /** How much an instance type offers, to order eliminations: dense 16-bit TFLOPS, then accelerator memory, then vCPUs. */
    static double capability(Catalog catalog, InstanceType it) {
        if (!it.hasAccelerator()) {
            return it.vcpus();
        }
        var acc = catalog.accelerator(it.accelerators().name());
        double tflops = acc.isPresent() ? acc.get().bf16Tflops() : 0.0;
        return it.accelerators().count() * tflops * 1e6 + it.accelerators().memoryGiB() * 1e3 + it.vcpus();
    }

}
