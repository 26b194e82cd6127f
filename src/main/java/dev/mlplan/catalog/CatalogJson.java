package dev.mlplan.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes the catalog file format (JSON, {@link CatalogDocument}). Writes are atomic. */
public final class CatalogJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CatalogJson() {}

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
            throw new CatalogException("catalog " + name + " is not a valid mlplan catalog: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog " + name + ": " + e.getMessage(), e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    public static String toJson(CatalogDocument doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot serialise catalog " + doc.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the catalog to {@code target} atomically: a temporary file beside it, then a rename. */
    public static void write(CatalogDocument doc, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                MAPPER.writeValue(out, doc);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CatalogException("cannot write catalog to " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the rename succeeded or the write failed; nothing more to do
                }
            }
        }
    }
}
