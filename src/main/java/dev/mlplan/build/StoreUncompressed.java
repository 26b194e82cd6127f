package dev.mlplan.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Build step (package, after the shade plugin): writes entries of the jar again without compression,
 * so that reading them at start-up costs no inflating. Used for the embedded catalog's binary form
 * (2.2 MB; some 6 ms of a cold start's CPU time, docs/performance.md). The other entries are left as
 * they are (the zip file system copies them without recompressing).
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
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of("compressionMethod", "STORED"))) {
            for (int i = 2; i < args.length; i++) {
                Path inJar = zip.getPath(args[i]);
                if (!Files.exists(inJar)) {
                    throw new IOException(jar + " has no entry " + args[i]);
                }
                Files.copy(classes.resolve(args[i]), inJar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("StoreUncompressed: " + (args.length - 2) + " entries of " + jar.getFileName() + " stored without compression");
    }
}
