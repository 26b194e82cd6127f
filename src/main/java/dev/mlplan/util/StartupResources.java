package dev.mlplan.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads mlplan's own resources at start-up (the command table, the model preset table, the version,
 * the binary catalog). When the JVM runs mlplan from one jar (the launcher starts {@code java -cp
 * mlplan.jar dev.mlplan.cli.Main}), straight from that jar:
 *
 * <ol>
 *   <li>by the index the build writes in the jar's comment ({@code build/StoreUncompressed}): one seek
 *       and one read per entry, after checking that the central directory is where the index was
 *       made against (a tool that appended or removed entries and kept the comment moved it) and
 *       that the entry's local header is this entry, stored. Nothing then parses the
 *       jar's central directory of some 2,000 entries, which costs ~3 ms of interpreted code in a cold
 *       JVM; with the classes from the class-data-sharing archive and {@code -cp} instead of {@code
 *       -jar} (whose launcher opens the jar for its manifest), no Java code opens the jar as a zip at
 *       all (docs/performance.md, round 5);
 *   <li>else with a {@link ZipFile} (a jar without the index, or one a tool has rewritten).
 * </ol>
 *
 * <p>The class loader's way costs
 * ~5 ms more of a cold start (docs/performance.md): it asks its parents first (the boot loader's first
 * resource lookup opens the JDK's module image), then goes through URL handlers and a jar URL
 * connection, and reads an entry of unknown length in 8 KB steps. Otherwise (tests, an IDE, a
 * class-path directory) through the class loader.
 */
public final class StartupResources {
    /** The one jar mlplan runs from, or null when the class path is anything else. */
    private static final String JAR = soleJar(System.getProperty("java.class.path"));

    /** The first line of the index in the jar's comment. */
    public static final String INDEX_MAGIC = "mlplan-startup-index 2\n";

    /** The longest zip comment: the index is within the file's last 22 + 65,535 bytes. */
    private static final int MAX_TAIL = 22 + 0xffff;

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
            Resource r = fromIndex(JAR, name.substring(1));
            if (r != null) {
                return r;
            }
            r = fromJar(JAR, name.substring(1));
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

    /**
     * The entry's bytes by the index in the jar's comment, or null when the jar has no index, the index
     * does not list the entry, or the jar at the listed offset is not that entry stored uncompressed
     * (then {@link #fromJar} reads it the usual way).
     */
    static Resource fromIndex(String jar, String entry) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(jar, "r")) {
            long length = f.length();
            int tailLength = (int) Math.min(length, MAX_TAIL);
            byte[] tail = new byte[tailLength];
            f.seek(length - tailLength);
            f.readFully(tail);
            // the comment is the file's end, after the end-of-central-directory record that gives its length
            int start = indexOf(tail, INDEX_MAGIC);
            int eocd = start - 22;
            if (start < 0 || eocd < 0 || le32(tail, eocd) != 0x06054b50L || le16(tail, eocd + 20) != tailLength - start) {
                return null;
            }
            String index = new String(tail, start, tailLength - start, java.nio.charset.StandardCharsets.UTF_8);
            // the central directory must be where and as long as when the index was written: a tool that
            // appended or removed entries and kept the comment leaves old local headers that still look right
            String central = "\n@central\t" + le32(tail, eocd + 16) + "\t" + le32(tail, eocd + 12) + "\n";
            if (!index.startsWith(central, INDEX_MAGIC.length() - 1)) {
                return null;
            }
            String prefix = "\n" + entry + "\t";
            int at = index.indexOf(prefix);
            if (at < 0) {
                return null;
            }
            // NAME \t LOCAL-HEADER-OFFSET \t DATA-OFFSET \t SIZE
            int tab = at + prefix.length();
            int tab2 = index.indexOf('\t', tab);
            int tab3 = tab2 < 0 ? -1 : index.indexOf('\t', tab2 + 1);
            int eol = tab3 < 0 ? -1 : index.indexOf('\n', tab3 + 1);
            if (eol < 0) {
                return null;
            }
            long header = Long.parseLong(index, tab, tab2, 10);
            long data = Long.parseLong(index, tab2 + 1, tab3, 10);
            long size = Long.parseLong(index, tab3 + 1, eol, 10);
            byte[] name = entry.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (header < 0 || size < 0 || size > Integer.MAX_VALUE - 8 || data < header + 30 + name.length || data + size > length) {
                return null;
            }
            // the entry's local header: this name, stored, of this size (in the header, not a data descriptor)
            byte[] local = new byte[30 + name.length];
            f.seek(header);
            f.readFully(local);
            if (le32(local, 0) != 0x04034b50L || le16(local, 8) != 0 || le32(local, 18) != size || le32(local, 22) != size
                    || le16(local, 26) != name.length || header + local.length + le16(local, 28) != data
                    || !java.util.Arrays.equals(local, 30, local.length, name, 0, name.length)) {
                return null;
            }
            f.seek(data);
            byte[] bytes = new byte[(int) size];
            f.readFully(bytes);
            return new Resource(bytes, null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int indexOf(byte[] haystack, String ascii) {
        outer:
        for (int i = haystack.length - ascii.length(); i >= 0; i--) {
            for (int j = 0; j < ascii.length(); j++) {
                if (haystack[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
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
