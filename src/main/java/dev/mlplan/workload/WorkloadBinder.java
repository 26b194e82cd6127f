package dev.mlplan.workload;

import dev.mlplan.util.Fmt;
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
import dev.mlplan.workload.Workload.Named;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
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
    private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0[0-9]+");
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
    /** The lowercase names of the speech presets, the only models that take batch.audio_seconds (and need it). */
    private final Set<String> speechPresets;
    /** The context window of each preset that has one, by lowercase name. */
    private final Map<String, PresetContext> contexts;
    private Node last;
    /** The file's schema version, read first: keys and lists of a later version are refused with its name. */
    private int version = WorkloadKeys.LATEST_VERSION;
    /** Every part item's name in the file, with the node where it was given (names are unique within the file). */
    private final Map<String, Node> itemNames = new LinkedHashMap<>();
    /** Where each storage item's serves was given, and its path ("storage[1].serves"), for messages. */
    private final Map<Storage, Node> servesNodes = new IdentityHashMap<>();
    private final Map<Storage, String> servesPaths = new IdentityHashMap<>();

    WorkloadBinder(String file, Collection<String> knownPresets, Collection<String> diffusionPresets) {
        this(file, knownPresets, diffusionPresets, List.of(), Map.of());
    }

    WorkloadBinder(String file, Collection<String> knownPresets, Collection<String> diffusionPresets, Collection<String> speechPresets,
            Map<String, PresetContext> contexts) {
        this.file = file;
        Set<String> speech = new TreeSet<>();
        for (String p : speechPresets) {
            speech.add(p.toLowerCase(Locale.ROOT));
        }
        this.speechPresets = speech;
        Map<String, PresetContext> contextByLower = new HashMap<>();
        contexts.forEach((name, c) -> contextByLower.put(name.toLowerCase(Locale.ROOT), c));
        this.contexts = contextByLower;
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

    /** The catalog's regions and accelerators; empty: not checked (planning checks them). */
    private Set<String> catalogRegions = Set.of();
    private Set<String> catalogAccelerators = Set.of();

    void checkCatalog(Set<String> regions, Set<String> accelerators) {
        this.catalogRegions = regions;
        this.catalogAccelerators = accelerators;
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
        List<Named<Training>> training = items(top, "training", v -> training(v, constraints));
        List<Named<Inference>> inference = items(top, "inference", this::inference);
        List<Named<Storage>> storage = items(top, "storage", this::storage);
        List<Named<Workload.Batch>> batch = items(top, "batch", this::batch);
        if (training.isEmpty() && inference.isEmpty() && storage.isEmpty() && batch.isEmpty()) {
            throw error(root, "a workload needs at least one of 'training', 'inference', 'batch' or 'storage'", null);
        }
        checkServes(storage, training, inference, batch);
        return new Workload(
                file, version, name, description, regions, budget, constraints, local, assumptions, training, inference, storage, batch,
                platform(top));
    }

    // ---- parts: one mapping, or (schema version 2) a list of named mappings ----------------------

    /**
     * The items of a part key: none when absent, one (name optional) for a mapping, each item of a
     * list (name required, unique within the file). One mechanism for every part kind.
     */
    private <T> List<Named<T>> items(View top, String kind, Function<View, T> bind) {
        Node node = top.valueNode(kind);
        if (node == null) {
            return List.of();
        }
        last = node;
        Key key = WorkloadKeys.ROOT.get(kind);
        if (!(node instanceof SequenceNode seq) || !key.listable()) {
            View v = top.sectionOrNull(kind);
            return List.of(new Named<>(itemName(v), bind.apply(v)));
        }
        if (version < key.listSince()) {
            throw error(node, "`" + kind + "` as a list needs `version: " + key.listSince() + "`; this file says version: " + version,
                    "write version: " + key.listSince() + " at the top");
        }
        if (seq.getValue().isEmpty()) {
            throw error(node, kind + ": expected at least one item, found an empty list", "remove '" + kind + "', or give one item");
        }
        List<Named<T>> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            last = item;
            String at = kind + "[" + i + "]";
            View v = open(key.section(), item, null, at);
            if (!v.has("name")) {
                throw error(item, at + ": missing required key 'name' (every item of a list has one)", "such as name: " + kind + "-" + (i + 1));
            }
            out.add(new Named<>(itemName(v), bind.apply(v)));
        }
        return List.copyOf(out);
    }

    /** The item's name, checked like the workload's and unique within the file; empty when the mapping has none. */
    private Optional<String> itemName(View v) {
        if (!v.has("name")) {
            return Optional.empty();
        }
        String name = checkedName(v, "name");
        Node at = v.valueNode("name");
        Node first = itemNames.putIfAbsent(name, at);
        if (first != null) {
            throw error(at, v.path("name") + ": '" + name + "' is already the name of another item (line " + (first.getStartMark().getLine() + 1)
                    + ", column " + (first.getStartMark().getColumn() + 1) + "); names are unique within the file", null);
        }
        return Optional.of(name);
    }

    /** Every storage.serves names a training or inference item of the file. */
    private void checkServes(List<Named<Storage>> storage, List<Named<Training>> training, List<Named<Inference>> inference,
            List<Named<Workload.Batch>> batch) {
        List<String> compute = java.util.stream.Stream.of(training, inference, batch)
                .flatMap(List::stream)
                .flatMap(item -> item.name().stream())
                .toList();
        for (Named<Storage> s : storage) {
            Optional<String> serves = s.value().serves();
            if (serves.isEmpty() || compute.contains(serves.get())) {
                continue;
            }
            Node at = servesNodes.get(s.value());
            String path = servesPaths.get(s.value());
            throw error(at, path + ": '" + serves.get() + "' is not the name of a training, inference or batch item",
                    compute.isEmpty() ? "name a training, inference or batch item, or remove serves" : Suggestions.hint(serves.get(), compute));
        }
    }

    private void checkVersionFirst(MappingNode root) {
        for (NodeTuple t : root.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && "version".equals(k.getValue())) {
                Node value = t.getValueNode();
                Key key = WorkloadKeys.ROOT.get("version").within(WorkloadKeys.Bound.ANY);
                int version = integer(key, "version", value);
                if (version < 1 || version > WorkloadKeys.LATEST_VERSION) {
                    throw error(value, "unsupported schema version " + version + "; this mlplan reads versions 1 and "
                            + WorkloadKeys.LATEST_VERSION, null);
                }
                this.version = version;
                return;
            }
        }
    }

    // ---- sections ------------------------------------------------------------------------------

    private String name(View top) {
        return checkedName(top, "name");
    }

    /** A name key's value: lowercase letters, digits and '-', at most 63 characters. */
    private String checkedName(View v, String key) {
        String name = v.string(key).orElseThrow();
        Node at = v.valueNode(key);
        String path = v.path(key);
        if (name.isEmpty()) {
            throw error(at, path + ": must not be empty", null);
        }
        if (name.length() > MAX_NAME) {
            throw error(at, path + ": is " + name.length() + " characters long; at most " + MAX_NAME + " are allowed", null);
        }
        if (!Pattern.compile(WorkloadKeys.NAME_PATTERN).matcher(name).find()) {
            String fixed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-")
                    .replaceAll("^-|-$", "");
            String hint = fixed.isEmpty() ? null : Suggestions.didYouMean(fixed.substring(0, Math.min(MAX_NAME, fixed.length())));
            throw error(at, path + ": " + QuantityParser.quote(name) + " may only contain lowercase letters, digits and '-'", hint);
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
            if (!catalogRegions.isEmpty() && !catalogRegions.contains(region)) {
                throw error(item, path + ": region '" + region + "' is not in the catalog", Suggestions.hint(region, catalogRegions));
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
        return new Constraints(allowSpot, include, exclude, maxNodes, pricing, maxUpfront, residency(v), v.bool("compute_follows_data").orElseThrow());
    }

    /** constraints.residency: geography names (did-you-mean otherwise) or region codes, each once (Geography). */
    private List<String> residency(View v) {
        if (!v.has("residency")) {
            return List.of();
        }
        Key key = v.section.get("residency");
        String path = v.path("residency");
        Node node = v.valueNode("residency");
        List<ScalarNode> items = list(key, path, node, "[eu]");
        if (items.isEmpty()) {
            throw error(node, path + ": expected at least one geography or region such as eu, found an empty list",
                    "leave the key out to allow every region");
        }
        Pattern pattern = Pattern.compile(key.pattern());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScalarNode item = items.get(i);
            String name = item.getValue().strip();
            if (!pattern.matcher(name).find()) {
                throw error(item, path + "[" + i + "]: " + QuantityParser.quote(name) + " is neither a geography (" + String.join(", ", Geography.names())
                        + ") nor a region code such as \"eu-west-1\"", Suggestions.hint(name.toLowerCase(Locale.ROOT), Geography.names()));
            }
            if (out.contains(name)) {
                throw error(item, path + "[" + i + "]: '" + name + "' is listed twice", null);
            }
            out.add(name);
        }
        return List.copyOf(out);
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
        if (!catalogAccelerators.isEmpty()
                && catalogAccelerators.stream().noneMatch(a -> Workload.LocalMachine.acceleratorKey(a).equals(Workload.LocalMachine.acceleratorKey(accelerator)))) {
            List<String> known = catalogAccelerators.stream().map(a -> a.toLowerCase(Locale.ROOT)).sorted().toList();
            throw error(v.valueNode("accelerator"), v.path("accelerator") + ": accelerator '" + accelerator + "' is not in the catalog",
                    Suggestions.hint(accelerator.toLowerCase(Locale.ROOT), known));
        }
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
                v.timeSpan("spot_restart"),
                v.value("decode_rate_per_vcpu"));
    }

    private ModelSpec model(View v) {
        Optional<String> presetText = v.string("preset");
        Optional<String> preset = presetText.isPresent() ? Optional.of(preset(v, presetText.get())) : Optional.empty();
        Optional<Double> parameters = v.value("parameters");
        boolean tabular = v.choice("architecture").map(a -> enumValue(Architecture.values(), a).tabular()).orElse(false);
        if (tabular && !v.section.path().startsWith("training")) {
            throw error(v.valueNode("architecture"), v.path("architecture") + ": tree and linear models are planned for training only",
                    "use training.model.architecture: " + v.choice("architecture").get());
        }
        if (preset.isEmpty() && parameters.isEmpty() && !tabular) {
            throw error(v.owner(), v.at + ": give 'preset' or 'parameters'",
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
                v.value("flops_per_sample"), precision, v.integer("context_length"));
    }

    /**
     * The model's context window: the workload's {@code context_length}, else its preset's; empty for a
     * model whose window mlplan does not know (a custom model without {@code context_length}).
     */
    private Optional<PresetContext> context(ModelSpec model) {
        PresetContext preset = model.preset().map(contexts::get).orElse(null);
        if (model.contextLength().isPresent()) {
            int tokens = model.contextLength().get();
            return Optional.of(preset != null ? new PresetContext(tokens, preset.countsTokensIn(), preset.countsTokensOut())
                    : new PresetContext(tokens, true, true));
        }
        return Optional.ofNullable(preset);
    }

    /**
     * Whether the model generates tokens (a decode loop, timed by ttft_p99 and tpot_p99): a preset whose
     * output fills its window (decoders, Whisper); without a preset, a transformer costed per token (no
     * flops_per_sample). True when the parser knows no preset windows: the estimator then decides.
     */
    private boolean generates(ModelSpec model) {
        if (model.preset().isPresent()) {
            PresetContext c = contexts.get(model.preset().get());
            return contexts.isEmpty() || (c != null && c.countsTokensOut());
        }
        return model.flopsPerSample().isEmpty() && model.architecture().orElse(Architecture.TRANSFORMER) == Architecture.TRANSFORMER;
    }

    /** "llama-3.1-8b's context of 131,072 tokens", or "the model's context_length of 8,192 tokens" when the workload sets it. */
    private static String window(ModelSpec model, PresetContext c) {
        return (model.contextLength().isPresent() ? "the model's context_length of " : model.preset().orElseThrow() + "'s context of ")
                + String.format(Locale.ROOT, "%,d", c.tokens()) + " tokens";
    }

    /**
     * A request whose tokens do not fit the model's context window cannot be served by any instance:
     * an input error naming the keys and the numbers, at the first key that fills the window.
     */
    private void checkContext(View v, ModelSpec model, Optional<Integer> tokensIn, Optional<Integer> tokensOut) {
        Optional<PresetContext> context = context(model);
        if (context.isEmpty()) {
            return;
        }
        PresetContext c = context.get();
        List<String> parts = new ArrayList<>();
        long total = 0;
        String at = null;
        if (c.countsTokensIn() && tokensIn.isPresent()) {
            parts.add("tokens_in " + String.format(Locale.ROOT, "%,d", tokensIn.get()));
            total += tokensIn.get();
            at = "tokens_in";
        }
        if (c.countsTokensOut() && tokensOut.isPresent()) {
            parts.add("tokens_out " + String.format(Locale.ROOT, "%,d", tokensOut.get()));
            total += tokensOut.get();
            at = at == null ? "tokens_out" : at;
        }
        if (total <= c.tokens()) {
            return;
        }
        String sum = String.join(" + ", parts) + (parts.size() > 1 ? " = " + String.format(Locale.ROOT, "%,d", total) : "");
        throw error(v.valueNode(at), v.section.path() + ": " + sum + " tokens exceed " + window(model, c),
                "shorten the prompt or the output, or use a model with a longer context; " + (model.contextLength().isPresent() ? "raise " : "set ")
                        + v.section.path() + ".model.context_length if the model reads more" + versionTwoHint());
    }

    /** Appended to a hint that names a key schema version 2 added, when the file is still version 1. */
    private String versionTwoHint() {
        return version < 2 ? " (a version-2 key: write version: 2 at the top)" : "";
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

    private Training training(View v, Constraints constraints) {
        View modelView = v.section("model").orElseThrow();
        ModelSpec model = model(modelView);
        Method method = enumValue(Method.values(), v.choice("method").orElseThrow());
        Optional<Integer> sequenceLength = v.integer("sequence_length");
        Optional<PresetContext> context = context(model);
        if (sequenceLength.isPresent() && context.isPresent() && context.get().countsTokensIn() && sequenceLength.get() > context.get().tokens()) {
            throw error(v.valueNode("sequence_length"), v.path("sequence_length") + " " + String.format(Locale.ROOT, "%,d", sequenceLength.get())
                    + " exceeds " + window(model, context.get()),
                    "use a sequence length of at most " + String.format(Locale.ROOT, "%,d", context.get().tokens())
                            + ", or set training.model.context_length when the run extends the context with RoPE scaling" + versionTwoHint());
        }
        View datasetView = v.section("dataset").orElseThrow();
        Dataset dataset = dataset(datasetView, model);
        int trials = v.integer("trials").orElseThrow();
        int concurrency = v.integer("concurrency").orElseThrow();
        if (concurrency > trials) {
            throw error(v.valueNode("concurrency"), v.path("concurrency") + " (" + concurrency + ") is above " + v.path("trials") + " (" + trials
                    + "): at most every trial runs at once", "set concurrency to at most " + trials);
        }
        if (concurrency > constraints.maxNodes()) {
            throw error(v.valueNode("concurrency"), v.path("concurrency") + " (" + concurrency + ") trials of at least one node each are above"
                    + " constraints.max_nodes (" + constraints.maxNodes() + ")", "lower concurrency or raise constraints.max_nodes");
        }
        Optional<Workload.Tabular> tabular = tabular(modelView, datasetView, model, dataset);
        return new Training(
                model,
                method,
                dataset,
                sequenceLength,
                v.number("epochs").orElseThrow(),
                v.number("runs_per_month").orElseThrow(),
                v.timeSpan("deadline"),
                v.timeSpan("checkpoint_every"),
                v.bool("interruptible").orElseThrow(),
                v.bool("deadline_hard").orElseThrow(),
                enumValue(Workload.DataPipeline.values(), v.choice("data_pipeline").orElseThrow()),
                trials,
                concurrency,
                tabular,
                v.integer("keep_last").orElseThrow());
    }

    /**
     * A tree or linear model's shape: dataset.rows (required), dataset.features (else dataset.size ÷
     * (rows × 4 B)), and for trees model.rounds and model.depth; those two are errors on other models.
     */
    private Optional<Workload.Tabular> tabular(View model, View dataset, ModelSpec spec, Dataset data) {
        Optional<Architecture> arch = spec.architecture().filter(Architecture::tabular);
        for (String key : List.of("rounds", "depth")) {
            if (model.integer(key).isPresent() && !arch.equals(Optional.of(Architecture.TREE))) {
                throw error(model.valueNode(key), model.path(key) + " applies to boosted trees only", "set " + model.path("architecture") + ": tree");
            }
        }
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        Optional<Double> rows = dataset.value("rows");
        if (rows.isEmpty()) {
            throw error(dataset.owner(), dataset.section.path() + ": missing 'rows' (a " + arch.get().name().toLowerCase(Locale.ROOT)
                    + " model counts its data in rows and features)", "such as rows: 50M, features: 300");
        }
        Optional<Integer> features = dataset.integer("features");
        int derived = (int) Math.max(1, Math.round(data.size().bytes() / (rows.get() * Workload.Tabular.STORED_BYTES_PER_VALUE)));
        return Optional.of(new Workload.Tabular(arch.get(), rows.get(), features.orElse(derived), features.isPresent(),
                model.integer("rounds").orElse(Workload.Tabular.DEFAULT_ROUNDS), model.integer("depth").orElse(Workload.Tabular.DEFAULT_DEPTH)));
    }

    private Dataset dataset(View v, ModelSpec model) {
        DataSize size = new DataSize(v.quantity("size").orElseThrow().value());
        Optional<Double> tokens = v.value("tokens");
        Optional<Double> samples = v.value("samples");
        String location = v.choice("location").orElseThrow();
        Optional<Architecture> arch = model.architecture();
        if (arch.isPresent() && arch.get().tabular()) {
            return new Dataset(size, tokens, samples, location);
        }
        boolean perSample = model.flopsPerSample().isPresent();
        if ((arch.equals(Optional.of(Architecture.CNN)) || perSample) && samples.isEmpty()) {
            String why = perSample ? "the model gives flops_per_sample" : "a cnn model counts its data in samples";
            throw error(v.owner(), v.at + ": missing 'samples' (" + why + ")", "such as samples: 1.28M");
        }
        boolean transformer = arch.equals(Optional.of(Architecture.TRANSFORMER))
                || (arch.isEmpty() && model.preset().isEmpty());
        if (!perSample && transformer && tokens.isEmpty()) {
            throw error(v.owner(), v.at + ": missing 'tokens' (a transformer model counts its data in tokens)",
                    "such as tokens: 2B, or give training.model.flops_per_sample and samples");
        }
        if (tokens.isEmpty() && samples.isEmpty()) {
            throw error(v.owner(), v.at + ": missing 'tokens' or 'samples'",
                    "tokens for transformers, such as 2B; samples for other models, such as 1.28M");
        }
        return new Dataset(size, tokens, samples, location);
    }

    /** A rate as written ("1/s", "100/day"), with its per-second figure (Fmt.sig) when written otherwise or with more digits than that shows. */
    private static String rate(Quantity q) {
        String perSecond = Fmt.sig(q.value()) + "/s";
        String text = q.text().strip();
        return text.equals(perSecond) ? text : text.matches("[0-9.eE+-]+\\s*/s") ? perSecond : text + " = " + perSecond;
    }

    private Inference inference(View v) {
        ModelSpec model = model(v.section("model").orElseThrow());
        View t = v.section("traffic").orElseThrow();
        Quantity average = t.quantity("average").orElseThrow();
        Optional<Quantity> peak = t.quantity("peak");
        if (peak.isPresent() && peak.get().value() < average.value()) {
            throw error(t.valueNode("peak"), v.at + ": traffic.peak (" + rate(peak.get()) + ") is below traffic.average (" + rate(average)
                    + ")", null);
        }
        Traffic traffic = new Traffic(new Rate(average.value()), new Rate(peak.orElse(average).value()),
                enumValue(Workload.Pattern.values(), t.choice("pattern").orElseThrow()));
        Optional<Integer> steps = v.integer("steps");
        Optional<Integer> resolution = v.integer("resolution");
        diffusionOnly(v, model);
        Optional<Integer> tokensIn = v.integer("tokens_in");
        Optional<Integer> tokensOut = v.integer("tokens_out");
        for (String key : List.of("ttft_p99", "tpot_p99")) {
            if (v.has(key) && tokensOut.isEmpty()) {
                throw error(v.valueNode(key), v.path(key) + " applies only to a model that generates tokens; tokens_out is not set",
                        "set inference.tokens_out, such as 256, or use latency_p99 for a one-shot model");
            }
            if (v.has(key) && !generates(model)) {
                throw error(v.valueNode(key), v.path(key) + " applies only to a model that generates tokens; "
                        + model.preset().map(p -> "model preset '" + p + "'").orElse("the model") + " is served one-shot",
                        "use latency_p99, the time of the whole request");
            }
        }
        checkContext(v, model, tokensIn, tokensOut);
        return new Inference(
                model,
                traffic,
                tokensIn,
                tokensOut,
                steps,
                resolution,
                v.timeSpan("latency_p99"),
                enumValue(Availability.values(), v.choice("availability").orElseThrow()),
                v.number("hours_per_day").orElseThrow(),
                v.timeSpan("ttft_p99"),
                v.timeSpan("tpot_p99"),
                v.choice("front").map(f -> enumValue(Workload.Front.values(), f)),
                v.quantity("bytes_per_request").map(q -> new DataSize(q.value())).orElse(Inference.DEFAULT_BYTES_PER_REQUEST));
    }

    /** network, orchestration and observability (issue 20 items 2-3): the key table's defaults where absent. */
    private Workload.Platform platform(View top) {
        Optional<View> net = top.section("network");
        Optional<View> obs = top.section("observability");
        String access = net.flatMap(n -> n.choice("s3_access")).orElse(WorkloadKeys.NETWORK.get("s3_access").defaultValue());
        String orchestration = top.choice("orchestration").orElse(WorkloadKeys.ROOT.get("orchestration").defaultValue());
        Workload.Platform d = Workload.Platform.DEFAULTS;
        return new Workload.Platform(enumValue(Workload.S3Access.values(), access),
                enumValue(Workload.Orchestration.values(), orchestration),
                obs.flatMap(o -> o.quantity("log_bytes_per_request")).map(q -> new DataSize(q.value())).orElse(d.logBytesPerRequest()),
                obs.flatMap(o -> o.timeSpan("retention")).orElse(d.logRetention()));
    }

    /** steps and resolution (of inference or batch) apply only to diffusion presets. */
    private void diffusionOnly(View v, ModelSpec model) {
        for (String key : List.of("steps", "resolution")) {
            if (v.integer(key).isPresent() && (model.preset().isEmpty() || !diffusionPresets.contains(model.preset().get()))) {
                String which = model.preset().isPresent() ? "model preset '" + model.preset().get() + "' is not a diffusion model"
                        : "the model is not a diffusion preset";
                throw error(v.valueNode(key), v.path(key) + " applies only to diffusion presets; " + which,
                        diffusionPresets.isEmpty() ? "remove it" : "remove it, or use one of " + String.join(", ", diffusionPresets));
            }
        }
    }

    /** batch: the model bound as inference's is; steps and resolution checked as inference's are. */
    private Workload.Batch batch(View v) {
        ModelSpec model = model(v.section("model").orElseThrow());
        diffusionOnly(v, model);
        checkContext(v, model, v.integer("tokens_in"), v.integer("tokens_out"));
        boolean speech = model.preset().isPresent() && speechPresets.contains(model.preset().get());
        if (!speechPresets.isEmpty() && v.has("audio_seconds") && !speech) {
            throw error(v.valueNode("audio_seconds"), v.path("audio_seconds") + " applies only to speech presets; "
                    + (model.preset().isPresent() ? "model preset '" + model.preset().get() + "' is not a speech model" : "the model is not a speech preset"),
                    "remove it, or use one of " + String.join(", ", speechPresets));
        }
        if (speech && !v.has("audio_seconds")) {
            throw error(v.owner(), "batch: missing 'audio_seconds' (a speech model's item is audio: its length in seconds)",
                    "such as audio_seconds: 3600 for 1-hour files");
        }
        return new Workload.Batch(
                model,
                v.quantity("items").orElseThrow().value(),
                v.integer("tokens_in"),
                v.integer("tokens_out"),
                v.number("audio_seconds"),
                v.integer("steps"),
                v.integer("resolution"),
                v.timeSpan("deadline"),
                v.number("runs_per_month").orElseThrow(),
                v.bool("interruptible").orElseThrow(),
                v.quantity("input_per_item").map(q -> new DataSize(q.value())),
                v.quantity("output_per_item").map(q -> new DataSize(q.value())));
    }

    private Storage storage(View v) {
        View t = v.sectionOrNull("transfer");
        Transfer transfer = t == null ? Transfer.none() : new Transfer(dataRate(t, "cross_az"), dataRate(t, "cross_region"), dataRate(t, "internet"));
        Storage storage = new Storage(
                new DataSize(v.quantity("data").orElseThrow().value()),
                dataRate(v, "growth"),
                new Rate(v.quantity("reads").orElseThrow().value()),
                new Rate(v.quantity("writes").orElseThrow().value()),
                v.integer("prefixes").orElseThrow(),
                v.value("iops"),
                v.dataRate("throughput"),
                v.integer("shared_by").orElseThrow(),
                enumValue(Access.values(), v.choice("access").orElseThrow()),
                transfer,
                v.string("serves"),
                lifecycle(v));
        if (v.has("serves")) {
            servesNodes.put(storage, v.valueNode("serves"));
            servesPaths.put(storage, v.path("serves"));
        }
        return storage;
    }

    /** The S3 storage classes of storage.lifecycle, from the warmest: S3 transitions only go down this list (S3 lifecycle waterfall). */
    static final List<String> LIFECYCLE_CLASSES = List.of("standard-ia", "intelligent-tiering", "onezone-ia", "glacier-ir", "glacier-flexible",
            "deep-archive");

    /**
     * storage.lifecycle, storage.object_size and storage.objects: transitions ordered by age; a colder class
     * before a warmer one (such as glacier-ir at 30d, standard-ia at 60d) is an error, as S3 refuses it.
     */
    private Workload.Lifecycle lifecycle(View v) {
        Optional<DataSize> objectSize = v.quantity("object_size").map(q -> new DataSize(q.value()));
        Optional<Double> objects = v.value("objects");
        if (objectSize.isPresent() && objects.isPresent()) {
            throw error(v.valueNode("objects"), v.path("objects") + " and " + v.path("object_size") + " are both given", "give one of them");
        }
        View l = v.sectionOrNull("lifecycle");
        if (l == null) {
            return new Workload.Lifecycle(List.of(), objectSize, objects);
        }
        List<Workload.Transition> out = new ArrayList<>();
        for (String cls : LIFECYCLE_CLASSES) {
            String key = cls.replace('-', '_');
            Optional<TimeSpan> after = l.timeSpan(key);
            if (after.isEmpty()) {
                continue;
            }
            double days = after.get().seconds() / 86400.0;
            for (Workload.Transition t : out) {
                if (t.afterDays() >= days) {
                    throw error(l.valueNode(key), l.path(key) + " (" + TimeSpanText.days(days) + ") comes before " + t.storageClass()
                            + " (" + TimeSpanText.days(t.afterDays()) + "): S3 moves objects only to colder classes as they age",
                            "give " + key + " an age above " + TimeSpanText.days(t.afterDays()));
                }
            }
            out.add(new Workload.Transition(days, cls));
        }
        if (out.isEmpty()) {
            throw error(v.valueNode("lifecycle"), v.path("lifecycle") + ": expected at least one transition such as standard_ia: 30d", null);
        }
        return new Workload.Lifecycle(List.copyOf(out), objectSize, objects);
    }

    /** "30 days". */
    private static final class TimeSpanText {
        static String days(double d) {
            return dev.mlplan.util.Fmt.count(d) + (d == 1 ? " day" : " days");
        }
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
        /** The mapping's path in messages: its section's ("training.model"), or with an item index ("training[1].model"). */
        private final String at;
        private final Map<String, Node> values = new HashMap<>();
        private final Map<String, Node> keyNodes = new HashMap<>();

        View(Section section, MappingNode node, Node owner, String at) {
            this.section = section;
            this.node = node;
            this.owner = owner;
            this.at = at;
        }

        Node owner() {
            return owner == null ? node : owner;
        }

        String path(String key) {
            return at.isEmpty() ? key : at + "." + key;
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
            return open(key.section(), value, keyNodes.get(name), path(name));
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
                // free text reaches every report: no control sequences, bidi overrides or CI commands
                return dev.mlplan.util.SafeText.of(text);
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
                refuseOctal(path, node, text);
                double v = decimal(path, node, text).doubleValue();
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
                if (Yaml12.BOOL.matcher(text).matches()) {
                    return text.equalsIgnoreCase("true");
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
        return open(section, node, owner, section.path());
    }

    private View open(Section section, Node node, Node owner, String path) {
        if (!(node instanceof MappingNode mapping)) {
            String where = path.isEmpty() ? "the top level" : path;
            throw error(node, where + ": expected a mapping with keys such as " + examples(section) + ", found " + describe(node), null);
        }
        View view = new View(section, mapping, owner, path);
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            last = keyNode;
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw error(keyNode, "keys must be plain names, found " + describe(keyNode) + " as a key " + where, null);
            }
            String name = scalarKey.getValue();
            if (scalarKey.getTag().equals(Tag.MERGE) || "<<".equals(name)) {
                throw error(keyNode, "merge keys ('<<') are not supported " + where, "write the keys out");
            }
            if (view.values.containsKey(name)) {
                Node first = view.keyNodes.get(name);
                throw error(keyNode, "duplicate key '" + name + "' " + where,
                        "first given at line " + (first.getStartMark().getLine() + 1));
            }
            Optional<Key> known = section.key(name);
            if (known.isEmpty()) {
                throw error(keyNode, "unknown key " + shownKey(name) + " " + where, Suggestions.hint(name, namesFor(section)));
            }
            if (known.get().since() > version) {
                String keyPath = path.isEmpty() ? name : path + "." + name;
                throw error(keyNode, "`" + keyPath + "` needs `version: " + known.get().since() + "`; this file says version: " + version,
                        "write version: " + known.get().since() + " at the top");
            }
            view.values.put(name, tuple.getValueNode());
            view.keyNodes.put(name, keyNode);
        }
        for (Key key : section.keys()) {
            if (key.required() && !view.values.containsKey(key.name())) {
                String prefix = path.isEmpty() ? "" : path + ": ";
                throw error(view.owner(), prefix + "missing required key '" + key.name() + "'", null);
            }
        }
        return view;
    }

    /** The section's keys this file's schema version may use, for "did you mean" and "expected one of". */
    private List<String> namesFor(Section section) {
        List<String> names = new ArrayList<>();
        for (Key k : section.keys()) {
            if (k.since() <= version) {
                names.add(k.name());
            }
        }
        return names;
    }

    private static String shownKey(String name) {
        String q = QuantityParser.quote(name);
        return "'" + q.substring(1, q.length() - 1) + "'";
    }

    /** The section's first two keys of schema version 1, to show what a mapping there looks like. */
    private static String examples(Section section) {
        List<String> names = new ArrayList<>();
        for (Key k : section.keys()) {
            if (k.since() == 1) {
                names.add(k.name());
            }
        }
        return names.size() == 1 ? "'" + names.get(0) + "'" : "'" + names.get(0) + "' and '" + names.get(1) + "'";
    }

    // ---- scalars -------------------------------------------------------------------------------

    private String scalar(Key key, String path, Node node) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            checkJsonType(key, path, s);
            return s.getValue();
        }
        throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
    }

    /** The JSON types of a scalar as an editor reads YAML: the YAML 1.2 core schema (plain scalars only). */
    enum JsonType { STRING, INTEGER, NUMBER, BOOLEAN, NULL, YAML_1_1_BOOLEAN }

    private static final class Yaml12 {
        static final Pattern NULL = Pattern.compile("~|null|Null|NULL");
        static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
        /** True and false to a YAML 1.1 reader (SnakeYAML, Jackson), text to a YAML 1.2 one (the YAML language server). */
        static final Pattern BOOL_1_1 = Pattern.compile("yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF");
        static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
        static final Pattern FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    }

    /**
     * What JSON type a YAML 1.2 reader (the YAML language server in editors, which checks a workload
     * against {@link WorkloadSchema}) gives the scalar: a quoted or block scalar is text, a plain one
     * by the core schema's patterns.
     */
    static JsonType jsonType(ScalarNode s) {
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return JsonType.STRING;
        }
        String v = s.getValue();
        if (Yaml12.NULL.matcher(v).matches()) {
            return JsonType.NULL;
        }
        if (Yaml12.BOOL.matcher(v).matches()) {
            return JsonType.BOOLEAN;
        }
        if (Yaml12.BOOL_1_1.matcher(v).matches()) {
            return JsonType.YAML_1_1_BOOLEAN;
        }
        if (Yaml12.INT.matcher(v).matches()) {
            return JsonType.INTEGER;
        }
        return Yaml12.FLOAT.matcher(v).matches() ? JsonType.NUMBER : JsonType.STRING;
    }

    /**
     * A value is of the key's type as an editor reads it, so that a file the CLI accepts is one the
     * JSON Schema accepts: no number or true/false in quotes ("2"), no text that YAML reads as a
     * number or true/false (name: 2024), no yes/no/on/off, which YAML 1.1 and 1.2 read differently.
     * Other mismatches are left to the key's reader, which refuses them with its own message.
     */
    private void checkJsonType(Key key, String path, ScalarNode s) {
        JsonType type = jsonType(s);
        String want = key.type() == WorkloadKeys.Type.STRING_LIST ? "expected a name" : expected(key);
        boolean text = key.type() == WorkloadKeys.Type.STRING || key.type() == WorkloadKeys.Type.ENUM || key.type() == WorkloadKeys.Type.STRING_LIST;
        if (type == JsonType.YAML_1_1_BOOLEAN && (text || key.type() == WorkloadKeys.Type.BOOLEAN)) {
            throw error(s, path + ": " + want + ", found " + QuantityParser.quote(s.getValue()) + ", which YAML 1.1 reads as true or false"
                    + " and YAML 1.2 as text", key.type() == WorkloadKeys.Type.BOOLEAN ? "write true or false"
                            : "write it in quotes: \"" + s.getValue() + "\"");
        }
        if (text && (type == JsonType.INTEGER || type == JsonType.NUMBER || type == JsonType.BOOLEAN)) {
            throw error(s, path + ": " + want + ", found " + QuantityParser.quote(s.getValue()) + ", which YAML reads as "
                    + (type == JsonType.BOOLEAN ? "true or false" : "a number"), "write it in quotes: \"" + s.getValue() + "\"");
        }
        if (type == JsonType.STRING && s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            JsonType unquoted = jsonType(new ScalarNode(Tag.STR, s.getValue().strip(), s.getStartMark(), s.getEndMark(), DumperOptions.ScalarStyle.PLAIN));
            boolean wouldFit = switch (key.type()) {
                case INTEGER -> unquoted == JsonType.INTEGER;
                case NUMBER -> unquoted == JsonType.INTEGER || unquoted == JsonType.NUMBER;
                case BOOLEAN -> unquoted == JsonType.BOOLEAN;
                default -> false;
            };
            if (wouldFit) {
                throw error(s, path + ": " + want + ", found " + QuantityParser.quote(s.getValue()) + " in quotes, which is text", "remove the quotes");
            }
        }
    }

    private int integer(Key key, String path, Node node) {
        String text = scalar(key, path, node).strip();
        if (text.matches("[-+]?0[xXoO][0-9a-fA-F]+")) {
            throw error(node, path + ": " + expected(key) + " in decimal, found " + QuantityParser.quote(text) + " (hexadecimal or octal)", null);
        }
        if (!INTEGER.matcher(text).matches()) {
            throw error(node, path + ": " + expected(key) + ", found " + describe(node), null);
        }
        refuseOctal(path, node, text);
        BigDecimal value = decimal(path, node, text);
        if (value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            checkBound(key, path, node, value.doubleValue(), text);
            throw error(node, path + ": " + QuantityParser.quote(text) + " is too large", null);
        }
        int v = value.intValueExact();
        checkBound(key, path, node, v, text);
        return v;
    }

    /** YAML 1.1 reads 017 as octal 15, other tools as 17: a whole number with a leading zero is refused rather than guessed. */
    private void refuseOctal(String path, Node node, String text) {
        if (LEADING_ZERO.matcher(text).matches()) {
            throw error(node, path + ": " + QuantityParser.quote(text) + " starts with a zero, which YAML 1.1 reads as octal",
                    "write it without the leading zero");
        }
    }

    private BigDecimal decimal(String path, Node node, String text) {
        try {
            return QuantityParser.decimal(text, text);
        } catch (QuantityException e) {
            throw error(node, path + ": " + e.problem(), e.hint().orElse(null));
        }
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
            checkJsonType(key, path + "[" + i + "]", s);
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
