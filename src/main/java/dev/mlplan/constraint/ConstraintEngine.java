package dev.mlplan.constraint;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.rules.AcceleratorMemoryRule;
import dev.mlplan.constraint.rules.AcceleratorSupportRule;
import dev.mlplan.constraint.rules.CapacityBlockRule;
import dev.mlplan.constraint.rules.DeadlineRule;
import dev.mlplan.constraint.rules.EbsAccessRule;
import dev.mlplan.constraint.rules.EbsInstanceCapRule;
import dev.mlplan.constraint.rules.EbsInternetRule;
import dev.mlplan.constraint.rules.EbsIopsRule;
import dev.mlplan.constraint.rules.EbsSharedRule;
import dev.mlplan.constraint.rules.EbsThroughputRule;
import dev.mlplan.constraint.rules.EbsVolumeSizeRule;
import dev.mlplan.constraint.rules.EfsThroughputRule;
import dev.mlplan.constraint.rules.FargateGpuRule;
import dev.mlplan.constraint.rules.FargateMemoryRule;
import dev.mlplan.constraint.rules.HostMemoryRule;
import dev.mlplan.constraint.rules.LambdaConcurrencyRule;
import dev.mlplan.constraint.rules.LambdaDurationRule;
import dev.mlplan.constraint.rules.LambdaGpuRule;
import dev.mlplan.constraint.rules.LambdaMemoryRule;
import dev.mlplan.constraint.rules.LatencyRule;
import dev.mlplan.constraint.rules.LocalAvailabilityRule;
import dev.mlplan.constraint.rules.MaxNodesRule;
import dev.mlplan.constraint.rules.PriceAvailabilityRule;
import dev.mlplan.constraint.rules.ResidencyRule;
import dev.mlplan.constraint.rules.S3BlockIoRule;
import dev.mlplan.constraint.rules.SageMakerServerlessConcurrencyRule;
import dev.mlplan.constraint.rules.SageMakerServerlessDurationRule;
import dev.mlplan.constraint.rules.SageMakerServerlessGpuRule;
import dev.mlplan.constraint.rules.SageMakerServerlessMemoryRule;
import dev.mlplan.constraint.rules.S3PrefixRateRule;
import dev.mlplan.constraint.rules.SpotDeadlineMarginRule;
import dev.mlplan.constraint.rules.SpotDeadlineRule;
import dev.mlplan.constraint.rules.SpotNotInterruptibleRule;
import dev.mlplan.constraint.rules.MaxUpfrontRule;
import dev.mlplan.constraint.rules.TpotRule;
import dev.mlplan.constraint.rules.TtftRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every rule over a candidate and collects the violations. Stateless. */
public final class ConstraintEngine {
    private final List<Rule> rules;

    public ConstraintEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every rule mlplan knows, in the order their violations are reported. */
    public static ConstraintEngine standard() {
        return new ConstraintEngine(List.of(
                new PriceAvailabilityRule(),
                new AcceleratorSupportRule(),
                new LambdaGpuRule(),
                new LambdaMemoryRule(),
                new LambdaDurationRule(),
                new LambdaConcurrencyRule(),
                new SageMakerServerlessGpuRule(),
                new SageMakerServerlessMemoryRule(),
                new SageMakerServerlessDurationRule(),
                new SageMakerServerlessConcurrencyRule(),
                new FargateGpuRule(),
                new FargateMemoryRule(),
                new AcceleratorMemoryRule(),
                new HostMemoryRule(),
                new DeadlineRule(),
                new LatencyRule(),
                new TtftRule(),
                new TpotRule(),
                new MaxNodesRule(),
                new LocalAvailabilityRule(),
                new S3PrefixRateRule(),
                new S3BlockIoRule(),
                new EbsIopsRule(),
                new EbsThroughputRule(),
                new EbsSharedRule(),
                new EbsVolumeSizeRule(),
                new EbsInternetRule(),
                new EbsAccessRule(),
                new EbsInstanceCapRule(),
                new EfsThroughputRule(),
                new SpotNotInterruptibleRule(),
                new SpotDeadlineRule(),
                new SpotDeadlineMarginRule(),
                new CapacityBlockRule(),
                new MaxUpfrontRule(),
                new ResidencyRule()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Violations of the candidate's shape (service, type, count). Empty means feasible so far. */
    public List<Violation> check(Facts facts) {
        // plain loops: these run for every shape and every offer of every plan (a sweep makes thousands of plans)
        List<Violation> out = null;
        for (Rule r : rules) {
            Optional<Violation> v = r.check(facts);
            if (v.isPresent()) {
                (out == null ? out = new ArrayList<>() : out).add(v.get());
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /** Violations of one offer of a feasible shape. */
    public List<Violation> checkOffer(Facts facts, String region, PricingModel pricing) {
        List<Violation> out = null;
        for (Rule r : rules) {
            Optional<Violation> v = r.checkOffer(facts, region, pricing);
            if (v.isPresent()) {
                (out == null ? out = new ArrayList<>() : out).add(v.get());
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }
}
