package dev.mlplan.workload;

import dev.mlplan.workload.QuantityParser.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of workload YAML schema versions 1 and 2, one table per section: name, type, whether required,
 * default, bounds and description. The binder checks keys and bounds against these tables and
 * {@link WorkloadSchema} generates the JSON Schema from them, so the two cannot drift apart.
 */
final class WorkloadKeys {
    private WorkloadKeys() {}

    /** The YAML shape of a value. */
    enum Type { STRING, INTEGER, NUMBER, BOOLEAN, ENUM, STRING_LIST, QUANTITY, SECTION }

    /**
     * An allowed range; infinite ends are open.
     *
     * @param maxText how messages show the upper end, in the key's own units ("1000 PB"); null to show
     *     {@code max} as a plain number
     */
    record Bound(double min, boolean minExclusive, double max, boolean maxExclusive, String maxText) {
        static final Bound ANY = new Bound(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

        Bound(double min, boolean minExclusive, double max, boolean maxExclusive) {
            this(min, minExclusive, max, maxExclusive, null);
        }

        /** This range with an upper end given in the key's own units. */
        Bound upTo(double newMax, String text) {
            return new Bound(min, minExclusive, newMax, false, text);
        }

        static Bound positive() {
            return new Bound(0, true, Double.POSITIVE_INFINITY, false);
        }

        static Bound nonNegative() {
            return new Bound(0, false, Double.POSITIVE_INFINITY, false);
        }

        static Bound atLeast(double min) {
            return new Bound(min, false, Double.POSITIVE_INFINITY, false);
        }

        static Bound between(double min, double max) {
            return new Bound(min, false, max, false);
        }

        static Bound aboveZeroAtMost(double max) {
            return new Bound(0, true, max, false);
        }

        /**
         * How a value that breaks this range is told it: a value above a largest sensible value
         * ({@link Key#atMost}) gets the whole range, one below it only the lower end.
         */
        Bound brokenBy(double v) {
            boolean tooHigh = maxExclusive ? v >= max : v > max;
            return tooHigh || maxText == null ? this : new Bound(min, minExclusive, Double.POSITIVE_INFINITY, false);
        }

        boolean contains(double v) {
            boolean lowOk = minExclusive ? v > min : v >= min;
            boolean highOk = maxExclusive ? v < max : v <= max;
            return lowOk && highOk;
        }

        boolean hasMin() {
            return min != Double.NEGATIVE_INFINITY;
        }

        boolean hasMax() {
            return max != Double.POSITIVE_INFINITY;
        }

        /** "greater than 0", "of 0 or more", "from 1 to 1024", "greater than 0 and at most 24". */
        String describe(Dimension dimension) {
            if (!hasMin() && !hasMax()) {
                return "";
            }
            if (!hasMax()) {
                return minExclusive ? "greater than " + show(min, dimension) : min == 0 ? "of 0 or more" : "of at least " + show(min, dimension);
            }
            String high = (maxExclusive ? "below " : "at most ") + (maxText != null ? maxText : show(max, dimension));
            if (!hasMin()) {
                return high;
            }
            if (!minExclusive && !maxExclusive) {
                return "from " + show(min, dimension) + " to " + (maxText != null ? maxText : show(max, dimension));
            }
            return (minExclusive ? "greater than " : "of at least ") + show(min, dimension) + " and " + high;
        }

        private static String show(double v, Dimension dimension) {
            if (dimension == Dimension.PERCENT) {
                return number(v * 100) + "%";
            }
            return number(v);
        }
    }

    /**
     * The items of a list default written in YAML flow style in this file: "[us-east-1]". A loop
     * and no regular expression: a workload without regions reads its default here at every start,
     * where a stream or lambda costs ~75 µs at its first run in a cold JVM (docs/performance.md).
     */
    static List<String> listDefault(String text) {
        String inner = text.strip();
        if (inner.startsWith("[")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("]")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String item : inner.split(",")) {
            String s = item.strip();
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return List.copyOf(items);
    }

    /** Formats a number without a trailing ".0". */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /**
     * One key of a section.
     *
     * @param defaultValue the value used when the key is absent, as YAML text; null for none
     * @param values the allowed values of an ENUM
     * @param dimension the dimension of a QUANTITY
     * @param plainNumber whether a QUANTITY also accepts a bare number
     * @param bound the allowed range of a number or quantity (in its base unit), or of the number
     *     of items in a STRING_LIST
     * @param pattern a regular expression a STRING or each STRING_LIST item must match; null for any
     * @param section the section of a SECTION key
     * @param example an example value shown in messages; null for the dimension's example
     */
    record Key(
            String name,
            Type type,
            boolean required,
            String description,
            String defaultValue,
            List<String> values,
            Dimension dimension,
            boolean plainNumber,
            Bound bound,
            String pattern,
            Section section,
            String example,
            int since,
            int listSince) {

        static Key of(String name, Type type, String description) {
            return new Key(name, type, false, description, null, List.of(), null, false, Bound.ANY, null, null, null, 1, 0);
        }

        static Key quantity(String name, Dimension dimension, Bound bound, String description) {
            return new Key(name, Type.QUANTITY, false, description, null, List.of(), dimension, false, bound, null, null, null, 1, 0);
        }

        static Key integer(String name, Bound bound, String description) {
            return new Key(name, Type.INTEGER, false, description, null, List.of(), null, false, bound, null, null, null, 1, 0);
        }

        static Key number(String name, Bound bound, String description) {
            return new Key(name, Type.NUMBER, false, description, null, List.of(), null, false, bound, null, null, null, 1, 0);
        }

        static Key choice(String name, List<String> values, String description) {
            return new Key(name, Type.ENUM, false, description, null, List.copyOf(values), null, false, Bound.ANY, null, null, null, 1, 0);
        }

        static Key section(String name, Section section) {
            return new Key(name, Type.SECTION, false, section.description(), null, List.of(), null, false, Bound.ANY, null, section, null, 1, 0);
        }

        Key asRequired() {
            return new Key(name, type, true, description, defaultValue, values, dimension, plainNumber, bound, pattern, section, example, since, listSince);
        }

        Key withDefault(String text) {
            return new Key(name, type, required, description, text, values, dimension, plainNumber, bound, pattern, section, example, since, listSince);
        }

        Key plain() {
            return new Key(name, type, required, description, defaultValue, values, dimension, true, bound, pattern, section, example, since, listSince);
        }

        /** Shown in messages instead of the dimension's example. */
        Key example(String text) {
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, bound, pattern, section, text, since, listSince);
        }

        /** The example shown in messages: this key's, else its dimension's. */
        String shownExample() {
            return example != null ? example : dimension == null ? null : dimension.example();
        }

        /** For a STRING_LIST, the allowed number of items. */
        Key within(Bound range) {
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, range, pattern, section, example, since, listSince);
        }

        /**
         * The largest sensible value, written in the key's units ("1000 PB", "10,000,000"): larger
         * values are refused with the key's path and this text, so that no figure mlplan derives
         * from them overflows or stops being finite (docs/workload-reference.md lists every maximum).
         */
        Key atMost(String text) {
            double max = type == Type.QUANTITY
                    ? QuantityParser.parse(text, dimension, true, shownExample()).value()
                    : Double.parseDouble(text.replace(",", ""));
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, bound.upTo(max, text),
                    pattern, section, example, since, listSince);
        }

        Key matching(String regex) {
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, bound, regex, section, example, since, listSince);
        }
    
        /**
         * Marks the key as introduced in schema {@code version}: an older file that uses it gets
         * "`training[0].name` needs `version: 2`; this file says version: 1".
         */
        Key since(int version) {
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, bound, pattern, section, example,
                    version, listSince);
        }

        /**
         * A SECTION that may also be given, from schema {@code version}, as a list of mappings, each
         * with a {@code name} unique within the file.
         */
        Key orList(int version) {
            return new Key(name, type, required, description, defaultValue, values, dimension, plainNumber, bound, pattern, section, example,
                    since, version);
        }

        boolean listable() {
            return listSince > 0;
        }
    }

    /**
     * A mapping with a fixed set of keys.
     *
     * @param path the dotted path used in messages ("training.dataset"); empty for the top level
     */
    record Section(String path, String description, List<Key> keys) {
        Section(String path, String description, Key... keys) {
            this(path, description, List.of(keys));
        }

        // loops rather than streams here and below: the key tables are built and searched at every
        // start, in a cold JVM (docs/performance.md)
        Optional<Key> key(String name) {
            for (Key k : keys) {
                if (k.name().equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        Key get(String name) {
            Optional<Key> k = key(name);
            if (k.isEmpty()) {
                throw new IllegalStateException("no key '" + name + "' in section '" + path + "'");
            }
            return k.get();
        }

        List<String> names() {
            List<String> out = new ArrayList<>(keys.size());
            for (Key k : keys) {
                out.add(k.name());
            }
            return List.copyOf(out);
        }

        /** "in training" for messages; "at the top level" for the root. */
        String where() {
            return path.isEmpty() ? "at the top level" : "in " + path;
        }
    }

    /** The newest schema version this mlplan reads. */
    static final int LATEST_VERSION = 2;

    /** The key that names an item of a part given as a list (schema version 2); optional for a single mapping. */
    static Key itemName(String part) {
        return Key.of("name", Type.STRING, "Name of this " + part + " item: lowercase letters, digits and '-', at most 63 characters;"
                + " required in a list, unique within the file.").matching(NAME_PATTERN).since(2);
    }

    static final String NON_BLANK = "\\S";
    static final String NAME_PATTERN = "^[a-z0-9-]{1,63}$";
    /** A region code, or "any" (which must then be the only entry). */
    static final String REGION_PATTERN = "^(?:[a-z]{2}(-gov)?-[a-z]+-[0-9]|any)$";
    /** A geography name of {@link Geography} or a region code. */
    static final String RESIDENCY_PATTERN = "^(?:eu|europe|us|apac|ca|sa|me|af|mx|cn|north-america|[a-z]{2}(-gov)?-[a-z]+-[0-9])$";
    static final String FAMILY_PATTERN = "^[a-z][a-z0-9-]*$";
    static final List<String> DATASET_LOCATIONS = List.of("s3", "efs", "fsx", "ebs", "local");

    static List<String> names(Enum<?>[] constants) {
        List<String> out = new ArrayList<>(constants.length);
        for (Enum<?> c : constants) {
            out.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return List.copyOf(out);
    }

    static List<String> precisions() {
        List<String> out = new ArrayList<>();
        for (Workload.Precision p : Workload.Precision.values()) {
            out.add(p.yamlName());
        }
        return List.copyOf(out);
    }

    static final Section BUDGET = new Section("budget", "A monthly spending limit.",
            Key.quantity("monthly", Dimension.MONEY, Bound.positive(), "Monthly limit, such as \"3000 USD\".").atMost("10000000000 USD").asRequired(),
            Key.quantity("warn_at", Dimension.PERCENT, Bound.aboveZeroAtMost(1), "Share of the limit at which mlplan warns.")
                    .withDefault("80%"));

    static final Section FAMILIES = new Section("constraints.families", "Instance families to consider or to leave out.",
            Key.of("include", Type.STRING_LIST, "Only these families (lowercase, such as p4d, g5, trn1); empty means all.")
                    .matching(FAMILY_PATTERN),
            Key.of("exclude", Type.STRING_LIST, "Never these families.").matching(FAMILY_PATTERN));

    static final Section CONSTRAINTS = new Section("constraints", "What the user allows.",
            Key.of("allow_spot", Type.BOOLEAN, "Whether spot capacity may be used.").withDefault("true"),
            Key.section("families", FAMILIES),
            Key.integer("max_nodes", Bound.between(1, 1024), "Most instances one training run or inference fleet may use.")
                    .withDefault(Integer.toString(Workload.Constraints.DEFAULT_MAX_NODES)),
            // issue 16 item 6: commitment policy
            new Key("pricing", Type.STRING_LIST, false, "Pricing models allowed for instances, such as [on-demand, reserved-1y]:"
                    + " on-demand, spot, reserved-1y, reserved-3y (every payment option), savings-plan-1y, savings-plan-3y (compute and"
                    + " EC2 instance plans), capacity-block, or a precise id such as reserved-1y-no-upfront. Others are not offered."
                    + " Absent: all. Must agree with allow_spot.", null, Workload.Constraints.PRICING_NAMES, null, false, Bound.atLeast(1), null, null, null, 1, 0).since(2),
            Key.quantity("max_upfront", Dimension.MONEY, Bound.nonNegative(), "Most cash an option may need up front (a reservation's"
                    + " upfront fee for its instances, a capacity block's price); options above it are eliminated.")
                    .atMost("10000000000 USD").example("50000 USD").since(2),
            // issue 20 item 6: data residency (Geography maps regions to geographies)
            Key.of("residency", Type.STRING_LIST, "Where data may be stored and processed: geographies (eu for EU member states,"
                    + " europe, us, apac, ca, sa, me, af, mx, cn, north-america) or region codes such as eu-west-1. Options elsewhere"
                    + " are eliminated by residency.region. Absent: anywhere.").matching(RESIDENCY_PATTERN).within(Bound.atLeast(1)).since(2),
            Key.of("compute_follows_data", Type.BOOLEAN, "Whether compute must run inside constraints.residency too; false lets"
                    + " training and inference run elsewhere while storage stays inside, paying cross-region transfer both ways.")
                    .withDefault("true").since(2));

    static final Section LOCAL = new Section("local", "An owned machine, for break-even.",
            Key.of("accelerator", Type.STRING, "Accelerator name, such as rtx-4090.").asRequired().matching(NON_BLANK),
            Key.integer("count", Bound.atLeast(1), "Accelerators in the machine.").atMost("1024").withDefault("1"),
            Key.quantity("hardware_cost", Dimension.MONEY, Bound.nonNegative(), "Purchase price.").atMost("1000000000 USD").asRequired(),
            Key.quantity("amortization", Dimension.DURATION, Bound.positive(), "Period the price is spread over.").atMost("600 months").example("36 months")
                    .withDefault("36 months"),
            Key.quantity("power", Dimension.POWER, Bound.positive(), "Power drawn while working.").atMost("1000 kW").asRequired(),
            Key.quantity("idle_power", Dimension.POWER, Bound.nonNegative(),
                    "Power drawn while on but idle; absent means the machine is off when idle.")
                    .atMost("1000 kW"),
            Key.quantity("electricity", Dimension.ENERGY_PRICE, Bound.nonNegative(), "Electricity price.").atMost("100 USD/kWh").asRequired(),
            Key.quantity("operations", Dimension.MONEY_RATE, Bound.nonNegative(), "Other running costs.").atMost("1000000000 USD/month")
                    .withDefault("0 USD/month"));

    static final Section ASSUMPTIONS = new Section("assumptions", "Overrides of estimation defaults.",
            Key.quantity("mfu", Dimension.FRACTION, Bound.aboveZeroAtMost(1), "Model FLOPs utilisation in training."),
            Key.quantity("mbu", Dimension.FRACTION, Bound.aboveZeroAtMost(1), "Memory bandwidth utilisation in decoding."),
            Key.quantity("multi_node_efficiency", Dimension.FRACTION, Bound.aboveZeroAtMost(1),
                    "Scaling efficiency across nodes."),
            Key.quantity("serving_headroom", Dimension.PERCENT, Bound.between(0, 1), "Spare serving capacity kept."),
            Key.quantity("spot_restart", Dimension.DURATION, Bound.nonNegative(), "Time lost restarting after a spot interruption.").atMost("7d"),
            Key.quantity("decode_rate_per_vcpu", Dimension.RATE, Bound.positive(),
                    "Samples per second one vCPU decodes and augments for per-sample (image) training when training.data_pipeline is cpu"
                            + " (JPEG decode, random-resized crop and flip at 224 px); a bare number is per second. Default: 60/s"
                            + " (tensorpack's ImageNet DataFlow, docs/estimation.md).")
                    .atMost("1000000/s").plain().example("60/s").since(2));

    static Section model(String path, String defaultPrecision, Key... extra) {
        List<Key> keys = new ArrayList<>(modelKeys(defaultPrecision));
        keys.addAll(List.of(extra));
        return new Section(path, "A model: a preset name, or its figures (fields beside a preset override it).", List.copyOf(keys));
    }

    private static List<Key> modelKeys(String defaultPrecision) {
        return List.of(
                Key.of("preset", Type.STRING, "Model preset name, such as llama-2-7b.").matching(NON_BLANK),
                Key.quantity("parameters", Dimension.COUNT, Bound.positive(), "Total parameters, such as \"7B\".").atMost("100T"),
                Key.choice("architecture", names(Workload.Architecture.values()), "Model architecture."),
                Key.integer("layers", Bound.atLeast(1), "Transformer layers.").atMost("10,000"),
                Key.integer("hidden", Bound.atLeast(1), "Hidden size.").atMost("1,048,576"),
                Key.integer("heads", Bound.atLeast(1), "Attention heads.").atMost("65,536"),
                Key.integer("kv_heads", Bound.atLeast(1), "Key/value heads (grouped-query attention).").atMost("65,536"),
                Key.quantity("flops_per_sample", Dimension.FLOPS, Bound.positive(), "Forward FLOPs per sample, such as \"8.2G\".").atMost("1000000T"),
                Key.integer("context_length", Bound.atLeast(1), "Most tokens the model attends to at once (a preset knows its own): tokens_in + tokens_out, or training.sequence_length,"
                        + " above it is an error.").atMost("100,000,000").since(2),
                Key.choice("precision", precisions(), "Numeric precision.").withDefault(defaultPrecision));
    }

    // classical (tabular) training: architecture tree or linear (issue 16, item 2; docs/estimation.md)
    static final Section TRAINING_MODEL = model("training.model", "bf16",
            Key.integer("rounds", Bound.atLeast(1), "Boosting rounds (trees) of architecture: tree. Default: "
                    + Workload.Tabular.DEFAULT_ROUNDS + ".").atMost("1,000,000").since(2),
            Key.integer("depth", Bound.atLeast(1), "Tree depth (XGBoost max_depth) of architecture: tree. Default: "
                    + Workload.Tabular.DEFAULT_DEPTH + ", XGBoost's.").atMost("64").since(2));
    static final Section INFERENCE_MODEL = model("inference.model", "fp16");

    static final Section DATASET = new Section("training.dataset", "The training data.",
            Key.quantity("size", Dimension.SIZE, Bound.positive(), "Dataset size, such as \"40 GB\".").atMost("1000 PB").asRequired(),
            Key.quantity("tokens", Dimension.COUNT, Bound.positive(), "Tokens in one epoch (transformers), such as \"2B\".").atMost("1000T").example("2B"),
            Key.quantity("samples", Dimension.COUNT, Bound.positive(), "Samples in one epoch (CNNs), such as \"1.28M\".").atMost("1000T").example("1.28M"),
            Key.quantity("rows", Dimension.COUNT, Bound.positive(), "Rows of the training set (architecture tree or linear), such as \"50M\".")
                    .atMost("1000T").example("50M").since(2),
            Key.integer("features", Bound.atLeast(1), "Features (columns) per row (architecture tree or linear). Default: dataset.size ÷ (rows × 4 bytes),"
                    + " float32 values.").atMost("100,000,000").since(2),
            Key.choice("location", DATASET_LOCATIONS, "Where the data is read from.").withDefault("s3"));

    static final Section TRAINING = new Section("training", "A training or fine-tuning job, run repeatedly.",
            itemName("training"),
            Key.section("model", TRAINING_MODEL).asRequired(),
            Key.choice("method", names(Workload.Method.values()), "Training method.").withDefault("full"),
            Key.section("dataset", DATASET).asRequired(),
            Key.integer("sequence_length", Bound.atLeast(1), "Tokens per training sequence.").atMost("10,000,000"),
            Key.number("epochs", Bound.positive(), "Passes over the dataset per run.").atMost("10,000").withDefault("1"),
            Key.number("runs_per_month", Bound.positive(), "Runs per month.").atMost("100,000").withDefault("1"),
            Key.quantity("deadline", Dimension.DURATION, Bound.positive(), "Each run must finish within this.").atMost("12 months"),
            Key.quantity("checkpoint_every", Dimension.DURATION, Bound.positive(), "Interval between checkpoints; given, each run writes"
                    + " its checkpoints to S3 and they are priced (docs/bill.md, Checkpoints).").atMost("12 months").example("30m"),
            Key.integer("keep_last", Bound.atLeast(1), "Checkpoints kept on S3; older ones are deleted. Default: "
                    + Workload.Training.DEFAULT_KEEP_LAST + ".").atMost("10,000").withDefault(Integer.toString(Workload.Training.DEFAULT_KEEP_LAST)).since(2),
            Key.of("interruptible", Type.BOOLEAN, "Whether a run may be interrupted and resumed (spot).").withDefault("true"),
            Key.of("deadline_hard", Type.BOOLEAN, "Whether the deadline must hold even after one spot interruption: multi-node spot"
                    + " runs whose margin cannot absorb one are eliminated instead of warned.").withDefault("false"),
            Key.choice("data_pipeline", names(Workload.DataPipeline.values()),
                    "Where per-sample (image) models decode and augment their input: cpu (PyTorch DataLoader workers, limited by the"
                            + " instance's vCPUs × assumptions.decode_rate_per_vcpu) or gpu (NVIDIA DALI with nvJPEG: no CPU ceiling on NVIDIA"
                            + " GPUs).").withDefault("cpu").since(2),
            Key.integer("trials", Bound.atLeast(1), "Runs of the job in one sweep (hyperparameter search): each costs one run; the deadline"
                    + " applies to the whole sweep, and runs_per_month counts sweeps.").atMost("100,000").withDefault("1").since(2),
            Key.integer("concurrency", Bound.atLeast(1), "How many trials run at once, at most trials; the sweep takes ceil(trials ÷"
                    + " concurrency) waves of one run each, and concurrency × nodes per trial must fit constraints.max_nodes.")
                    .atMost("1,024").withDefault("1").since(2));

    static final Section TRAFFIC = new Section("inference.traffic", "Request rate.",
            Key.quantity("average", Dimension.RATE, Bound.positive(), "Average request rate, such as \"20/s\".").atMost("10000000/s").asRequired(),
            Key.quantity("peak", Dimension.RATE, Bound.positive(), "Peak request rate; defaults to the average.").atMost("10000000/s"),
            Key.choice("pattern", names(Workload.Pattern.values()), "Shape of the traffic over a day.").withDefault("steady"));

    static final Section INFERENCE = new Section("inference", "A model served to requests.",
            itemName("inference"),
            Key.section("model", INFERENCE_MODEL).asRequired(),
            Key.section("traffic", TRAFFIC).asRequired(),
            Key.integer("tokens_in", Bound.atLeast(1), "Prompt tokens per request.").atMost("10,000,000"),
            Key.integer("tokens_out", Bound.atLeast(1), "Generated tokens per request.").atMost("10,000,000"),
            Key.integer("steps", Bound.atLeast(1),
                    "Denoising steps per image; diffusion presets only (stable-diffusion-*, flux.1-*). Default: the preset's, 50 (the diffusers default).")
                    .atMost("1,000"),
            Key.integer("resolution", Bound.atLeast(64),
                    "Image side in pixels, such as 512 or 1024; diffusion presets only. Default: the preset's native resolution.")
                    .atMost("8,192"),
            Key.quantity("latency_p99", Dimension.DURATION, Bound.positive(), "99th percentile latency target.").atMost("24h").example("3s"),
            Key.quantity("ttft_p99", Dimension.DURATION, Bound.positive(), "99th percentile time to first token target (models that"
                    + " generate tokens: needs tokens_out).").atMost("1h").example("1s").since(2),
            Key.quantity("tpot_p99", Dimension.DURATION, Bound.positive(), "99th percentile time per output token target (models that"
                    + " generate tokens: needs tokens_out).").atMost("1h").example("50ms").since(2),
            Key.choice("availability", names(Workload.Availability.values()), "single or multi-az.").withDefault("single"),
            Key.number("hours_per_day", Bound.aboveZeroAtMost(24), "Hours per day the service runs.").withDefault("24"),
            // issue 20 item 1: the front door (docs/bill.md)
            Key.choice("front", names(Workload.Front.values()), "What answers requests in front of the service: function-url (Lambda, no charge),"
                    + " api-gateway-http, api-gateway-rest (per request), alb, nlb (per hour and capacity unit) or none. Default: function-url"
                    + " for Lambda, alb for instance and Fargate fleets; SageMaker endpoints include theirs (docs/bill.md).").since(2),
            Key.quantity("bytes_per_request", Dimension.SIZE, Bound.positive(), "Request and response bytes through the front door, for"
                    + " load-balancer capacity units. Default: 10 KB.").atMost("1 GB").example("10 KB").since(2));

    static final Section BATCH_MODEL = model("batch.model", "fp16");

    static final Section BATCH = new Section("batch", "An offline inference job over a set of items, run on a schedule and sized by its deadline.",
            itemName("batch"),
            Key.section("model", BATCH_MODEL).asRequired(),
            Key.quantity("items", Dimension.COUNT, Bound.positive(), "Items (documents, audio files, images) per run, such as \"100M\".")
                    .atMost("1000T").example("100M").asRequired(),
            Key.integer("tokens_in", Bound.atLeast(1), "Document or prompt tokens per item. Default: the model's.").atMost("10,000,000"),
            Key.integer("tokens_out", Bound.nonNegative(),
                    "Generated tokens per item; 0 for encoders and embedding models. Speech presets: tokens of transcript per item"
                            + " (default: from the speaking rate, see docs/estimation.md).").atMost("10,000,000"),
            Key.number("audio_seconds", Bound.positive(), "Audio length per item in seconds; speech presets only (whisper-*): required for them.")
                    .atMost("31,536,000"),
            Key.integer("steps", Bound.atLeast(1), "Denoising steps per image; diffusion presets only, as inference.steps.").atMost("1,000"),
            Key.integer("resolution", Bound.atLeast(64), "Image side in pixels; diffusion presets only, as inference.resolution.").atMost("8,192"),
            Key.quantity("deadline", Dimension.DURATION, Bound.positive(), "Each run must finish within this; without it one instance runs as long as it takes.")
                    .atMost("12 months").example("6h"),
            Key.number("runs_per_month", Bound.positive(), "Runs per month (30 for nightly, 4.3 for weekly).").atMost("100,000").withDefault("1"),
            Key.of("interruptible", Type.BOOLEAN, "Whether a run may use spot capacity (an interrupted instance redoes its unfinished shard).")
                    .withDefault("true"),
            Key.quantity("input_per_item", Dimension.SIZE, Bound.positive(), "Bytes read per item. Default: mlplan's estimate for the model's kind.")
                    .atMost("1 TB").example("2 KB"),
            Key.quantity("output_per_item", Dimension.SIZE, Bound.positive(), "Bytes written per item. Default: mlplan's estimate for the model's kind.")
                    .atMost("1 TB").example("4 KB"));

    static final Section TRANSFER = new Section("storage.transfer", "Data transferred per month.",
            Key.quantity("cross_az", Dimension.DATA_RATE, Bound.nonNegative(), "Between availability zones.").atMost("1000 PB/month").example("100 GB/month").withDefault("0 GB/month"),
            Key.quantity("cross_region", Dimension.DATA_RATE, Bound.nonNegative(), "Between regions.").atMost("1000 PB/month").example("100 GB/month").withDefault("0 GB/month"),
            Key.quantity("internet", Dimension.DATA_RATE, Bound.nonNegative(), "Out to the internet.").atMost("1000 PB/month").example("100 GB/month").withDefault("0 GB/month"));

    // issue 20 item 5: one key per destination class, its value the age at which objects move there
    static final Section LIFECYCLE = new Section("storage.lifecycle", "S3 lifecycle policy: the age at which objects move to each"
            + " storage class (an S3 lifecycle rule's transitions). Priced on a 12-month curve; see docs/bill.md, Storage over time.",
            Key.quantity("standard_ia", Dimension.DURATION, Bound.atLeast(30 * 86400.0), "Age at which objects move to S3 Standard-IA: 30 days at least"
                    + " (an S3 lifecycle constraint).").atMost("1200 months").example("30d"),
            Key.quantity("onezone_ia", Dimension.DURATION, Bound.atLeast(30 * 86400.0), "Age at which objects move to S3 One Zone-IA: 30 days at least.")
                    .atMost("1200 months").example("30d"),
            Key.quantity("intelligent_tiering", Dimension.DURATION, Bound.nonNegative(), "Age at which objects move to S3 Intelligent-Tiering"
                    + " (0 days: at once); priced as never read, so frequent 30 days, infrequent to 90, archive instant after,"
                    + " plus the monitoring fee per object.").atMost("1200 months").example("0d"),
            Key.quantity("glacier_ir", Dimension.DURATION, Bound.nonNegative(), "Age at which objects move to S3 Glacier Instant Retrieval.")
                    .atMost("1200 months").example("90d"),
            Key.quantity("glacier_flexible", Dimension.DURATION, Bound.nonNegative(), "Age at which objects move to S3 Glacier Flexible Retrieval.")
                    .atMost("1200 months").example("180d"),
            Key.quantity("deep_archive", Dimension.DURATION, Bound.nonNegative(), "Age at which objects move to S3 Glacier Deep Archive.")
                    .atMost("1200 months").example("365d"));

    static final Section STORAGE = new Section("storage", "Data kept, and how hard it is read.",
            itemName("storage"),
            Key.quantity("data", Dimension.SIZE, Bound.positive(), "Data stored, such as \"1.3 TB\".").atMost("1000 PB").asRequired(),
            Key.quantity("growth", Dimension.DATA_RATE, Bound.nonNegative(), "Growth, such as \"100 GB/month\".").atMost("1000 PB/month").example("100 GB/month")
                    .withDefault("0 GB/month"),
            Key.quantity("reads", Dimension.RATE, Bound.nonNegative(), "Object GETs per second at peak (sizes the prefixes; requests are charged on the average over the hours read, see docs/limits.md, S3); a bare number is per second.").atMost("100000000/s")
                    .plain().withDefault("0/s"),
            Key.quantity("writes", Dimension.RATE, Bound.nonNegative(), "Object PUTs per second at peak (charged like reads); a bare number is per second.").atMost("100000000/s")
                    .plain().withDefault("0/s"),
            Key.integer("prefixes", Bound.atLeast(1), "Key prefixes the requests spread over.").atMost("1,000,000").withDefault("1"),
            Key.quantity("iops", Dimension.COUNT, Bound.positive(), "Block IOPS one instance needs.").atMost("10M").example("20000"),
            Key.quantity("throughput", Dimension.DATA_RATE, Bound.positive(), "Throughput one instance needs, such as \"500 MB/s\".").atMost("10 TB/s"),
            Key.integer("shared_by", Bound.atLeast(1), "Instances that read the same data at once; the best training option's nodes or inference option's instances count when more.").atMost("100,000").withDefault("1"),
            Key.choice("access", names(Workload.Access.values()), "How often the data is read.").withDefault("frequent"),
            Key.section("transfer", TRANSFER),
            Key.of("serves", Type.STRING, "Name of the training or inference item whose best option this storage follows (its region,"
                    + " readers and hours read); default: the first training item, else the first inference item.")
                    .matching(NAME_PATTERN).since(2),
            Key.section("lifecycle", LIFECYCLE).since(2),
            Key.quantity("object_size", Dimension.SIZE, Bound.positive(), "Average object size, for the per-object charges of a lifecycle"
                    + " (transition requests, Intelligent-Tiering monitoring, the 128 KB minimum of IA and Glacier Instant Retrieval)."
                    + " Default: 16 MB, or data ÷ objects.").atMost("50 TB").example("16 MB").since(2),
            Key.quantity("objects", Dimension.COUNT, Bound.positive(), "Objects stored now (instead of object_size).").atMost("1000T").example("2M").since(2));

    // issue 20 items 1-3 (docs/bill.md)

    static final Section NETWORK = new Section("network", "How compute reaches its data.",
            Key.choice("s3_access", names(Workload.S3Access.values()), "Path from instances to S3: gateway-endpoint (free),"
                    + " interface-endpoint (per AZ-hour and GB), nat-gateway (per hour and GB processed) or internet (public subnet, no charge"
                    + " within the region).").withDefault("gateway-endpoint").since(2));

    static final Section OBSERVABILITY = new Section("observability", "Logs the services write to CloudWatch Logs.",
            Key.quantity("log_bytes_per_request", Dimension.SIZE, Bound.nonNegative(), "Log bytes written to CloudWatch Logs per"
                    + " inference request; 0 for none. Default: 300 B, the START, END and REPORT lines Lambda writes for every"
                    + " invocation (an access-log line is of the same order).").atMost("1 GB").example("1 KB")
                    .withDefault("300 B").since(2),
            Key.quantity("retention", Dimension.DURATION, Bound.positive(), "How long logs are kept (CloudWatch Logs retention).")
                    .atMost("120 months").example("30d").withDefault("30d").since(2));

    static final Section ROOT = new Section("", "An mlplan workload (schema version 1 or 2).",
            Key.integer("version", Bound.between(1, LATEST_VERSION), "Schema version: 1, or 2 for the keys and lists marked"
                    + " \"Since schema version 2\"; this mlplan reads both.").asRequired(),
            Key.of("name", Type.STRING, "Workload name: lowercase letters, digits and '-', at most 63 characters.")
                    .asRequired()
                    .matching(NAME_PATTERN),
            Key.of("description", Type.STRING, "Free text.").withDefault(""),
            Key.of("regions", Type.STRING_LIST, "Region codes such as us-east-1, or [any] for every catalog region.")
                    .matching(REGION_PATTERN)
                    .within(Bound.atLeast(1))
                    .withDefault("[us-east-1]"),
            Key.section("budget", BUDGET),
            Key.section("constraints", CONSTRAINTS),
            Key.section("local", LOCAL),
            Key.section("assumptions", ASSUMPTIONS),
            Key.section("training", TRAINING).orList(2),
            Key.section("inference", INFERENCE).orList(2),
            Key.section("storage", STORAGE).orList(2),
            Key.section("batch", BATCH).orList(2).since(2),
            // issue 20 items 2-3 (docs/bill.md)
            Key.section("network", NETWORK).since(2),
            Key.choice("orchestration", names(Workload.Orchestration.values()), "What runs the containers: eks (one control plane per"
                    + " workload file, 0.10 USD per cluster-hour), ecs (no control-plane charge) or none.").withDefault("none").since(2),
            Key.section("observability", OBSERVABILITY).since(2));
}
