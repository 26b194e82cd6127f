package dev.mlplan.catalog;

import dev.mlplan.util.BuildOutputs;
import dev.mlplan.util.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the embedded catalog or a catalog file. A catalog file is validated before use; the embedded
 * catalog is validated by the build's tests instead of at every start.
 */
public final class CatalogLoader {
    public static final String EMBEDDED_RESOURCE = "/dev/mlplan/catalog/aws-catalog.json";

    /**
     * The embedded catalog in {@link CatalogBinary} form, made from {@link #EMBEDDED_RESOURCE} by the
     * build (pom.xml): a start reads the two regions a workload names instead of the whole JSON
     * (docs/performance.md has what that is worth).
     */
    public static final String EMBEDDED_BINARY = "/dev/mlplan/catalog/aws-catalog.bin";

    /** Largest catalog file read (a corrupt or wrong file must not exhaust the heap): 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final Lazy<Catalog> EMBEDDED = Lazy.of(CatalogLoader::loadEmbedded);

    private CatalogLoader() {}

    /**
     * The binary form when the build made it and it is current, else the JSON. Not validated at every
     * start: the build's tests validate the embedded catalog (CatalogLoaderTest); files given by the
     * user always are.
     */
    private static Catalog loadEmbedded() {
        URL bin = CatalogLoader.class.getResource(EMBEDDED_BINARY);
        if (bin != null) {
            byte[] bytes = readEmbedded(bin, EMBEDDED_BINARY);
            if (BuildOutputs.isCurrent(CatalogLoader.class.getResource(EMBEDDED_RESOURCE), bin, sourceBytes(bytes, bin.toString()))) {
                return new Catalog(CatalogBinary.open(bytes, "embedded " + EMBEDDED_BINARY));
            }
        }
        URL json = CatalogLoader.class.getResource(EMBEDDED_RESOURCE);
        if (json == null) {
            throw new CatalogException("the embedded catalog " + EMBEDDED_RESOURCE + " is missing from the classpath (a broken build?)");
        }
        try (InputStream in = json.openStream()) {
            return new Catalog(CatalogJson.read(in, "embedded " + EMBEDDED_RESOURCE));
        } catch (IOException e) {
            throw new CatalogException("cannot read the embedded catalog " + EMBEDDED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readEmbedded(URL url, String name) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogException("cannot read the embedded catalog " + name + ": " + e.getMessage(), e);
        }
    }

    /** A binary file is current when made from a JSON file of the JSON's length, and not before the JSON's last change. */
    static boolean binaryIsCurrent(Path jsonFile, Path binFile, byte[] bytes) {
        return BuildOutputs.isCurrent(jsonFile, binFile, sourceBytes(bytes, binFile.toString()));
    }

    /** The JSON length the binary names, or -1 when the bytes are no binary catalog. */
    private static long sourceBytes(byte[] bytes, String name) {
        try {
            return CatalogBinary.sourceBytes(bytes, name);
        } catch (CatalogException e) {
            return -1;
        }
    }

    /** @throws CatalogException when the embedded catalog is missing or invalid */
    public static Catalog embedded() {
        return EMBEDDED.get();
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
