package dev.mlplan.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlplan.workload.QuantityParser.Dimension;
import dev.mlplan.workload.WorkloadKeys.Bound;
import dev.mlplan.workload.WorkloadKeys.Key;
import dev.mlplan.workload.WorkloadKeys.Section;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema (draft 2020-12) of workload YAML schema versions 1 and 2, generated from the same
 * key tables the parser checks against. A part that version 2 allows as a list ({@code training},
 * {@code inference}, {@code storage}) is an object or a non-empty array of such objects, each with a
 * {@code name}; a file that says {@code version: 1} may use neither lists nor the keys marked "since
 * schema version 2". Given a {@link Vocabulary}, the preset names, catalog regions (with {@code any},
 * alone) and local accelerators are enums, so that the schema accepts what {@code mlplan validate}
 * accepts wherever JSON Schema can say it; {@link #UNEXPRESSED} lists the rules it cannot say.
 */
public final class WorkloadSchema {
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    /** Where the published schema lives: schema/mlplan-workload.schema.json in the repository. */
    public static final String ID = "https://mlplan.dev/schema/mlplan-workload.schema.json";

    /**
     * The names the schema lists as enums: model presets, catalog regions and accelerators. Empty
     * sets leave a preset any non-blank text and a region any region-shaped code.
     */
    public record Vocabulary(Collection<String> presets, Collection<String> regions, Collection<String> accelerators) {
        public static final Vocabulary NONE = new Vocabulary(Set.of(), Set.of(), Set.of());

        public Vocabulary {
            presets = new TreeSet<>(presets);
            regions = new TreeSet<>(regions);
            accelerators = new TreeSet<>(accelerators);
        }
    }

    /**
     * The rules {@code mlplan validate} checks that this schema does not: they span keys, depend on
     * what a preset is, or bound a quantity written with a unit. The schema-parity test shows each
     * with a document the schema accepts and validate refuses; docs/workload-reference.md lists them.
     */
    public static final List<String> UNEXPRESSED = List.of(
            "inference.traffic.peak is at least traffic.average (quantities with units)",
            "local.idle_power is at most local.power (quantities with units)",
            "model.kv_heads is at most model.heads",
            "training.concurrency is at most training.trials and at most constraints.max_nodes",
            "constraints.pricing lists spot exactly when constraints.allow_spot (written) is true",
            "constraints.families: a family is not both included and excluded",
            "item names are unique within the file, and storage.serves names a training, inference or batch item",
            "model: preset or parameters is given (or architecture tree or linear, in training only)",
            "training.dataset: tokens or samples as the model's kind needs, rows for tree and linear models",
            "model.rounds and model.depth only with architecture: tree",
            "tokens_in + tokens_out, and training.sequence_length, fit the model's context window (a preset's, or context_length)",
            "steps and resolution only with diffusion presets; batch.audio_seconds with, and only with, speech presets",
            "ttft_p99 and tpot_p99 only with tokens_out and a model that generates tokens",
            "the largest value of a quantity written with a unit (such as budget.monthly at most 10000000000 USD);"
                    + " a bare number's range is in the schema",
            "preset names and accelerator names match ignoring case (accelerators also ignoring '-' and spaces);"
                    + " the schema lists the lowercase spellings",
            "whole numbers are written in decimal: 0x10 and 0o20, numbers to YAML, are refused",
            "yes, no, on and off are refused in quotes-free form: YAML 1.1 readers take them for true and false, YAML 1.2"
                    + " readers (editors) for text; write true or false, or the text in quotes");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WorkloadSchema() {}

    /** The schema, without preset, region or accelerator names. */
    public static ObjectNode schema() {
        return schema(Vocabulary.NONE);
    }

    /** The schema, with the names of {@code names} as enums. */
    public static ObjectNode schema(Vocabulary names) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", ID);
        root.put("title", "mlplan workload");
        ObjectNode body = section(WorkloadKeys.ROOT, names);
        root.setAll(body);
        ArrayNode anyOf = root.putArray("anyOf");
        for (String part : List.of("training", "inference", "batch", "storage")) {
            anyOf.addObject().putArray("required").add(part);
        }
        // a version-1 file: no part as a list, no key marked "since schema version 2"
        ObjectNode versionOne = root.putObject("if");
        versionOne.putObject("properties").putObject("version").put("const", 1);
        versionOne.putArray("required").add("version");
        root.putObject("then").set("properties", versionOneProperties(WorkloadKeys.ROOT));
        return root;
    }

    /** The schema as indented JSON text ending in a newline. */
    public static String text() {
        return text(Vocabulary.NONE);
    }

    /** The schema with {@code names} as indented JSON text ending in a newline: what {@code mlplan schema} prints. */
    public static String text(Vocabulary names) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema(names)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the workload schema", e);
        }
    }

    /**
     * What a version-1 file may not hold, below {@code section}: each key marked since version 2 as
     * {@code false}, a listable part as an object only.
     */
    private static ObjectNode versionOneProperties(Section section) {
        ObjectNode properties = JSON.objectNode();
        for (Key key : section.keys()) {
            if (key.since() > 1) {
                properties.put(key.name(), false);
            } else if (key.type() == WorkloadKeys.Type.SECTION) {
                ObjectNode inner = versionOneProperties(key.section());
                if (key.listable() || !inner.isEmpty()) {
                    ObjectNode sub = properties.putObject(key.name());
                    if (key.listable()) {
                        sub.put("type", "object");
                    }
                    if (!inner.isEmpty()) {
                        sub.set("properties", inner);
                    }
                }
            }
        }
        return properties;
    }

    private static ObjectNode section(Section section, Vocabulary names) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        node.put("description", section.description());
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Key key : section.keys()) {
            properties.set(key.name(), key(section, key, names));
            if (key.required()) {
                required.add(key.name());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        node.put("additionalProperties", false);
        return node;
    }

    private static ObjectNode key(Section section, Key key, Vocabulary names) {
        ObjectNode node = switch (key.type()) {
            case SECTION -> key.listable() ? listable(section(key.section(), names)) : section(key.section(), names);
            case STRING -> {
                ObjectNode n = JSON.objectNode().put("type", "string");
                Collection<String> known = key.name().equals("preset") ? names.presets()
                        : section == WorkloadKeys.LOCAL && key.name().equals("accelerator") ? lowercase(names.accelerators()) : List.of();
                if (!known.isEmpty()) {
                    known.forEach(n.putArray("enum")::add);
                } else if (key.pattern() != null) {
                    n.put("pattern", key.pattern());
                }
                yield n;
            }
            case INTEGER -> bounds(JSON.objectNode().put("type", "integer"), key.bound());
            case NUMBER -> bounds(JSON.objectNode().put("type", "number"), key.bound());
            case BOOLEAN -> JSON.objectNode().put("type", "boolean");
            case ENUM -> {
                ObjectNode n = JSON.objectNode().put("type", "string");
                ArrayNode values = n.putArray("enum");
                key.values().forEach(values::add);
                yield n;
            }
            case STRING_LIST -> {
                ObjectNode n = JSON.objectNode().put("type", "array");
                ObjectNode items = n.putObject("items").put("type", "string");
                boolean regions = section == WorkloadKeys.ROOT && key.name().equals("regions");
                if (regions && !names.regions().isEmpty()) {
                    names.regions().forEach(items.putArray("enum")::add);
                    items.withArray("enum").add(Workload.ANY_REGION);
                } else if (key.pattern() != null) {
                    items.put("pattern", key.pattern());
                }
                if (!key.values().isEmpty()) {
                    key.values().forEach(items.putArray("enum")::add);
                }
                n.put("uniqueItems", true);
                if (key.bound().hasMin()) {
                    n.put("minItems", (int) key.bound().min());
                }
                if (regions) {
                    // "any" only alone
                    n.putObject("if").putObject("contains").put("const", Workload.ANY_REGION);
                    n.putObject("then").put("maxItems", 1);
                }
                yield n;
            }
            case QUANTITY -> quantity(key);
        };
        if (key.type() != WorkloadKeys.Type.SECTION) {
            ObjectNode described = JSON.objectNode();
            described.put("description", key.description() + since(key.since()));
            described.setAll(node);
            node = described;
        }
        if (key.defaultValue() != null) {
            node.set("default", defaultValue(key));
        }
        return node;
    }

    /** " Since schema version 2." for a key a version-1 file may not use; empty for the first keys. */
    static String since(int version) {
        return version > 1 ? " Since schema version " + version + "." : "";
    }

    /**
     * One mapping, or (schema version 2) a non-empty list of them, each with a name: the object's
     * keywords apply to an object and {@code items} to an array.
     */
    private static ObjectNode listable(ObjectNode object) {
        ObjectNode node = JSON.objectNode();
        node.putArray("type").add("object").add("array");
        node.put("description", object.get("description").asText() + " One mapping, or from schema version 2 a list of them, each with a"
                + " name unique within the file.");
        object.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("type") && !e.getKey().equals("description")) {
                node.set(e.getKey(), e.getValue());
            }
        });
        node.put("minItems", 1);
        // an item is the section's own object, with its name required (not a reference to this object-or-array node)
        ObjectNode items = object.deepCopy();
        ArrayNode required = items.has("required") ? (ArrayNode) items.get("required") : items.putArray("required");
        required.add("name");
        node.set("items", items);
        return node;
    }

    private static ObjectNode quantity(Key key) {
        Dimension dimension = key.dimension();
        boolean plain = key.plainNumber() || dimension == Dimension.COUNT || dimension == Dimension.FLOPS
                || dimension == Dimension.FRACTION;
        ObjectNode n = JSON.objectNode();
        if (plain) {
            n.putArray("type").add("string").add("number");
            // numeric keywords apply only to bare numbers, which are in the base unit
            bounds(n, key.bound());
        } else {
            n.put("type", "string");
        }
        String pattern = QuantityParser.pattern(dimension, key.plainNumber());
        if (key.bound().hasMin() && key.bound().min() == 0 && key.bound().minExclusive()) {
            // greater than 0: no zero written in any unit ("0 GB", "0.0", "$0", "0e3/s")
            pattern = "^(?!\\s*\\$?\\s*\\+?[0.]+(?:[eE][+-]?[0-9]+)?(?![0-9.]))" + pattern.substring(1);
        }
        n.put("pattern", pattern);
        n.putArray("examples").add(key.shownExample());
        return n;
    }

    private static List<String> lowercase(Collection<String> names) {
        return names.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    private static ObjectNode bounds(ObjectNode n, Bound bound) {
        if (bound.hasMin()) {
            n.set(bound.minExclusive() ? "exclusiveMinimum" : "minimum", jsonNumber(bound.min()));
        }
        if (bound.hasMax()) {
            n.set(bound.maxExclusive() ? "exclusiveMaximum" : "maximum", jsonNumber(bound.max()));
        }
        return n;
    }

    private static JsonNode jsonNumber(double v) {
        return v == Math.rint(v) ? JSON.numberNode((long) v) : JSON.numberNode(v);
    }

    private static JsonNode defaultValue(Key key) {
        String text = key.defaultValue();
        return switch (key.type()) {
            case BOOLEAN -> JSON.booleanNode(Boolean.parseBoolean(text));
            case INTEGER -> JSON.numberNode(Integer.parseInt(text));
            case NUMBER -> JSON.numberNode(Double.parseDouble(text));
            case STRING_LIST -> {
                ArrayNode list = JSON.arrayNode();
                WorkloadKeys.listDefault(text).forEach(list::add);
                yield list;
            }
            default -> JSON.textNode(text);
        };
    }
}
