package dev.mlplan.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogStats;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.Source;
import dev.mlplan.plan.Planner;
import dev.mlplan.util.Fmt;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** mlplan catalog info: which catalog, how old, from which sources, covering what. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Shows the catalog's id, date, sources and coverage counts (types, regions, prices by pricing model).",
        footer = {"", "Examples:", "  mlplan catalog info", "  mlplan catalog info --catalog refreshed.json --format json"})
final class CatalogInfoCommand implements Runnable {
    @ParentCommand
    CatalogCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    TextFormatOption format;

    @Mixin
    CatalogOption catalog;

    @JsonPropertyOrder({"id", "pricesAsOf", "ageDays", "description", "coverage", "sources"})
    record Info(String id, String pricesAsOf, long ageDays, String description, Map<String, Object> coverage, List<Source> sources) {}

    @Override
    public void run() {
        Catalog c = catalog.load(parent.env());
        CatalogStats s = CatalogStats.of(c);
        long age = ChronoUnit.DAYS.between(LocalDate.parse(c.pricesAsOf()), parent.env().today());
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("instanceTypes", s.instanceTypes());
        coverage.put("instanceTypesWithAccelerators", s.typesWithAccelerators());
        coverage.put("accelerators", s.accelerators());
        coverage.put("regions", s.regions().size());
        coverage.put("prices", s.prices());
        Map<String, Integer> byModel = new LinkedHashMap<>();
        for (PricingModel pm : PricingModel.values()) {
            if (s.pricesByModel().containsKey(pm)) {
                byModel.put(pm.id(), s.pricesByModel().get(pm));
            }
        }
        coverage.put("pricesByPricingModel", byModel);
        coverage.put("estimatedPrices", s.estimatedPrices());
        coverage.put("spotInfos", s.spotInfos());
        coverage.put("limits", s.limits());
        coverage.put("servicePrices", s.servicePrices());
        coverage.put("serviceRegions", s.serviceRegions());
        coverage.put("ebsVolumeTypes", s.ebsVolumeTypes());
        Info info = new Info(c.id(), c.pricesAsOf(), age, c.description(), coverage, List.copyOf(c.sources()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(dev.mlplan.util.SafeText.of(JacksonText.json(info)));
        } else {
            out.println("catalog " + c.id() + ", prices as of " + c.pricesAsOf() + " (" + age + " days ago"
                    + (age > Planner.CATALOG_MAX_AGE_DAYS ? "; older than " + Planner.CATALOG_MAX_AGE_DAYS
                            + " days: consider 'mlplan catalog refresh'" : "") + ")");
            out.println(dev.mlplan.util.SafeText.of(c.description()));
            out.println();
            out.println("coverage:");
            for (var e : coverage.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> m) {
                    out.println("  " + e.getKey() + ":");
                    m.forEach((k, v) -> out.println("    " + k + ": " + Fmt.count(((Number) v).doubleValue())));
                } else {
                    out.println("  " + e.getKey() + ": " + Fmt.count(((Number) e.getValue()).doubleValue()));
                }
            }
            out.println("  regions list: " + String.join(" ", s.regions()));
            out.println();
            out.println("sources:");
            for (Source src : c.sources()) {
                out.println(dev.mlplan.util.SafeText.of("  " + src.id() + " [" + src.kind() + ", as of " + src.asOf() + "] " + src.title()));
                if (src.url() != null) {
                    out.println(dev.mlplan.util.SafeText.of("      " + src.url()));
                }
            }
        }
        out.flush();
    }
}
