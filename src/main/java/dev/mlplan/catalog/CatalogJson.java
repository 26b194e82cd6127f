package dev.mlplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes the catalog file format (JSON, {@link CatalogDocument}). Writes are atomic. */
public final class CatalogJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CatalogJson() {}

    /** Reads a catalog. */
    public static CatalogDocument read(InputStream in, String name) {
        try {
            CatalogDocument doc = MAPPER.readValue(in, CatalogDocument.class);
            if (doc == null) {
                throw new CatalogException("catalog " + name + " is empty");
            }
            if (doc.formatVersion() != CatalogDocument.FORMAT_VERSION) {
                throw new CatalogException("catalog " + name + " has format version " + doc.formatVersion()
                        + "; this mlplan reads version " + CatalogDocument.FORMAT_VERSION);
            }
            return doc;
        } catch (JsonProcessingException e) {
            throw new CatalogException("catalog " + name + " is not a valid mlplan catalog: " + describe(e) + locationOf(e), e);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog " + name + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's message in catalog terms: where in the document (prices[12][3]) and what, without Jackson's class names and hints. */
    static String describe(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("No content to map")) {
            return "the file is empty";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            m = "unknown field '" + u.getPropertyName() + "'";
        } else if (m.startsWith("Cannot map `null`")) {
            m = "missing or null value";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            m = "expected " + f.getTargetType().getSimpleName() + ", found " + f.getValue();
        } else {
            m = m.replaceAll("`(?:[a-z]+\\.)+([A-Za-z]+)`", "$1").replaceAll(" \\(token `JsonToken\\.[A-Z_]+`\\)", "");
            int hint = m.indexOf(" (set DeserializationConfig");
            m = hint > 0 ? m.substring(0, hint) : m;
        }
        String path = e instanceof JsonMappingException d ? pathOf(d) : "";
        if (e instanceof UnrecognizedPropertyException u && path.endsWith(u.getPropertyName())) {
            path = path.substring(0, path.length() - u.getPropertyName().length()).replaceAll("\\.$", "");
        }
        return path.isEmpty() ? m : path + ": " + m;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /**
     * The catalog as JSON with one record per line: compact enough to load fast, and line-oriented so
     * that a diff of two catalogs shows which figures changed.
     */
    public static String toJson(CatalogDocument doc) {
        try {
            StringBuilder sb = new StringBuilder(8 << 20).append("{\n");
            RecordComponent[] fields = CatalogDocument.class.getRecordComponents();
            for (int i = 0; i < fields.length; i++) {
                RecordComponent f = fields[i];
                Object value = f.getAccessor().invoke(doc);
                sb.append("  ").append(MAPPER.writeValueAsString(f.getName())).append(": ");
                if (value instanceof List<?> list) {
                    sb.append("[");
                    for (int j = 0; j < list.size(); j++) {
                        sb.append(j == 0 ? "\n    " : ",\n    ").append(MAPPER.writeValueAsString(list.get(j)));
                    }
                    sb.append(list.isEmpty() ? "]" : "\n  ]");
                } else {
                    sb.append(MAPPER.writeValueAsString(value));
                }
                sb.append(i + 1 < fields.length ? ",\n" : "\n");
            }
            return sb.append("}\n").toString();
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot serialise catalog " + doc.id() + ": " + e.getOriginalMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read catalog fields", e);
        }
    }

    /** Writes the catalog to {@code target} atomically: a temporary file beside it, then a rename. */
    public static void write(CatalogDocument doc, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            dev.mlplan.util.AtomicFiles.write(target, toJson(doc).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogException("cannot write catalog to " + target + ": " + e.getMessage(), e);
        }
    }
}
