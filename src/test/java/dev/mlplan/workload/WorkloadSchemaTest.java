package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlplan.workload.WorkloadKeys.Key;
import dev.mlplan.workload.WorkloadKeys.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class WorkloadSchemaTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/workload-schema.json");

    private final ObjectNode schema = WorkloadSchema.schema();

    @Test
    void isDraft202012WithClosedObjectsEverywhere() {
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(schema, objects);
        assertThat(objects).hasSize(19); // 16, storage.lifecycle (issue 20 item 5), network and observability (issue 20 items 2, 3)
        assertThat(objects).allSatisfy(o -> assertThat(o.get("additionalProperties").asBoolean(true)).isFalse());
    }

    @Test
    void propertiesComeFromTheParsersKeyTables() {
        assertSection(schema, WorkloadKeys.ROOT);
        assertThat(schema.at("/properties/training/properties/model/properties/precision/default").asText()).isEqualTo("bf16");
        assertThat(schema.at("/properties/inference/properties/model/properties/precision/default").asText()).isEqualTo("fp16");
        assertThat(schema.at("/properties/constraints/properties/max_nodes/maximum").asInt()).isEqualTo(1024);
        assertThat(schema.at("/properties/training/required").toString()).isEqualTo("[\"model\",\"dataset\"]");
        assertThat(schema.at("/anyOf").toString())
                .isEqualTo("[{\"required\":[\"training\"]},{\"required\":[\"inference\"]},{\"required\":[\"batch\"]},{\"required\":[\"storage\"]}]");
    }

    private static void assertSection(JsonNode node, Section section) {
        List<String> names = new ArrayList<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).as(section.where()).containsExactlyElementsOf(section.names());
        for (Key key : section.keys()) {
            if (key.section() != null) {
                assertSection(node.get("properties").get(key.name()), key.section());
            }
        }
    }

    @Test
    void theDesignExampleValidates() {
        Object document = load(WorkloadParserTest.designExample());
        assertThat(validate(schema, document, "")).isEmpty();
    }

    @Test
    void unknownKeysAndBadUnitsDoNotValidate() {
        assertThat(validate(schema, load("version: 1\nname: x\nstorage: {data: 1 GB, colour: red}\n"), ""))
                .containsExactly("/storage: unexpected property colour");
        assertThat(validate(schema, load("version: 1\nname: x\nstorage: {data: 12 hrs}\n"), ""))
                .singleElement().asString().startsWith("/storage/data: \"12 hrs\" does not match");
        assertThat(validate(schema, load("version: 1\nname: x\n"), "")).containsExactly("/: none of anyOf matched");
        assertThat(validate(schema, load("version: 3\nname: x\nstorage: {data: 1 GB}\n"), "")).containsExactly("/version: 3 above 2");
    }

    @Test
    void aPartIsOneMappingOrANonEmptyListOfNamedOnes() {
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: [{name: a, data: 1 GB}, {name: b, data: 2 GB}]\n"), "")).isEmpty();
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: {name: a, data: 1 GB}\n"), "")).isEmpty();
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: [{data: 1 GB}]\n"), "")).containsExactly("/storage/0: missing name");
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: []\n"), "")).containsExactly("/storage: too few items");
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: [{name: a, data: 1 GB, colour: red}]\n"), ""))
                .containsExactly("/storage/0: unexpected property colour");
        assertThat(validate(schema, load("version: 2\nname: x\nstorage: [[{name: a, data: 1 GB}]]\n"), "")).isNotEmpty();
    }

    /** Every example workload, batch-only ones included, validates against the schema it names. */
    @Test
    void everyExampleWorkloadValidates() throws IOException {
        try (var files = Files.list(Path.of("workloads"))) {
            List<Path> yamls = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yamls).hasSizeGreaterThan(20);
            for (Path f : yamls) {
                assertThat(validate(schema, load(Files.readString(f, StandardCharsets.UTF_8)), "")).as(f.toString()).isEmpty();
            }
        }
    }

    /** Every default in the key tables is valid under its own schema and parses with the parser. */
    @Test
    void defaultsAreValid() {
        List<JsonNode> withDefaults = new ArrayList<>();
        collectDefaults(schema, withDefaults);
        assertThat(withDefaults).hasSizeGreaterThan(20);
        for (JsonNode node : withDefaults) {
            Object value = load(node.get("default").toString());
            assertThat(validate(node, value, "")).as(node.toString()).isEmpty();
        }
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String text = WorkloadSchema.text();
        if (Boolean.getBoolean("mlplan.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void presetsRegionsAndAcceleratorsAreEnums() {
        ObjectNode named = WorkloadSchema.schema(new WorkloadSchema.Vocabulary(Set.of("llama-2-7b", "bert-base"), Set.of("us-east-1", "eu-west-1"),
                Set.of("RTX-4090")));
        assertThat(named.at("/properties/training/properties/model/properties/preset/enum").toString())
                .isEqualTo("[\"bert-base\",\"llama-2-7b\"]");
        assertThat(named.at("/properties/regions/items/enum").toString()).isEqualTo("[\"eu-west-1\",\"us-east-1\",\"any\"]");
        assertThat(named.at("/properties/regions/then/maxItems").asInt()).isEqualTo(1);
        assertThat(named.at("/properties/local/properties/accelerator/enum").toString()).isEqualTo("[\"rtx-4090\"]");
    }

    private static Object load(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    private static void collectObjects(JsonNode node, List<JsonNode> out) {
        if ("object".equals(node.path("type").asText()) || node.path("type").toString().contains("\"object\"")) {
            out.add(node);
        }
        node.path("properties").forEach(child -> collectObjects(child, out));
    }

    private static void collectDefaults(JsonNode node, List<JsonNode> out) {
        if (node.has("default")) {
            out.add(node);
        }
        node.path("properties").forEach(child -> collectDefaults(child, out));
    }

    /** A small validator for the keywords WorkloadSchema uses; returns the violations. */
    static List<String> validate(JsonNode schema, Object value, String path) {
        List<String> errors = new ArrayList<>();
        if (schema.has("$ref")) {
            // a pointer into the workload schema itself ("#/properties/training"), beside the node's other keywords
            ObjectNode merged = ((ObjectNode) WorkloadSchema.schema().at(schema.get("$ref").asText().substring(1))).deepCopy();
            schema.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            schema = merged;
        }
        String at = path.isEmpty() ? "/" : path;
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": " + value + " is not " + schema.get("type"));
            return errors;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.asText().equals(String.valueOf(value));
            }
            if (!found) {
                errors.add(at + ": " + value + " not in enum");
            }
        }
        if (value instanceof String s && schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
            errors.add(at + ": \"" + s + "\" does not match " + schema.get("pattern").asText());
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
                errors.add(at + ": " + value + " below " + schema.get("minimum"));
            }
            if (schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").asDouble()) {
                errors.add(at + ": " + value + " not above " + schema.get("exclusiveMinimum"));
            }
            if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
                errors.add(at + ": " + value + " above " + schema.get("maximum"));
            }
        }
        if (value instanceof List<?> list) {
            if (schema.has("minItems") && list.size() < schema.get("minItems").asInt()) {
                errors.add(at + ": too few items");
            }
            if (schema.path("uniqueItems").asBoolean() && new HashSet<>(list).size() != list.size()) {
                errors.add(at + ": duplicate items");
            }
            for (int i = 0; i < list.size(); i++) {
                errors.addAll(validate(schema.get("items"), list.get(i), path + "/" + i));
            }
        }
        if (value instanceof Map<?, ?> map) {
            for (JsonNode r : schema.path("required")) {
                if (!map.containsKey(r.asText())) {
                    errors.add(at + ": missing " + r.asText());
                }
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                JsonNode property = schema.path("properties").get(String.valueOf(e.getKey()));
                if (property == null) {
                    if (!schema.path("additionalProperties").asBoolean(true)) {
                        errors.add(at + ": unexpected property " + e.getKey());
                    }
                } else {
                    errors.addAll(validate(property, e.getValue(), path + "/" + e.getKey()));
                }
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (Iterator<JsonNode> it = schema.get("anyOf").elements(); it.hasNext(); ) {
                any |= validate(it.next(), value, path).isEmpty();
            }
            if (!any) {
                errors.add(at + ": none of anyOf matched");
            }
        }
        return errors;
    }

    private static boolean typeMatches(JsonNode type, Object value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> false;
        };
    }
}
