package dev.mlplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the embedded catalog or a catalog file. A catalog file is validated before use; the embedded
 * catalog is validated by the build's tests instead of at every start.
 */
public final class CatalogLoader {
    public static final String EMBEDDED_RESOURCE = "/dev/mlplan/catalog/aws-catalog.json";

    private CatalogLoader() {}

    /** Lazy holder: the embedded catalog is read once, on first use. */
    private static final class Embedded {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            try (InputStream in = CatalogLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
                if (in == null) {
                    throw new CatalogException("the embedded catalog " + EMBEDDED_RESOURCE
                            + " is missing from the classpath (a broken build?)");
                }
                // not validated at every start: the build's tests validate the embedded catalog
                // (CatalogLoaderTest, EmbeddedCatalogTest); files given by the user always are
                return new Catalog(CatalogJson.read(in, "embedded " + EMBEDDED_RESOURCE));
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
