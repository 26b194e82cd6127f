package dev.mlplan.workload;

import dev.mlplan.workload.QuantityParser.Quantity;
import dev.mlplan.workload.Workload.Access;
import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Assumptions;
import dev.mlplan.workload.Workload.Availability;
import dev.mlplan.workload.Workload.Budget;
import dev.mlplan.workload.Workload.Constraints;
import dev.mlplan.workload.Workload.Dataset;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.LocalMachine;
import dev.mlplan.workload.Workload.Method;
import dev.mlplan.workload.Workload.ModelSpec;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.Workload.Storage;
import dev.mlplan.workload.Workload.Traffic;
import dev.mlplan.workload.Workload.Training;
import dev.mlplan.workload.Workload.Transfer;
import dev.mlplan.workload.WorkloadKeys.Key;
import dev.mlplan.workload.WorkloadKeys.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a composed YAML node tree to the {@link Workload} records, checking every key against
 * {@link WorkloadKeys} and every value as it goes. One instance binds one document.
 */
final class WorkloadBinder {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    /** The same expression as a quantity's number: one compiled pattern, not two, at every start (docs/performance.md). */
    private static final Pattern DECIMAL = QuantityParser.NUMBER;
    private static final int MAX_NAME = 63;

    /**
     * Compiled at the first bad region only (a holder class is initialised at its first use): a
     * pattern costs ~0.5–1 ms to compile in a cold JVM, and a valid workload never needs this one
     * (docs/performance.md).
     */
    private static final class LooseRegion {
        static final Pattern PATTERN = Pattern.compile("([a-z]{2}(?:-gov)?)-?([a-z]+?)-?([0-9])");
    }

    private final String file;
    /** Preset names by their lowercase form, sorted. */
    private final Map<String, String> presets;
    /** The lowercase names of the diffusion presets, the only models that take steps and resolution. */
    private final Set<String> diffusionPresets;
    private Node last;

    WorkloadBinder(String file, Collection<String> knownPresets, Collection<String> diffusionPresets) {
        this.file = file;
        Set<String> diffusion = new TreeSet<>();
        for (String p : diffusionPresets) {
            diffusion.add(p.toLowerCase(Locale.ROOT));
        }
        this.diffusionPresets = diffusion;
        Map<String, String> byLower = new TreeMap<>();
        for (String p : knownPresets) {
            byLower.put(p.toLowerCase(Locale.ROOT), p.toLowerCase(Locale.ROOT));
        }
        this.presets = byLower;
    }

    /** The node read most recently, to locate an unexpected failure; null before any. */
    Node lastNode() {
        return last;
    }

    Workload bind(Node root) {
        last = root;
        if (!(root instanceof MappingNode)) {
            throw error(root, "expected a mapping with keys such as 'version' and 'name' at the top level, found " + describe(root), null);
        }
        checkVersionFirst((MappingNode) root);
        View top = open(WorkloadKeys.ROOT, root, null);
        int version = top.integer("version").orElseThrow();
        String name = name(top);
        String description = top.string("description").orElse("");
        List<String> regions = regions(top);
        Optional<Budget> budget = top.section("budget").map(this::budget);
        Constraints constraints = top.section("constraints").map(this::constraints).orElseGet(Constraints::defaults);
        Optional<LocalMachine> local = top.section("local").map(this::local);
        Optional<Workload.Assumptions> assumptions = top.section("assumptions").map(this::assumptions);
        Optional<Training> training = top.section("training").map(this::training);
        Optional<Inference> inference = top.section("inference").map(this::inference);
        Optional<Storage> storage = top.section("storage").map(this::storage);
        if (training.isEmpty() && inference.isEmpty() && storage.isEmpty()) {
            throw error(root, "a workload needs at least one of 'training', 'inference' or 'storage'", null);
        }
        return new Workload(
                file, version, name, description, regions, budget, constraints, local, assumptions, training, inference, storage);
    }

    private void checkVersionFirst(MappingNode root) {
        for (NodeTuple t : root.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && "version".equals(k.getValue())) {
                Node value = t.getValueNode();
                Key key = WorkloadKeys.ROOT.get("version").within(WorkloadKeys.Bound.ANY);
                int version = integer(key, "version", value);
                if (version != 1) {
                    throw error(value, "unsupported schema version " + version + "; this mlplan reads version 1", null);
                }
                return;
            }
        }
    }

    // ---- sections ------------------------------------------------------------------------------

    private String name(View top) {
        String name = top.string("name").orElseThrow();
        Node at = top.valueNode("name");
        if (name.isEmpty()) {
            throw error(at, "name: must not be empty", null);
        }
        if (name.length() > MAX_NAME) {
            throw error(at, "name: is " + name.length() + " characters long; at most " + MAX_NAME + " are allowed", null);
        }
        if (!Pattern.compile(WorkloadKeys.NAME_PATTERN).matcher(name).find()) {
            String fixed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                    .replaceAll("^-|-$", "");
            String hint = fixed.isEmpty() ? null : Suggestions.didYouMean(fixed.substring(0, Math.min(MAX_NAME, fixed.length())));
            throw error(at, "name: " + QuantityParser.quote(name) + " may only contain lowercase letters, digits and '-'", hint);
        }
        return name;
    }

    private List<String> regions(View top) {
        Key key = WorkloadKeys.ROOT.get("regions");
        if (!top.has("regions")) {
            return WorkloadKeys.listDefault(key.defaultValue());
        }
        Node node = top.valueNode("regions");
        List<ScalarNode> items = list(key, "regions", node, "[us-east-1]");
        if (!key.bound().contains(items.size())) {
            throw error(node, "regions: expected at least one region", "use [any] for every catalog region");
        }
        Pattern pattern = Pattern.compile(key.pattern());
        Map<String, ScalarNode> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ScalarNode item = items.get(i);
            String region = item.getValue().strip();
            String path = "regions[" + i + "]";
            if (Workload.ANY_REGION.equals(region)) {
                if (items.size() > 1) {
                    throw error(item, path + ": 'any' must be the only region", "write regions: [any]");
                }
                return List.of(Workload.ANY_REGION);
            }
            if (!pattern.matcher(region).find()) {
                throw error(item, path + ": " + QuantityParser.quote(region) + " is not a region code such as \"us-east-1\"",
                        regionHint(region));
            }
            if (seen.containsKey(region)) {
                throw error(item, path + ": region '" + region + "' is listed twice", null);
            }
            seen.put(region, item);
        }
        return List.copyOf(seen.keySet());
    }

    private static String regionHint(String region) {
        String lower = region.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        var m = LooseRegion.PATTERN.matcher(lower);
        if (m.matches()) {
            return Suggestions.didYouMean(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        }
        if (lower.equals("all") || lower.equals("*")) {
            return "use [any] for every catalog region";
        }
        return null;
    }

    private Budget budget(View v) {
        Money monthly = new Money(v.quantity("monthly").orElseThrow().number());
        Percent warnAt = new Percent(v.quantity("warn_at").orElseThrow().value());
        return new Budget(monthly, warnAt);
    }

    private Constraints constraints(View v) {
        boolean allowSpot = v.bool("allow_spot").orElseThrow();
        List<String> include = List.of();
        List<String> exclude = List.of();
        Optional<View> families = v.section("families");
        if (families.isPresent()) {
            View f = families.get();
            Map<String, ScalarNode> inc = families(f, "include");
            Map<String, ScalarNode> exc = families(f, "exclude");
            for (Map.Entry<String, ScalarNode> e : exc.entrySet()) {
                if (inc.containsKey(e.getKey())) {
                    throw error(e.getValue(), "constraints.families: '" + e.getKey() + "' is both included and excluded", null);
                }
            }
            include = List.copyOf(inc.keySet());
            exclude = List.copyOf(exc.keySet());
        }
        int maxNodes = v.integer("max_nodes").orElseThrow();
        List<String> pricing = pricing(v, allowSpot);
        Optional<Money> maxUpfront = v.quantity("max_upfront").map(q -> new Money(q.number()));
        return new Constraints(allowSpot, include, exclude, maxNodes, pricing, maxUpfront);
    }

    /**
     * constraints.pricing: known names (did-you-mean otherwise), each once, at least one; when
     * allow_spot is written too, the two must agree about spot.
     */
    private List<String> pricing(View v, boolean allowSpot) {
        if (!v.has("pricing")) {
            return List.of();
        }
        Key key = v.section.get("pricing");
        String path = v.path("pricing");
        Node node = v.valueNode("pricing");
        List<ScalarNode> items = list(key, path, node, "[on-demand, reserved-1y]");
        if (items.isEmpty()) {
            throw error(node, path + ": expected at least one pricing model such as on-demand or reserved-1y, found an empty list",
                    "leave the key out to allow them all");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScalarNode item = items.get(i);
            String name = item.getValue().strip();
            if (!key.values().contains(name)) {
                throw error(item, path + "[" + i + "]: unknown pricing model " + QuantityParser.quote(name),
                        Suggestions.hint(name.toLowerCase(Locale.ROOT), key.values()));
            }
            if (out.contains(name)) {
                throw error(item, path + "[" + i + "]: '" + name + "' is listed twice", null);
            }
            out.add(name);
        }
        if (v.has("allow_spot") && allowSpot != out.contains("spot")) {
            throw error(node, "constraints.allow_spot is " + allowSpot + " but constraints.pricing " + (allowSpot ? "leaves out" : "lists")
                    + " spot", allowSpot ? "add spot to constraints.pricing, or set allow_spot: false" : "remove spot from constraints.pricing,"
                            + " or leave allow_spot out");
        }
        return List.copyOf(out);
    }

    private Map<String, ScalarNode> families(View f, String name) {
        Map<String, ScalarNode> out = new LinkedHashMap<>();
        if (!f.has(name)) {
            return out;
        }
        Key key = f.section.get(name);
        String path = f.path(name);
        List<ScalarNode> items = list(key, path, f.valueNode(name), "[p4d, g5]");
        Pattern pattern = Pattern.compile(key.pattern());
        for (int i = 0; i < items.size(); i++) {
            ScalarNode item = items.get(i);
            String family = item.getValue().strip();
            String itemPath = path + "[" + i + "]";
            if (!pattern.matcher(family).find()) {
                String hint = null;
                String lower = family.toLowerCase(Locale.ROOT);
                if (lower.contains(".")) {
                    hint = "a family is the part before the dot: '" + lower.substring(0, lower.indexOf('.')) + "'";
                } else if (pattern.matcher(lower).find()) {
                    hint = Suggestions.didYouMean(lower);
                }
                throw error(item, itemPath + ": " + QuantityParser.quote(family)
                        + " is not an instance family such as \"p4d\" or \"g5\"", hint);
            }
            if (out.containsKey(family)) {
                throw error(item, itemPath + ": family '" + family + "' is listed twice", null);
            }
            out.put(family, item);
        }
        return out;
    }

    private LocalMachine local(View v) {
        String accelerator = v.string("accelerator").orElseThrow().strip();
        int count = v.integer("count").orElseThrow();
        Money hardwareCost = new Money(v.quantity("hardware_cost").orElseThrow().number());
        TimeSpan amortization = new TimeSpan(v.quantity("amortization").orElseThrow().value());
        Quantity power = v.quantity("power").orElseThrow();
        Optional<Quantity> idle = v.quantity("idle_power");
        if (idle.isPresent() && idle.get().value() > power.value()) {
            throw error(v.valueNode("idle_power"),
                    "local: idle_power (" + idle.get().text().strip() + ") is above power (" + power.text().strip() + ")", null);
        }
        EnergyPrice electricity = new EnergyPrice(v.quantity("electricity").orElseThrow().value());
        MoneyRate operations = new MoneyRate(v.quantity("operations").orElseThrow().value());
        return new LocalMachine(accelerator, count, hardwareCost, amortization, new Power(power.value()),
                idle.isPresent() ? Optional.of(new Power(idle.get().value())) : Optional.empty(), electricity, operations);
    }

    private Assumptions assumptions(View v) {
        return new Assumptions(
                v.value("mfu"),
                v.value("mbu"),
                v.value("multi_node_efficiency"),
                v.percent("serving_headroom"),
                v.timeSpan("spot_restart"));
    }

    private ModelSpec model(View v) {
        Optional<String> presetText = v.string("preset");
        Optional<String> preset = presetText.isPresent() ? Optional.of(preset(v, presetText.get())) : Optional.empty();
        Optional<Double> parameters = v.value("parameters");
        if (preset.isEmpty() && parameters.isEmpty()) {
            throw error(v.owner(), v.section.path() + ": give 'preset' or 'parameters'",
                    "such as preset: llama-2-7b, or parameters: 7B");
        }
        Optional<String> architectureText = v.choice("architecture");
        Optional<Architecture> architecture = architectureText.isPresent()
                ? Optional.of(enumValue(Architecture.values(), architectureText.get())) : Optional.empty();
        Optional<Integer> heads = v.integer("heads");
        Optional<Integer> kvHeads = v.integer("kv_heads");
        if (heads.isPresent() && kvHeads.isPresent() && kvHeads.get() > heads.get()) {
            throw error(v.valueNode("kv_heads"), v.path("kv_heads") + " (" + kvHeads.get() + ") is above "
                    + v.path("heads") + " (" + heads.get() + ")", null);
        }
        Precision precision = precision(v.choice("precision").orElseThrow());
        return new ModelSpec(preset, parameters, architecture, v.integer("layers"), v.integer("hidden"), heads, kvHeads,
                v.value("flops_per_sample"), precision);
    }

    private String preset(View v, String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        String found = presets.get(lower);
        if (found != null) {
            return found;
        }
        String hint = presets.isEmpty()
                ? "no presets are available; give 'parameters' instead"
                : Suggestions.hint(lower, presets.keySet());
        throw error(v.valueNode("preset"), v.path("preset") + ": unknown model preset '" + text.strip() + "'", hint);
    }

    private static Precision precision(String yamlName) {
        for (Precision p : Precision.values()) {
            if (p.yamlName().equals(yamlName)) {
                return p;
            }
        }
        throw new java.util.NoSuchElementException("no precision '" + yamlName + "'");
    }

    private Training training(View v) {
        View modelView = v.section("model").orElseThrow();
        ModelSpec model = model(modelView);
        Method method = enumValue(Method.values(), v.choice("method").orElseThrow());
        View datasetView = v.section("dataset").orElseThrow();
        Dataset dataset = dataset(datasetView, model);
        return new Training(
                model,
                method,
                dataset,
                v.integer("sequence_length"),
                v.number("epochs").orElseThrow(),
                v.number("runs_per_month").orElseThrow(),
                v.timeSpan("deadline"),
                v.timeSpan("checkpoint_every"),
                v.bool("interruptible").orElseThrow(),
                v.bool("deadline_hard").orElseThrow());
    }

    private Dataset dataset(View v, ModelSpec model) {
        DataSize size = new DataSize(v.quantity("size").orElseThrow().value());
        Optional<Double> tokens = v.value("tokens");
        Optional<Double> samples = v.value("samples");
        String location = v.choice("location").orElseThrow();
        Optional<Architecture> arch = model.architecture();
        boolean perSample = model.flopsPerSample().isPresent();
        if ((arch.equals(Optional.of(Architecture.CNN)) || perSample) && samples.isEmpty()) {
            String why = perSample ? "the model gives flops_per_sample" : "a cnn model counts its data in samples";
            throw error(v.owner(), v.section.path() + ": missing 'samples' (" + why + ")", "such as samples: 1.28M");
        }
        boolean transformer = arch.equals(Optional.of(Architecture.TRANSFORMER))
                || (arch.isEmpty() && model.preset().isEmpty());
        if (!perSample && transformer && tokens.isEmpty()) {
            throw error(v.owner(), v.section.path() + ": missing 'tokens' (a transformer model counts its data in tokens)",
                    "such as tokens: 2B, or give training.model.flops_per_sample and samples");
        }
        if (tokens.isEmpty() && samples.isEmpty()) {
            throw error(v.owner(), v.section.path() + ": missing 'tokens' or 'samples'",
                    "tokens for transformers, such as 2B; samples for other models, such as 1.28M");
        }
        return new Dataset(size, tokens, samples, location);
    }

    private Inference inference(View v) {
        ModelSpec model = model(v.section("model").orElseThrow());
        View t = v.section("traffic").orElseThrow();
        Quantity average = t.quantity("average").orElseThrow();
        Optional<Quantity> peak = t.quantity("peak");
        if (peak.isPresent() && peak.get().value() < average.value()) {
            throw error(t.valueNode("peak"), "inference: traffic.peak (" + peak.get().text().strip()
                    + ") is below traffic.average (" + average.text().strip() + ")", null);
        }
        Traffic traffic = new Traffic(new Rate(average.value()), new Rate(peak.orElse(average).value()),
                enumValue(Workload.Pattern.values(), t.choice("pattern").orElseThrow()));
        Optional<Integer> steps = v.integer("steps");
        Optional<Integer> resolution = v.integer("resolution");
        for (String key : List.of("steps", "resolution")) {
            if (v.integer(key).isPresent() && (model.preset().isEmpty() || !diffusionPresets.contains(model.preset().get()))) {
                String which = model.preset().isPresent() ? "model preset '" + model.preset().get() + "' is not a diffusion model"
                        : "the model is not a diffusion preset";
                throw error(v.valueNode(key), v.path(key) + " applies only to diffusion presets; " + which,
                        diffusionPresets.isEmpty() ? "remove it" : "remove it, or use one of " + String.join(", ", diffusionPresets));
            }
        }
        return new Inference(
                model,
                traffic,
                v.integer("tokens_in"),
                v.integer("tokens_out"),
                steps,
                resolution,
                v.timeSpan("latency_p99"),
                enumValue(Availability.values(), v.choice("availability").orElseThrow()),
                v.number("hours_per_day").orElseThrow());
    }

    private Storage storage(View v) {
        View t = v.sectionOrNull("transfer");
        Transfer transfer = t == null ? Transfer.none() : new Transfer(dataRate(t, "cross_az"), dataRate(t, "cross_region"), dataRate(t, "internet"));
        return new Storage(
                new DataSize(v.quantity("data").orElseThrow().value()),
                dataRate(v, "growth"),
                new Rate(v.quantity("reads").orElseThrow().value()),
                new Rate(v.quantity("writes").orElseThrow().value()),
                v.integer("prefixes").orElseThrow(),
                v.value("iops"),
                v.dataRate("throughput"),
                v.integer("shared_by").orElseThrow(),
                enumValue(Access.values(), v.choice("access").orElseThrow()),
                transfer);
    }

    private static DataRate dataRate(View v, String name) {
        return new DataRate(v.quantity(name).orElseThrow().value());
    }

    private static <E extends Enum<E>> E enumValue(E[] values, String yamlName) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(yamlName)) {
                return e;
            }
        }
        throw new IllegalStateException("no constant for '" + yamlName + "'");
    }

    // ---- mappings ------------------------------------------------------------------------------

    /** A mapping checked against its section: no unknown or duplicate keys, every required key. */
    private final class View {
        private final Section section;
        private final Node node;
        private final Node owner;
        private final Map<String, Node> values = new HashMap<>();
        private final Map<String, Node> keyNodes = new HashMap<>();

        View(Section section, MappingNode node, Node owner) {
            this.section = section;
            this.node = node;
            this.owner = owner;
        }

        Node owner() {
            return owner == null ? node : owner;
        }

        String path(String key) {
            return section.path().isEmpty() ? key : section.path() + "." + key;
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        Node valueNode(String key) {
            return values.get(key);
        }

        Optional<View> section(String name) {
            return Optional.ofNullable(sectionOrNull(name));
        }

        /** The section's view, or null when the mapping does not have it. */
        View sectionOrNull(String name) {
            Key key = section.get(name);
            Node value = values.get(name);
            if (value == null) {
                return null;
            }
            last = value;
            return open(key.section(), value, keyNodes.get(name));
        }

        /** What a scalar reader makes of a key's text at its path and node (it throws when the text is not valid). */
        private interface ScalarReader<T> {
            T read(Key key, String path, Node node, String text);
        }

        /**
         * The key's value node (or its default as a synthetic node, see {@link #node}) read by
         * {@code reader} from its scalar text; empty when the key has neither.
         */
        private <T> Optional<T> scalarValue(String name, ScalarReader<T> reader) {
            Node node = node(name);
            if (node == null) {
                return Optional.empty();
            }
            Key key = section.get(name);
            String path = path(name);
            return Optional.of(reader.read(key, path, node, scalar(key, path, node)));
        }

        Optional<String> string(String name) {
            return scalarValue(name, (key, path, node, text) -> {
                if (WorkloadKeys.NON_BLANK.equals(key.pattern()) && text.isBlank()) {
                    throw error(node, path + ": must not be empty", null);
                }
                return text;
            });
        }

        Optional<Integer> integer(String name) {
            Node node = node(name);
            return node == null ? Optional.empty() : Optional.of(WorkloadBinder.this.integer(section.get(name), path(name), node));
        }

        Optional<Double> number(String name) {
            return scalarValue(name, (key, path, node, raw) -> {
                String text = raw.strip();
                if (!DECIMAL.matcher(text).matches()) {
                    throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
                }
                double v = new BigDecimal(text).doubleValue();
                if (!Double.isFinite(v)) {
                    checkBound(key, path, node, v, text);
                    throw error(node, path + ": " + QuantityParser.quote(text) + " is too large", null);
                }
                checkBound(key, path, node, v, text);
                return v;
            });
        }

        Optional<Boolean> bool(String name) {
            return scalarValue(name, (key, path, node, raw) -> {
                String text = raw.strip();
                if (text.equalsIgnoreCase("true")) {
                    return true;
                }
                if (text.equalsIgnoreCase("false")) {
                    return false;
                }
                throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
            });
        }

        Optional<String> choice(String name) {
            return scalarValue(name, (key, path, node, raw) -> {
                String text = raw.strip();
                if (key.values().contains(text)) {
                    return text;
                }
                throw error(node, path + ": unknown value " + QuantityParser.quote(text), Suggestions.hint(text, key.values()));
            });
        }

        Optional<Quantity> quantity(String name) {
            return scalarValue(name, (key, path, node, text) -> {
                Quantity q;
                try {
                    q = QuantityParser.parse(text, key.dimension(), key.plainNumber(), key.shownExample());
                } catch (QuantityException e) {
                    throw error(node, path + ": " + e.problem(), e.hint().orElse(null));
                }
                checkBound(key, path, node, q.value(), text);
                return q;
            });
        }

        /** A quantity's value in its base unit. */
        Optional<Double> value(String name) {
            return quantity(name).map(Quantity::value);
        }

        Optional<TimeSpan> timeSpan(String name) {
            return quantity(name).map(q -> new TimeSpan(q.value()));
        }

        Optional<Percent> percent(String name) {
            return quantity(name).map(q -> new Percent(q.value()));
        }

        Optional<DataRate> dataRate(String name) {
            return quantity(name).map(q -> new DataRate(q.value()));
        }

        /** The value's node; the key's default as a plain scalar at the mapping when absent; null when neither. */
        private Node node(String name) {
            Key key = section.get(name);
            Node value = values.get(name);
            if (value != null) {
                last = value;
                return value;
            }
            if (key.defaultValue() != null) {
                Mark mark = node.getStartMark();
                return new ScalarNode(Tag.STR, key.defaultValue(), mark, mark, DumperOptions.ScalarStyle.PLAIN);
            }
            return null;
        }
    }

    private View open(Section section, Node node, Node owner) {
        if (!(node instanceof MappingNode mapping)) {
            Node at = node;
            String where = section.path().isEmpty() ? "the top level" : section.path();
            throw error(at, where + ": expected a mapping with keys such as " + examples(section) + ", found " + describe(node), null);
        }
        View view = new View(section, mapping, owner);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            last = keyNode;
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw error(keyNode, "keys must be plain names, found " + describe(keyNode) + " as a key " + section.where(), null);
            }
            String name = scalarKey.getValue();
            if (scalarKey.getTag().equals(Tag.MERGE) || "<<".equals(name)) {
                throw error(keyNode, "merge keys ('<<') are not supported " + section.where(), "write the keys out");
            }
            if (view.values.containsKey(name)) {
                Node first = view.keyNodes.get(name);
                throw error(keyNode, "duplicate key '" + name + "' " + section.where(),
                        "first given at line " + (first.getStartMark().getLine() + 1));
            }
            if (section.key(name).isEmpty()) {
                throw error(keyNode, "unknown key " + shownKey(name) + " " + section.where(), Suggestions.hint(name, section.names()));
            }
            view.values.put(name, tuple.getValueNode());
            view.keyNodes.put(name, keyNode);
        }
        for (Key key : section.keys()) {
            if (key.required() && !view.values.containsKey(key.name())) {
                String prefix = section.path().isEmpty() ? "" : section.path() + ": ";
                throw error(view.owner(), prefix + "missing required key '" + key.name() + "'", null);
            }
        }
        return view;
    }

    private static String shownKey(String name) {
        String q = QuantityParser.quote(name);
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    private static String examples(Section section) {
        List<String> names = section.names();
        return names.size() == 1 ? "'" + names.get(0) + "'" : "'" + names.get(0) + "' and '" + names.get(1) + "'";
    }

    // ---- scalars -------------------------------------------------------------------------------

    private String scalar(Key key, String path, Node node) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
    }

    private int integer(Key key, String path, Node node) {
        String text = scalar(key, path, node).strip();
        if (!INTEGER.matcher(text).matches()) {
            throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            checkBound(key, path, node, value.doubleValue(), text);
            throw error(node, path + ": " + QuantityParser.quote(text) + " is too large", null);
        }
        int v = value.intValueExact();
        checkBound(key, path, node, v, text);
        return v;
    }

    private List<ScalarNode> list(Key key, String path, Node node, String example) {
        if (!(node instanceof SequenceNode seq)) {
            String hint = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? "write it as [" + s.getValue().strip() + "]" : null;
            throw error(node, path + ": expected a list such as " + example + ", found " + describe(node), hint);
        }
        List<ScalarNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            last = item;
            if (!(item instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                throw error(item, path + "[" + i + "]: expected a name, found " + describe(item), null);
            }
            out.add(s);
        }
        return out;
    }

    private void checkBound(Key key, String path, Node node, double value, String text) {
        if (key.bound().contains(value)) {
            return;
        }
        // a value below the range is told the lower end; one above it, the whole range with the largest value
        String bound = key.bound().brokenBy(value).describe(key.dimension());
        String what = switch (key.type()) {
            case INTEGER -> "a whole number " + bound;
            case NUMBER -> "a number " + bound;
            default -> key.dimension().noun() + " " + bound + " such as " + QuantityParser.quote(key.shownExample());
        };
        throw error(node, path + ": expected " + what + ", found " + QuantityParser.quote(text.strip()), null);
    }

    private static String expected(Key key) {
        return "expected " + switch (key.type()) {
            case STRING -> "a text";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", key.values());
            case STRING_LIST -> "a list";
            case QUANTITY -> key.dimension().noun() + " such as " + QuantityParser.quote(key.shownExample());
            case SECTION -> "a mapping";
        };
    }

    /** How a found value is shown in messages: "a mapping", "a list", "an empty value" or its text. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return "an empty value";
            }
            return QuantityParser.quote(s.getValue());
        }
        return "nothing";
    }

    WorkloadException error(Node at, String problem, String hint) {
        if (at == null) {
            return new WorkloadException(file, 0, 0, problem, hint);
        }
        Mark mark = at.getStartMark();
        return new WorkloadException(file, mark.getLine() + 1, mark.getColumn() + 1, problem, hint);
    }
}
