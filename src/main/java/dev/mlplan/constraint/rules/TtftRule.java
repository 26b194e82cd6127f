package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code instance.ttft}: the estimated p99 time to first token of an LLM must meet
 * {@code inference.ttft_p99}. Time to first token is the prompt's prefill plus the wait for the other
 * requests' prefills ahead of it (docs/estimation.md, LLM serving); a larger batch raises it, so the
 * serving estimate already takes the largest batch that meets the target, and an option is eliminated
 * only when even batch 1 misses it. Databricks ("Conduct your own LLM endpoint benchmarking",
 * https://docs.databricks.com/en/machine-learning/foundation-models/prov-throughput-run-benchmark.html)
 * divides LLM serving latency into time to first token, "how quickly users start seeing the model's
 * output", driven by the prompt's processing, and time per output token; it recommends the most
 * throughput within the latency budget, which is what the batch search does.
 */
public final class TtftRule implements Rule {
    public static final String ID = "instance.ttft";

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
        double target = req.ttftTargetMs();
        double p99 = est.ttftMsP99();
        if (target > 0 && p99 > target) {
            return violation("estimated time to first token p99 is " + Fmt.millisBeside(p99, target) + " on " + AcceleratorMemoryRule.describe(f)
                    + " at batch " + est.batch() + " (prefill of " + Fmt.count(req.tokensIn())
                    + " prompt tokens plus the wait for the other requests' prefills ahead); the target is " + Fmt.millis(target));
        }
        return Optional.empty();
    }
}
