package dev.mlplan.plan;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.Catalog;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What every part planner of one workload shares. */
record PlanContext(Workload workload, Catalog catalog, ConstraintEngine engine, PlanOptions options, List<String> regions, ServicePrices prices) {

    static PlanContext of(Workload w, Catalog catalog, ConstraintEngine engine, PlanOptions options) {
        List<String> regions = w.anyRegion() ? List.copyOf(catalog.regions()) : w.regions();
        if (!w.anyRegion()) {
            for (String r : regions) {
                if (!catalog.regions().contains(r)) {
                    throw WorkloadException.ofFile(w.file(), "region '" + r + "' is not in catalog " + catalog.id()
                            + Suggest.didYouMean(r, catalog.regions()));
                }
            }
        }
        return new PlanContext(w, catalog, engine, options, regions, new ServicePrices(catalog));
    }

    /** The catalog accelerator a local machine names, matched loosely ("rtx-4090" → "RTX-4090"). */
    Accelerator localAccelerator(String name) {
        String key = norm(name);
        Optional<Accelerator> hit = catalog.accelerators().stream().filter(a -> norm(a.name()).equals(key)).findFirst();
        return hit.orElseThrow(() -> WorkloadException.ofFile(workload.file(), "local.accelerator '" + name + "' is not in catalog "
                + catalog.id() + Suggest.didYouMean(name, catalog.accelerators().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList())));
    }

    /** How much an instance type offers, to order eliminations: dense 16-bit TFLOPS, then accelerator memory, then vCPUs. */
    static double capability(Catalog catalog, dev.mlplan.catalog.InstanceType it) {
        if (!it.hasAccelerator()) {
            return it.vcpus();
        }
        double tflops = catalog.accelerator(it.accelerators().name()).map(a -> a.bf16Tflops()).orElse(0.0);
        return it.accelerators().count() * tflops * 1e6 + it.accelerators().memoryGiB() * 1e3 + it.vcpus();
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
