package dev.mlplan.workload;

import java.util.List;
import java.util.Optional;

/**
 * A parsed and validated workload file (schema version 1, see docs/design.md). Every section but
 * {@code version} and {@code name} is optional; at least one of training, inference and storage is
 * present.
 *
 * @param file the file it was read from, as given by the user (for messages and reports)
 * @param regions the regions to consider; {@link #ANY_REGION} alone means every catalog region
 */
public record Workload(
        String file,
        int version,
        String name,
        String description,
        List<String> regions,
        Optional<Budget> budget,
        Constraints constraints,
        Optional<LocalMachine> local,
        Optional<Assumptions> assumptions,
        Optional<Training> training,
        Optional<Inference> inference,
        Optional<Storage> storage) {

    public static final String ANY_REGION = "any";

    public boolean anyRegion() {
        return regions.size() == 1 && ANY_REGION.equals(regions.get(0));
    }

    /** budget: a monthly limit and the fraction of it at which mlplan warns. */
    public record Budget(Money monthly, Percent warnAt) {}

    /**
     * constraints: what the user allows. Empty include means every family.
     *
     * @param maxNodes the most instances one training run or one inference fleet may use
     * @param pricing the pricing models allowed ({@code constraints.pricing}, names as written, such as
     *     "on-demand" or "reserved-1y"); empty when not given: every model is compared
     * @param maxUpfront the most cash an option may need up front ({@code constraints.max_upfront}); empty for no limit
     */
    public record Constraints(boolean allowSpot, List<String> includeFamilies, List<String> excludeFamilies, int maxNodes, List<String> pricing,
            Optional<Money> maxUpfront) {
        public static final int DEFAULT_MAX_NODES = 16;

        /**
         * The pricing models {@code constraints.pricing} (and {@code check --pricing}) may name: the names, each
         * standing for every payment option of its kind, then the catalog's precise ids (one payment option, one
         * savings plan kind). dev.mlplan.plan.PricingPolicy maps each to catalog pricing models (docs/limits.md,
         * Pricing policy).
         */
        public static final List<String> PRICING_NAMES = List.of(
                "on-demand", "spot", "reserved-1y", "reserved-3y", "savings-plan-1y", "savings-plan-3y", "capacity-block",
                "reserved-1y-no-upfront", "reserved-1y-partial-upfront", "reserved-1y-all-upfront",
                "reserved-3y-no-upfront", "reserved-3y-partial-upfront", "reserved-3y-all-upfront",
                "savings-plan-compute-1y", "savings-plan-compute-3y", "savings-plan-instance-1y", "savings-plan-instance-3y");

        /** Without a pricing policy or upfront limit. */
        public Constraints(boolean allowSpot, List<String> includeFamilies, List<String> excludeFamilies, int maxNodes) {
            this(allowSpot, includeFamilies, excludeFamilies, maxNodes, List.of(), Optional.empty());
        }

        public static Constraints defaults() {
            return new Constraints(true, List.of(), List.of(), DEFAULT_MAX_NODES);
        }

        public boolean allowsFamily(String family) {
            if (excludeFamilies.contains(family)) {
                return false;
            }
            return includeFamilies.isEmpty() || includeFamilies.contains(family);
        }
    }

    /**
     * local: an owned machine, for break-even.
     *
     * @param idlePower power drawn while the machine is on but not working; empty means it is off
     *     when idle (mlplan then charges power only while it works)
     */
    public record LocalMachine(
            String accelerator,
            int count,
            Money hardwareCost,
            TimeSpan amortization,
            Power power,
            Optional<Power> idlePower,
            EnergyPrice electricity,
            MoneyRate operations) {}

    /**
     * assumptions: overrides of estimation defaults. Empty means mlplan's default for the
     * accelerator class (see the estimate package).
     */
    public record Assumptions(
            Optional<Double> mfu,
            Optional<Double> mbu,
            Optional<Double> multiNodeEfficiency,
            Optional<Percent> servingHeadroom,
            Optional<TimeSpan> spotRestart) {
        public static Assumptions none() {
            return new Assumptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public enum Architecture { TRANSFORMER, CNN, OTHER }

    public enum Precision {
        FP32("fp32", 4), TF32("tf32", 4), BF16("bf16", 2), FP16("fp16", 2), FP8("fp8", 1), INT8("int8", 1), INT4("int4", 0.5);

        private final String yamlName;
        private final double bytes;

        Precision(String yamlName, double bytes) {
            this.yamlName = yamlName;
            this.bytes = bytes;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Bytes per weight or activation value at this precision. */
        public double bytes() {
            return bytes;
        }
    }

    /**
     * A model, by preset name or by its fields. Fields given beside a preset override the preset's.
     *
     * @param parameters total parameters (for mixture-of-experts, all experts)
     * @param flopsPerSample forward FLOPs per sample (for CNNs and other non-token models)
     */
    public record ModelSpec(
            Optional<String> preset,
            Optional<Double> parameters,
            Optional<Architecture> architecture,
            Optional<Integer> layers,
            Optional<Integer> hidden,
            Optional<Integer> heads,
            Optional<Integer> kvHeads,
            Optional<Double> flopsPerSample,
            Precision precision) {}

    public enum Method { FULL, LORA, QLORA }

    /** dataset: size, and tokens (transformers) or samples (CNNs). */
    public record Dataset(DataSize size, Optional<Double> tokens, Optional<Double> samples, String location) {}

    public record Training(
            ModelSpec model,
            Method method,
            Dataset dataset,
            Optional<Integer> sequenceLength,
            double epochs,
            double runsPerMonth,
            Optional<TimeSpan> deadline,
            Optional<TimeSpan> checkpointEvery,
            boolean interruptible,
            boolean deadlineHard) {

        /** A training job whose deadline may slip after an unlucky spot interruption (the default). */
        public Training(ModelSpec model, Method method, Dataset dataset, Optional<Integer> sequenceLength, double epochs, double runsPerMonth,
                Optional<TimeSpan> deadline, Optional<TimeSpan> checkpointEvery, boolean interruptible) {
            this(model, method, dataset, sequenceLength, epochs, runsPerMonth, deadline, checkpointEvery, interruptible, false);
        }
    }

    public enum Pattern { STEADY, DIURNAL, SPORADIC }

    public record Traffic(Rate average, Rate peak, Pattern pattern) {}

    public enum Availability { SINGLE, MULTI_AZ }

    /**
     * inference: a model served to requests.
     *
     * @param steps denoising steps per image (diffusion presets only); empty means the preset's default
     * @param resolution image side in pixels (diffusion presets only); empty means the preset's native one
     */
    public record Inference(
            ModelSpec model,
            Traffic traffic,
            Optional<Integer> tokensIn,
            Optional<Integer> tokensOut,
            Optional<Integer> steps,
            Optional<Integer> resolution,
            Optional<TimeSpan> latencyP99,
            Availability availability,
            double hoursPerDay) {}

    public enum Access { FREQUENT, INFREQUENT, ARCHIVE }

    public record Transfer(DataRate crossAz, DataRate crossRegion, DataRate internet) {
        public static Transfer none() {
            return new Transfer(new DataRate(0), new DataRate(0), new DataRate(0));
        }
    }

    /**
     * storage: data kept, and how hard it is read.
     *
     * @param reads object GETs per second at peak
     * @param writes object PUTs per second at peak
     * @param iops block IOPS one instance needs
     * @param throughput bytes per second one instance needs
     * @param sharedBy instances that read the same data at once
     */
    public record Storage(
            DataSize data,
            DataRate growth,
            Rate reads,
            Rate writes,
            int prefixes,
            Optional<Double> iops,
            Optional<DataRate> throughput,
            int sharedBy,
            Access access,
            Transfer transfer) {}
}
