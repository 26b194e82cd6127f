package dev.mlplan.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads mlplan's own resources at start-up (the command table, the model preset table, the binary
 * catalog). When the JVM runs mlplan from one jar ({@code java -jar mlplan.jar}, as the launcher starts
 * it), straight from that jar: a {@link ZipFile} of the same file shares the JVM's already opened copy
 * and its index, and a stored entry of known size is read with one call. The class loader's way costs
 * ~5 ms more of a cold start (docs/performance.md): it asks its parents first (the boot loader's first
 * resource lookup opens the JDK's module image), then goes through URL handlers and a jar URL
 * connection, and reads an entry of unknown length in 8 KB steps. Otherwise (tests, an IDE, a
 * class-path directory) through the class loader.
 */
public final class StartupResources {
    /** The one jar mlplan runs from, or null when the class path is anything else. */
    private static final String JAR = soleJar(System.getProperty("java.class.path"));

    private StartupResources() {}

    /**
     * A resource's bytes, and its URL when it was found through the class loader (null when read from
     * the jar: the build made every entry of the jar in one run, so none can be stale).
     */
    public record Resource(byte[] bytes, URL url) {}

    static String soleJar(String classPath) {
        if (classPath == null || classPath.isEmpty() || classPath.indexOf(java.io.File.pathSeparatorChar) >= 0
                || !classPath.regionMatches(true, classPath.length() - 4, ".jar", 0, 4)) {
            return null;
        }
        return classPath;
    }

    /**
     * Reads a resource by its absolute name ({@code /dev/mlplan/...}).
     *
     * @return null when there is no such resource
     * @throws IOException when it is there but cannot be read
     */
    public static Resource read(String name) throws IOException {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute resource name: " + name);
        }
        if (JAR != null) {
            Resource r = fromJar(JAR, name.substring(1));
            if (r != null) {
                return r;
            }
        }
        URL url = StartupResources.class.getResource(name);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return new Resource(in.readAllBytes(), url);
        }
    }

    /** The entry's bytes, or null when the jar cannot be opened or has no such entry (the class loader then decides). */
    static Resource fromJar(String jar, String entry) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(jar);
        } catch (IOException | SecurityException e) {
            return null;
        }
        try (zip) {
            ZipEntry e = zip.getEntry(entry);
            if (e == null || e.isDirectory()) {
                return null;
            }
            try (InputStream in = zip.getInputStream(e)) {
                long size = e.getSize();
                if (size < 0 || size > Integer.MAX_VALUE - 8) {
                    return new Resource(in.readAllBytes(), null);
                }
                byte[] bytes = new byte[(int) size];
                int n = 0;
                while (n < bytes.length) {
                    int r = in.read(bytes, n, bytes.length - n);
                    if (r < 0) {
                        throw new IOException(jar + "!/" + entry + " ends after " + n + " of " + size + " bytes");
                    }
                    n += r;
                }
                return new Resource(bytes, null);
            }
        }
    }
}
