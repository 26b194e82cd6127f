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
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema (draft 2020-12) of workload YAML schema versions 1 and 2, generated from the same
 * key tables the parser checks against. A part that version 2 allows as a list ({@code training},
 * {@code inference}, {@code storage}) is an object or a non-empty array of such objects, each with a
 * {@code name}. Rules that span keys (peak at least average, tokens or samples by architecture,
 * known presets being case-insensitive, names unique within the file, a version-1 file using a key
 * marked "since version 2") are checked only by the parser.
 */
public final class WorkloadSchema {
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID = "https://mlplan.dev/schema/workload-v1.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private WorkloadSchema() {}

    /** The schema, without preset names. */
    public static ObjectNode schema() {
        return schema(Set.of());
    }

    /** The schema, listing {@code presetNames} as examples of {@code preset}. */
    public static ObjectNode schema(Collection<String> presetNames) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", ID);
        root.put("title", "mlplan workload");
        ObjectNode body = section(WorkloadKeys.ROOT, new TreeSet<>(presetNames));
        root.setAll(body);
        ArrayNode anyOf = root.putArray("anyOf");
        for (String part : List.of("training", "inference", "batch", "storage")) {
            anyOf.addObject().putArray("required").add(part);
        }
        return root;
    }

    /** The schema as indented JSON text ending in a newline. */
    public static String text() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the workload schema", e);
        }
    }

    private static ObjectNode section(Section section, Set<String> presets) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        node.put("description", section.description());
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Key key : section.keys()) {
            properties.set(key.name(), key(key, presets));
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

    private static ObjectNode key(Key key, Set<String> presets) {
        ObjectNode node = switch (key.type()) {
            case SECTION -> key.listable() ? listable(section(key.section(), presets)) : section(key.section(), presets);
            case STRING -> {
                ObjectNode n = JSON.objectNode().put("type", "string");
                if (key.pattern() != null) {
                    n.put("pattern", key.pattern());
                }
                if (key.name().equals("preset") && !presets.isEmpty()) {
                    ArrayNode examples = n.putArray("examples");
                    presets.forEach(examples::add);
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
                if (key.pattern() != null) {
                    items.put("pattern", key.pattern());
                }
                if (!key.values().isEmpty()) {
                    key.values().forEach(items.putArray("enum")::add);
                }
                n.put("uniqueItems", true);
                if (key.bound().hasMin()) {
                    n.put("minItems", (int) key.bound().min());
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
        n.put("pattern", QuantityParser.pattern(dimension, key.plainNumber()));
        n.putArray("examples").add(key.shownExample());
        return n;
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
