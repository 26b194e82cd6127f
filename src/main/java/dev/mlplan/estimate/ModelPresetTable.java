package dev.mlplan.estimate;

import dev.mlplan.util.StartupResources;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mlplan.estimate.ModelPreset.Role;
import dev.mlplan.util.BuildOutputs;
import dev.mlplan.workload.Workload.Architecture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the model presets. Their one source is {@value #RESOURCE} (committed, reviewed, each row with
 * its source); the build also writes them as a tab-separated table, {@value #TABLE}
 * ({@code dev.mlplan.build.ModelPresetTableFile}), which a start reads without Jackson: Jackson's first
 * use cost 7–15 ms of every cold {@code recommend} (docs/performance.md). The table holds exactly what
 * the JSON holds ({@code ModelPresetTableTest}); when it is missing, unreadable or older than the JSON
 * beside it (an IDE's build, {@code mvn compile}), the JSON is read.
 *
 * <p>Table layout: a comment line naming the JSON's length in bytes, a header line with the record's
 * field names, then one line per preset, fields separated by tabs, numbers as {@link Double#toString}
 * or integers, enum constants by name.
 */
public final class ModelPresetTable {
    static final String RESOURCE = ModelPresets.RESOURCE;
    static final String TABLE = "/dev/mlplan/estimate/model-presets.tsv";
    static final String HEADER = "name\tarchitecture\trole\tparameters\tactiveParameters\tlayers\thidden\theads\tkvHeads\tvocabulary"
            + "\tcontextLength\tforwardFlopsPerSample\tpassesPerRequest\ttrainingActivationBytesPerSample\ttrainingMicroBatch"
            + "\tdefaultTokensIn\tsource";
    private static final String LENGTH_PREFIX = "# model presets from " + RESOURCE + " of bytes: ";

    private ModelPresetTable() {}

    /** The presets: from the build's table when it is current, else from the JSON. */
    static Map<String, ModelPreset> load() {
        try {
            StartupResources.Resource table = StartupResources.read(TABLE);
            if (table != null) {
                String text = new String(table.bytes(), StandardCharsets.UTF_8);
                if (table.url() == null || isCurrent(table.url(), text)) {
                    return readTable(text);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a table that cannot be read is only slower: the JSON is the source
        }
        return readJson();
    }

    /** The table's text for the presets of the JSON resource (the build step writes it). */
    public static String tableFromJson() {
        return toTable(readJson(), jsonBytes());
    }

    private static long jsonBytes() {
        try (InputStream in = ModelPresetTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model preset table " + RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes().length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model preset table " + RESOURCE, e);
        }
    }

    static String toTable(Map<String, ModelPreset> presets, long jsonBytes) {
        StringBuilder sb = new StringBuilder();
        sb.append(LENGTH_PREFIX).append(jsonBytes).append('\n').append(HEADER).append('\n');
        for (ModelPreset p : presets.values()) {
            Object[] fields = {p.name(), p.architecture().name(), p.role().name(), p.parameters(), p.activeParameters(), p.layers(), p.hidden(),
                p.heads(), p.kvHeads(), p.vocabulary(), p.contextLength(), p.forwardFlopsPerSample(), p.passesPerRequest(),
                p.trainingActivationBytesPerSample(), p.trainingMicroBatch(), p.defaultTokensIn(), p.source()};
            for (int i = 0; i < fields.length; i++) {
                String f = String.valueOf(fields[i]);
                if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("model preset '" + p.name() + "': a tab or line break in '" + f + "'");
                }
                sb.append(i > 0 ? "\t" : "").append(f);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException when the text is not such a table */
    static Map<String, ModelPreset> readTable(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].startsWith(LENGTH_PREFIX) || !lines[1].equals(HEADER)) {
            throw new IllegalArgumentException("not a model preset table");
        }
        Map<String, ModelPreset> byName = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 17) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + f.length + " fields, not 17");
            }
            ModelPreset p = new ModelPreset(f[0], Architecture.valueOf(f[1]), Role.valueOf(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                    Integer.parseInt(f[9]), Integer.parseInt(f[10]), Double.parseDouble(f[11]), Integer.parseInt(f[12]),
                    Double.parseDouble(f[13]), Integer.parseInt(f[14]), Integer.parseInt(f[15]), f[16]);
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("model preset '" + p.name() + "' appears twice");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Whether the table holds what the JSON beside it holds ({@link BuildOutputs}). */
    static boolean isCurrent(URL table, String text) {
        return BuildOutputs.isCurrent(ModelPresetTable.class.getResource(RESOURCE), table, namedLength(text));
    }

    /** A table file is current when it names the JSON file's length and is not older than it. */
    static boolean isCurrent(Path jsonFile, Path tableFile, String text) {
        return BuildOutputs.isCurrent(jsonFile, tableFile, namedLength(text));
    }

    /** The JSON length the table's first line names, or -1. */
    private static long namedLength(String text) {
        int end = text.indexOf('\n');
        if (!text.startsWith(LENGTH_PREFIX) || end < 0) {
            return -1;
        }
        try {
            return Long.parseLong(text.substring(LENGTH_PREFIX.length(), end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Reads the JSON with Jackson's streaming parser: data binding would cost some 75 ms of start-up
     * for 21 rows (docs/performance.md). Strict like data binding: an unknown field is an error.
     */
    static Map<String, ModelPreset> readJson() {
        try (InputStream in = ModelPresets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model preset table " + RESOURCE + " is missing from the classpath");
            }
            Map<String, ModelPreset> byName = new LinkedHashMap<>();
            try (JsonParser p = new JsonFactory().createParser(in)) {
                expect(p, p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "note" -> expect(p, value, JsonToken.VALUE_STRING);
                        case "presets" -> {
                            expect(p, value, JsonToken.START_ARRAY);
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                ModelPreset preset = readPreset(p);
                                if (byName.put(preset.name(), preset) != null) {
                                    throw new IllegalStateException("model preset '" + preset.name() + "' appears twice in " + RESOURCE);
                                }
                            }
                        }
                        default -> throw new IllegalStateException(RESOURCE + ": unknown field '" + field + "' at " + p.currentLocation());
                    }
                }
            }
            return Collections.unmodifiableMap(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model preset table " + RESOURCE, e);
        }
    }

    /** One row, the parser on its START_OBJECT; fields not given are 0 (or null for text). */
    private static ModelPreset readPreset(JsonParser p) throws IOException {
        String name = null;
        String source = null;
        Architecture architecture = null;
        Role role = null;
        double parameters = 0;
        double activeParameters = 0;
        double forwardFlops = 0;
        double activationBytes = 0;
        int layers = 0;
        int hidden = 0;
        int heads = 0;
        int kvHeads = 0;
        int vocabulary = 0;
        int context = 0;
        int passes = 0;
        int microBatch = 0;
        int tokensIn = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString();
                case "source" -> source = p.getValueAsString();
                case "architecture" -> architecture = Architecture.valueOf(p.getValueAsString());
                case "role" -> role = Role.valueOf(p.getValueAsString());
                case "parameters" -> parameters = p.getDoubleValue();
                case "activeParameters" -> activeParameters = p.getDoubleValue();
                case "forwardFlopsPerSample" -> forwardFlops = p.getDoubleValue();
                case "trainingActivationBytesPerSample" -> activationBytes = p.getDoubleValue();
                case "layers" -> layers = p.getIntValue();
                case "hidden" -> hidden = p.getIntValue();
                case "heads" -> heads = p.getIntValue();
                case "kvHeads" -> kvHeads = p.getIntValue();
                case "vocabulary" -> vocabulary = p.getIntValue();
                case "contextLength" -> context = p.getIntValue();
                case "passesPerRequest" -> passes = p.getIntValue();
                case "trainingMicroBatch" -> microBatch = p.getIntValue();
                case "defaultTokensIn" -> tokensIn = p.getIntValue();
                default -> throw new IllegalStateException(RESOURCE + ": unknown field '" + field + "' at " + p.currentLocation());
            }
        }
        if (name == null || architecture == null || role == null || source == null) {
            throw new IllegalStateException(RESOURCE + ": a preset lacks name, architecture, role or source, before " + p.currentLocation());
        }
        return new ModelPreset(name, architecture, role, parameters, activeParameters, layers, hidden, heads, kvHeads, vocabulary, context,
                forwardFlops, passes, activationBytes, microBatch, tokensIn, source);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException(RESOURCE + ": expected " + expected + " but found " + actual + " at " + p.currentLocation());
        }
    }
}
