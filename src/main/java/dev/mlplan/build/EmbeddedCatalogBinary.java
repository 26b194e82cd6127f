package dev.mlplan.build;

import dev.mlplan.catalog.CatalogBinary;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: writes the binary form ({@link CatalogBinary}) of the embedded catalog's JSON next to
 * it in {@code target/classes}, for a fast start (docs/performance.md). Runs at every build (pom.xml),
 * so the binary always holds what the committed JSON holds. Usage: {@code EmbeddedCatalogBinary JSON BIN}.
 */
public final class EmbeddedCatalogBinary {
    private EmbeddedCatalogBinary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EmbeddedCatalogBinary CATALOG_JSON OUTPUT_BIN");
        }
        Path json = Path.of(args[0]);
        Path bin = Path.of(args[1]);
        CatalogDocument doc;
        try (InputStream in = Files.newInputStream(json)) {
            doc = CatalogJson.read(in, json.toString());
        }
        byte[] bytes = CatalogBinary.write(doc, Files.size(json));
        dev.mlplan.util.AtomicFiles.write(bin, bytes);
        System.out.println("EmbeddedCatalogBinary: " + json.getFileName() + " (" + Files.size(json) + " bytes) -> " + bin.getFileName() + " ("
                + bytes.length + " bytes)");
    }
}
