package dev.mlplan.plan;

import dev.mlplan.cost.CostCategory;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.plan.PlanResult.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's monthly total split into compute, storage, network, front door and operations (issue 20 item 7):
 * the cost lines of each part's rank-1 option and the workload's own lines, added up by
 * {@link CostCategory}. An option whose lines do not add up to its monthly cost (none today) has the
 * difference counted as compute, so that the split always adds up to the total.
 */
public final class CategorySplit {
    private CategorySplit() {}

    /** The split of these options' and lines' monthly costs, in {@link CostCategory} order, categories with no cost left out. */
    public static Map<String, Double> of(List<Option> bestOptions, List<CostComponent> workloadLines) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Option o : bestOptions) {
            double lines = 0;
            for (CostComponent c : o.costs()) {
                add(sums, c);
                lines += c.monthlyUsd();
            }
            double rest = o.monthlyUsd() - lines;
            if (Math.abs(rest) > 1e-9 * Math.max(1, Math.abs(o.monthlyUsd()))) {
                sums.merge(CostCategory.COMPUTE.label(), rest, Double::sum);
            }
        }
        workloadLines.forEach(c -> add(sums, c));
        return ordered(sums);
    }

    private static void add(Map<String, Double> sums, CostComponent c) {
        CostCategory category = c.category() == null ? CostCategory.COMPUTE : c.category();
        sums.merge(category.label(), c.monthlyUsd(), Double::sum);
    }

    /** The same sums in {@link CostCategory} order, without zero entries. */
    static Map<String, Double> ordered(Map<String, Double> sums) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (CostCategory c : CostCategory.values()) {
            Double v = sums.get(c.label());
            if (v != null && v != 0) {
                out.put(c.label(), v);
            }
        }
        return out;
    }
}
