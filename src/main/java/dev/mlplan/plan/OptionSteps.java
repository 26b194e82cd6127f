package dev.mlplan.plan;

import dev.mlplan.estimate.Step;
import java.util.List;

/** The steps of an option's own estimate: those after its part's shared requirement steps. */
final class OptionSteps {
    private OptionSteps() {}

    static List<Step> after(List<Step> shared, List<Step> all) {
        int n = 0;
        while (n < shared.size() && n < all.size() && shared.get(n).equals(all.get(n))) {
            n++;
        }
        return List.copyOf(all.subList(n, all.size()));
    }
}
