package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code instance.tpot}: the estimated p99 time per output token of an LLM must meet
 * {@code inference.tpot_p99}. Time per output token is the decode step (one read of the weights and
 * of the batch's KV cache, bound by memory bandwidth) plus the other requests' prefills that
 * interleave with it (docs/estimation.md, LLM serving); a larger batch raises it, so the serving
 * estimate already takes the largest batch that meets the target, and an option is eliminated only
 * when even batch 1 misses it. Databricks ("Conduct your own LLM endpoint benchmarking",
 * https://docs.databricks.com/en/machine-learning/foundation-models/prov-throughput-run-benchmark.html):
 * time per output token "corresponds with how each user perceives the speed of the model", its
 * example being 100 ms per token.
 */
public final class TpotRule implements Rule {
    public static final String ID = "instance.tpot";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.inference().isEmpty() || f.inferenceRequirements().isEmpty() || !f.inference().get().fits()) {
            return Optional.empty();
        }
        var req = f.inferenceRequirements().get();
        var est = f.inference().get();
        double target = req.tpotTargetMs();
        double p99 = est.tpotMsP99();
        if (target > 0 && p99 > target) {
            return violation("estimated time per output token p99 is " + Fmt.millisBeside(p99, target) + " on " + AcceleratorMemoryRule.describe(f)
                    + " at batch " + est.batch() + " (a decode step reads the " + Fmt.sig(req.weightBytes() / 1e9)
                    + " GB of weights and the batch's KV cache, plus the other requests' prefills); the target is " + Fmt.millis(target));
        }
        return Optional.empty();
    }
}
