package dev.mlplan.plan;

import dev.mlplan.estimate.Step;
import java.util.List;
import java.util.Objects;

/** The steps of an option's own estimate: those after its part's shared requirement steps. */
final class OptionSteps {
    private OptionSteps() {}

    static List<Step> after(List<Step> shared, List<Step> all) {
        int n = 0;
        while (n < shared.size() && n < all.size() && same(shared.get(n), all.get(n))) {
            n++;
        }
        return List.copyOf(all.subList(n, all.size()));
    }

    /**
     * {@code a.equals(b)}, written out: a record's generated equals is linked through invokedynamic at
     * its first call, which showed up in start-up profiles (docs/performance.md).
     */
    static boolean same(Step a, Step b) {
        return a == b || (Objects.equals(a.name(), b.name()) && Objects.equals(a.value(), b.value()) && Objects.equals(a.basis(), b.basis()));
    }
}
