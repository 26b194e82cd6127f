package dev.mlplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the embedded catalog or a catalog file, and validates it before use. */
public final class CatalogLoader {
    public static final String EMBEDDED_RESOURCE = "/dev/mlplan/catalog/aws-catalog.json";

    /** Largest catalog file read (a corrupt or wrong file must not exhaust the heap): 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private CatalogLoader() {}

    /** Lazy holder: the embedded catalog is read and validated once, on first use. */
    private static final class Embedded {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            try (InputStream in = CatalogLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
                if (in == null) {
                    throw new CatalogException("the embedded catalog " + EMBEDDED_RESOURCE
                            + " is missing from the classpath (a broken build?)");
                }
                return fromStream(in, "embedded " + EMBEDDED_RESOURCE);
            } catch (IOException e) {
                throw new CatalogException("cannot read the embedded catalog " + EMBEDDED_RESOURCE + ": " + e.getMessage(), e);
            }
        }
    }

    /** @throws CatalogException when the embedded catalog is missing or invalid */
    public static Catalog embedded() {
        try {
            return Embedded.CATALOG;
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof CatalogException ce) {
                throw ce;
            }
            throw new CatalogException("cannot load the embedded catalog: " + e.getCause(), e.getCause());
        } catch (NoClassDefFoundError e) {
            // a second call after a failed first one
            throw new CatalogException("the embedded catalog " + EMBEDDED_RESOURCE + " failed to load earlier: " + e.getMessage(), e);
        }
    }

    /** @throws CatalogException when the file cannot be read or is not a valid catalog */
    public static Catalog fromFile(Path file) {
        if (file == null) {
            throw new CatalogException("no catalog file given");
        }
        if (Files.isDirectory(file)) {
            throw new CatalogException("catalog " + file + " is a directory, not a catalog file");
        }
        if (!Files.exists(file)) {
            throw new CatalogException("catalog file " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new CatalogException("catalog file " + file + " is not readable");
        }
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new CatalogException("catalog file " + file + " is too large (" + Files.size(file) + " bytes; the limit is "
                        + MAX_FILE_BYTES + " bytes, the embedded catalog is about 7 MB)");
            }
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromStream(in, file.toString());
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private static Catalog fromStream(InputStream in, String name) {
        CatalogDocument doc = CatalogJson.read(in, name);
        CatalogValidator.validate(doc, name);
        return new Catalog(doc);
    }
}
