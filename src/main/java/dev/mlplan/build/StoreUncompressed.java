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
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("StoreUncompressed: " + done.size() + " entries of " + jar.getFileName() + " stored without compression");
    }
}
