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
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Suggestions;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What every part planner of one workload shares. */
record PlanContext(Workload workload, Catalog catalog, ConstraintEngine engine, PlanOptions options, List<String> regions, ServicePrices prices,
        PartCollector.Building building) {

    static PlanContext of(Workload w, Catalog catalog, ConstraintEngine engine, PlanOptions options, PartCollector.Building building) {
        List<String> regions = w.anyRegion() ? List.copyOf(catalog.regions()) : w.regions();
        if (!w.anyRegion()) {
            for (String r : regions) {
                if (!catalog.regions().contains(r)) {
                    throw WorkloadException.ofFile(w.file(), "region '" + r + "' is not in catalog " + catalog.id()
                            + Suggestions.suffix(r, catalog.regions()));
                }
            }
        }
        return new PlanContext(w, catalog, engine, options, regions, new ServicePrices(catalog), building);
    }

    /** A collector for one part's offers. */
    PartCollector collector() {
        return new PartCollector(building);
    }

    /** The catalog accelerator a local machine names, matched loosely ("rtx-4090" → "RTX-4090"). */
    Accelerator localAccelerator(String name) {
        String key = norm(name);
        for (Accelerator a : catalog.accelerators()) {
            if (norm(a.name()).equals(key)) {
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
        return catalog.source(p.source()).filter(Source::estimated)
                .map(source -> "SageMaker price is estimated from the EC2 price (see catalog source " + source.id() + ")");
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

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
