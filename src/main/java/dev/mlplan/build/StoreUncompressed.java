package dev.mlplan.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Build step (package, after the shade plugin): writes entries of the jar again without compression,
 * so that reading them at start-up costs no inflating. Used for the embedded catalog's binary form
 * (2.2 MB; some 4–6 ms of a cold start's CPU time, docs/performance.md).
 *
 * <p>The jar is written anew beside itself and renamed over it: every other entry is copied as it is
 * (its compressed bytes, in its place, with Commons Compress's raw copy), the stored ones with their
 * size and CRC in the local header, so that stream readers ({@code JarInputStream}) read the jar as
 * well as {@code java -jar} does (a stored entry with a data descriptor is refused by them).
 *
 * <p>The stored entries are also listed in the jar's comment, the last bytes of the file ({@link
 * dev.mlplan.util.StartupResources#INDEX_MAGIC}, the central directory's offset and size, then a line
 * per entry: name, offsets of its local header and of its bytes, length), so that mlplan reads them at start-up with one seek each, without parsing the jar's
 * central directory of some 2,000 entries in a cold JVM (docs/performance.md, round 5). Tools that
 * rewrite the jar drop or keep the comment; mlplan checks each entry's local header before it trusts
 * the index, and reads the jar the usual way when they do not match.
 *
 * <p>Usage: {@code StoreUncompressed JAR CLASSES-DIR ENTRY…}: each ENTRY is taken from CLASSES-DIR.
 */
public final class StoreUncompressed {
    private StoreUncompressed() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: StoreUncompressed JAR CLASSES-DIR ENTRY...");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path classes = Path.of(args[1]);
        Set<String> stored = new HashSet<>();
        for (int i = 2; i < args.length; i++) {
            stored.add(args[i]);
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored.tmp");
        Set<String> done = new HashSet<>();
        try (ZipFile in = ZipFile.builder().setPath(jar).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                if (stored.contains(e.getName())) {
                    byte[] bytes = Files.readAllBytes(classes.resolve(e.getName()));
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    ZipArchiveEntry s = new ZipArchiveEntry(e.getName());
                    s.setMethod(ZipArchiveEntry.STORED);
                    s.setSize(bytes.length);
                    s.setCompressedSize(bytes.length);
                    s.setCrc(crc.getValue());
                    s.setTime(e.getTime());
                    out.putArchiveEntry(s);
                    out.write(bytes);
                    out.closeArchiveEntry();
                    done.add(e.getName());
                } else {
                    try (InputStream raw = in.getRawInputStream(e)) {
                        out.addRawArchiveEntry(e, raw);
                    }
                }
            }
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw ex;
        }
        if (!done.equals(stored)) {
            Files.deleteIfExists(tmp);
            stored.removeAll(done);
            throw new IOException(jar + " has no entry " + stored);
        }
        try {
            writeIndex(tmp, stored);
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw ex;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("StoreUncompressed: " + done.size() + " entries of " + jar.getFileName() + " stored without compression and indexed in its comment");
    }

    /** Lists the stored entries in the zip comment of {@code jar}, which must have none yet. */
    static void writeIndex(Path jar, Set<String> stored) throws IOException {
        StringBuilder entries = new StringBuilder();
        try (ZipFile z = ZipFile.builder().setPath(jar).get()) {
            for (String name : new java.util.TreeSet<>(stored)) {
                ZipArchiveEntry e = z.getEntry(name);
                if (e == null || e.getMethod() != ZipArchiveEntry.STORED || e.getLocalHeaderOffset() < 0 || e.getDataOffset() <= 0) {
                    throw new IOException(jar + ": " + name + " is not a stored entry with a known offset");
                }
                entries.append(name).append('\t').append(e.getLocalHeaderOffset()).append('\t').append(e.getDataOffset()).append('\t')
                        .append(e.getSize()).append('\n');
            }
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(jar.toFile(), "rw")) {
            // the end-of-central-directory record, 22 bytes, is the file's end while there is no comment
            long end = f.length() - 22;
            f.seek(end);
            byte[] eocd = new byte[22];
            f.readFully(eocd);
            if (le32(eocd, 0) != 0x06054b50L || (eocd[20] | eocd[21]) != 0) {
                throw new IOException(jar + ": no end-of-central-directory record without a comment at its end");
            }
            // the central directory this index was made against: a tool that adds, removes or appends
            // entries moves or resizes it, and then the index is not used (a stale local header stays readable)
            String index = dev.mlplan.util.StartupResources.INDEX_MAGIC + "@central\t" + le32(eocd, 16) + "\t" + le32(eocd, 12) + "\n" + entries;
            byte[] comment = index.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (comment.length > 0xffff) {
                throw new IOException(jar + ": the index of " + stored.size() + " entries is longer than a zip comment can be");
            }
            f.seek(end + 20);
            f.write(comment.length & 0xff);
            f.write(comment.length >>> 8);
            f.write(comment);
        }
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
