package dev.mlplan.catalog;

import dev.mlplan.util.BuildOutputs;
import dev.mlplan.util.StartupResources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the embedded catalog or a catalog file. A catalog file is validated before use; the embedded
 * catalog is validated by the build's tests instead of at every start.
 */
public final class CatalogLoader {
    public static final String EMBEDDED_RESOURCE = "/dev/mlplan/catalog/aws-catalog.json";

    /**
     * The embedded catalog in {@link CatalogBinary} form, made from {@link #EMBEDDED_RESOURCE} by the
     * build; read instead of the JSON when present (it is in every build's jar and test class path).
     */
    public static final String EMBEDDED_BINARY = "/dev/mlplan/catalog/aws-catalog.bin";

    /** Largest catalog file read (a corrupt or wrong file must not exhaust the heap): 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private CatalogLoader() {}

    /**
     * The embedded catalog, read once: by the first {@link #embedded()} call, or ahead by {@link #preload()}.
     * A class rather than a method reference: the first lambda a JVM links sets up its
     * {@code java.lang.invoke} machinery (~5 ms cold), which the preload thread does instead.
     */
    private static final FutureTask<Catalog> EMBEDDED = new FutureTask<>(new LoadEmbedded());

    private static final class LoadEmbedded implements java.util.concurrent.Callable<Catalog> {
        @Override
        public Catalog call() {
            return loadEmbedded();
        }
    }

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    private static Catalog loadEmbedded() {
        // the build writes the same document in binary form beside the JSON: read a region at a time
        StartupResources.Resource bin;
        try {
            bin = StartupResources.read(EMBEDDED_BINARY);
        } catch (IOException e) {
            throw new CatalogException("cannot read the embedded catalog " + EMBEDDED_BINARY + ": " + e.getMessage(), e);
        }
        if (bin != null && (bin.url() == null || binaryIsCurrent(bin.url(), bin.bytes()))) {
            return new Catalog(CatalogBinary.open(bin.bytes(), "embedded " + EMBEDDED_BINARY));
        }
        try (InputStream in = CatalogLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new CatalogException("the embedded catalog " + EMBEDDED_RESOURCE
                        + " is missing from the classpath (a broken build?)");
            }
            // not validated at every start: the build's tests validate the embedded catalog
            // (CatalogLoaderTest); files given by the user always are
            return new Catalog(CatalogJson.read(in, "embedded " + EMBEDDED_RESOURCE));
        } catch (IOException e) {
            throw new CatalogException("cannot read the embedded catalog " + EMBEDDED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Whether the binary holds what the JSON beside it holds ({@link BuildOutputs}). */
    static boolean binaryIsCurrent(URL bin, byte[] bytes) {
        return BuildOutputs.isCurrent(CatalogLoader.class.getResource(EMBEDDED_RESOURCE), bin, sourceBytes(bytes, bin.toString()));
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

    /**
     * Starts reading the embedded catalog on a background thread, for a command that will need it
     * while it does other start-up work (parsing options and workloads). {@link #embedded()} then
     * waits for that read instead of starting its own; the result and any error are the same.
     */
    public static void preload() {
        if (PRELOADING.compareAndSet(false, true)) {
            Thread t = new Thread(new Preload(), "mlplan-catalog-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * The preload thread: first links a lambda, so that the {@code java.lang.invoke} machinery that
     * every lambda needs (the workload parser's regular expressions use some) is set up here, beside
     * the main thread rather than on it (docs/performance.md); then reads the catalog.
     */
    private static final class Preload implements Runnable {
        @Override
        public void run() {
            java.util.function.IntSupplier linked = () -> 1;
            if (linked.getAsInt() == 1) {
                EMBEDDED.run();
            }
        }
    }

    /** @throws CatalogException when the embedded catalog is missing or invalid */
    public static Catalog embedded() {
        EMBEDDED.run(); // reads it here unless a preload thread has started (then it waits below)
        try {
            return EMBEDDED.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CatalogException ce) {
                throw ce;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new CatalogException("cannot load the embedded catalog: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogException("interrupted while loading the embedded catalog", e);
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
