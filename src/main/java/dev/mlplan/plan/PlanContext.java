package dev.mlplan.plan;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import java.util.List;
import java.util.Locale;

/** What every part planner of one workload shares. */
record PlanContext(Workload workload, Catalog catalog, ConstraintEngine engine, PlanOptions options, List<String> regions, ServicePrices prices,
        PartCollector.Building building) {

    static PlanContext of(Workload w, Catalog catalog, ConstraintEngine engine, PlanOptions options, PartCollector.Building building) {
        List<String> regions = w.anyRegion() ? List.copyOf(catalog.regions()) : w.regions();
        if (!w.anyRegion()) {
            for (String r : regions) {
                if (!catalog.regions().contains(r)) {
                    throw WorkloadException.ofFile(w.file(), "region '" + r + "' is not in catalog " + catalog.id()
                            + dev.mlplan.workload.Suggestions.suffix(r, catalog.regions()));
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
                + catalog.id() + dev.mlplan.workload.Suggestions.suffix(name, catalog.accelerators().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList()));
    }

    /**
     * The catalog price of a type in a region under a pricing model; a spot price is never above the
     * on-demand price (AWS caps a spot request at it; the sources' rounding sometimes is not).
     */
    java.util.Optional<dev.mlplan.catalog.Price> price(String region, String type, dev.mlplan.catalog.PricingModel pricing) {
        var p = catalog.price(region, type, pricing);
        if (pricing != dev.mlplan.catalog.PricingModel.SPOT || p.isEmpty()) {
            return p;
        }
        var od = catalog.price(region, type, dev.mlplan.catalog.PricingModel.ON_DEMAND);
        if (od.isPresent() && od.get().usdPerHour() < p.get().usdPerHour()) {
            var s = p.get();
            return java.util.Optional.of(new dev.mlplan.catalog.Price(s.region(), s.instanceType(), s.pricing(), od.get().usdPerHour(), 0, s.source()));
        }
        return p;
    }

    /**
     * For a commitment: the share of the month above which it costs less than on-demand for the same
     * hours (committed rate ÷ on-demand rate), as a note; empty when there is no on-demand price.
     */
    java.util.Optional<String> commitmentBreakEven(dev.mlplan.catalog.Price committed) {
        if (!committed.pricing().isCommitment()) {
            return java.util.Optional.empty();
        }
        var onDemand = catalog.price(committed.region(), committed.instanceType(), dev.mlplan.catalog.PricingModel.ON_DEMAND);
        if (onDemand.isEmpty()) {
            return java.util.Optional.empty();
        }
        double od = onDemand.get().usdPerHour();
        double u = dev.mlplan.cost.InstanceCost.breakEvenUtilisation(committed.usdPerHour(), od);
        return java.util.Optional.of(committed.pricing().id() + " beats on-demand (" + dev.mlplan.util.Fmt.usd(od) + "/h) above "
                + dev.mlplan.util.Fmt.pct(u) + " use: " + dev.mlplan.util.Fmt.count(u * dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH)
                + " h/month per instance");
    }

    /** "spot rate is estimated: …" when the catalog estimated this price rather than read it from AWS. */
    java.util.Optional<String> estimatedRateNote(dev.mlplan.catalog.Price p) {
        return catalog.source(p.source()).filter(dev.mlplan.catalog.Source::estimated)
                .map(source -> p.pricing().id() + " rate is estimated: " + source.note());
    }

    /** A note when a SageMaker price was estimated from the EC2 price. */
    java.util.Optional<String> estimatedSageMakerNote(dev.mlplan.catalog.ServicePrice p) {
        return catalog.source(p.source()).filter(dev.mlplan.catalog.Source::estimated)
                .map(source -> "SageMaker price is estimated from the EC2 price (see catalog source " + source.id() + ")");
    }

    /** How much an instance type offers, to order eliminations: dense 16-bit TFLOPS, then accelerator memory, then vCPUs. */
    static double capability(Catalog catalog, dev.mlplan.catalog.InstanceType it) {
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
