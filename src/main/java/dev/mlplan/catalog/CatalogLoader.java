package dev.mlplan.catalog;

import java.nio.file.Path;

/** Loads the embedded catalog or a catalog file, and validates it before use. */
public final class CatalogLoader {
    public static final String EMBEDDED_RESOURCE = "/dev/mlplan/catalog/aws-catalog.json";

    private CatalogLoader() {}

    /** @throws CatalogException when the embedded catalog is missing or invalid */
    public static Catalog embedded() {
        throw new UnsupportedOperationException("TODO(catalog helper)");
    }

    /** @throws CatalogException when the file cannot be read or is not a valid catalog */
    public static Catalog fromFile(Path file) {
        throw new UnsupportedOperationException("TODO(catalog helper)");
    }
}
