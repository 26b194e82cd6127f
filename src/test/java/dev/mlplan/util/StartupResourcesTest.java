package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources read at start-up: from the one jar mlplan runs from, or through the class loader. */
class StartupResourcesTest {
    @Test
    void onlyASingleJarOnTheClassPathIsReadDirectly() {
        assertThat(StartupResources.soleJar("target/mlplan.jar")).isEqualTo("target/mlplan.jar");
        assertThat(StartupResources.soleJar("/opt/x/MLPLAN.JAR")).isEqualTo("/opt/x/MLPLAN.JAR");
        assertThat(StartupResources.soleJar("a.jar" + java.io.File.pathSeparator + "b.jar")).isNull();
        assertThat(StartupResources.soleJar("target/classes")).isNull();
        assertThat(StartupResources.soleJar(".jar")).isEqualTo(".jar");
        assertThat(StartupResources.soleJar("jar")).isNull();
        assertThat(StartupResources.soleJar("")).isNull();
        assertThat(StartupResources.soleJar(null)).isNull();
    }

    @Test
    void readsStoredAndDeflatedEntriesOfAJar(@TempDir Path dir) throws IOException {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        byte[] text = "name\tvalue\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            ZipEntry stored = new ZipEntry("dev/mlplan/x/big.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(big.length);
            CRC32 crc = new CRC32();
            crc.update(big);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(big);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dev/mlplan/x/table.tsv"));
            out.write(text);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("dev/mlplan/x/"));
            out.closeEntry();
        }
        StartupResources.Resource r = StartupResources.fromJar(jar.toString(), "dev/mlplan/x/big.bin");
        assertThat(r.bytes()).isEqualTo(big);
        assertThat(r.url()).as("from the jar: nothing to check for staleness").isNull();
        assertThat(StartupResources.fromJar(jar.toString(), "dev/mlplan/x/table.tsv").bytes()).isEqualTo(text);
        assertThat(StartupResources.fromJar(jar.toString(), "dev/mlplan/x/missing.tsv")).isNull();
        assertThat(StartupResources.fromJar(jar.toString(), "dev/mlplan/x/")).isNull();
        assertThat(StartupResources.fromJar(dir.resolve("gone.jar").toString(), "dev/mlplan/x/big.bin")).as("no such jar").isNull();
        Files.writeString(dir.resolve("not.jar"), "not a zip");
        assertThat(StartupResources.fromJar(dir.resolve("not.jar").toString(), "a")).isNull();
    }

    /** A jar as the build leaves it: StoreUncompressed stores the start-up entries and lists them in the jar's comment. */
    private static Path indexedJar(Path dir, byte[] big, byte[] text) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/dev/mlplan/x")).getParent().getParent().getParent();
        Files.write(classes.resolve("dev/mlplan/x/big.bin"), big);
        Files.write(classes.resolve("dev/mlplan/x/table.tsv"), text);
        Path jar = dir.resolve("app.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"META-INF/MANIFEST.MF", "dev/mlplan/x/big.bin", "dev/mlplan/x/other.txt", "dev/mlplan/x/table.tsv"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.endsWith("big.bin") ? big : name.endsWith("table.tsv") ? text : "other".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        dev.mlplan.build.StoreUncompressed.main(new String[] {jar.toString(), classes.toString(), "dev/mlplan/x/big.bin", "dev/mlplan/x/table.tsv"});
        return jar;
    }

    @Test
    void readsTheEntriesTheJarsCommentLists(@TempDir Path dir) throws IOException {
        byte[] big = new byte[3 << 20];
        new Random(11).nextBytes(big);
        byte[] text = "name\tvalue\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Path jar = indexedJar(dir, big, text);
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/big.bin").bytes()).isEqualTo(big);
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/table.tsv").bytes()).isEqualTo(text);
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/big.bin").url()).isNull();
        // not listed: the usual way reads it
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/other.txt")).isNull();
        assertThat(StartupResources.fromJar(jar.toString(), "dev/mlplan/x/other.txt").bytes()).isEqualTo("other".getBytes(StandardCharsets.UTF_8));
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/big")).as("a prefix of a listed name").isNull();
        // the jar is still a jar that every reader reads alike
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            assertThat(z.getEntry("dev/mlplan/x/big.bin").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(z.getInputStream(z.getEntry("dev/mlplan/x/table.tsv")).readAllBytes()).isEqualTo(text);
            assertThat(z.getComment()).startsWith(StartupResources.INDEX_MAGIC);
        }
        // a jar without the index: nothing from it, and no error
        Path plain = dir.resolve("plain.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plain))) {
            out.putNextEntry(new ZipEntry("dev/mlplan/x/table.tsv"));
            out.write(text);
            out.closeEntry();
        }
        assertThat(StartupResources.fromIndex(plain.toString(), "dev/mlplan/x/table.tsv")).isNull();
        assertThat(StartupResources.fromIndex(dir.resolve("gone.jar").toString(), "dev/mlplan/x/table.tsv")).isNull();
        Files.writeString(dir.resolve("tiny.jar"), "x");
        assertThat(StartupResources.fromIndex(dir.resolve("tiny.jar").toString(), "a")).isNull();
    }

    /**
     * A jar damaged or rewritten after the build (its comment, end record or an entry's local header
     * changed): the index gives the entry's exact bytes or nothing, never other bytes; 3,000 seeded
     * one-byte changes.
     */
    @Test
    void aDamagedIndexGivesTheRightBytesOrNothing(@TempDir Path dir) throws IOException {
        byte[] big = new byte[1 << 16];
        new Random(5).nextBytes(big);
        byte[] text = "name\tvalue\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path jar = indexedJar(dir, big, text);
        byte[] good = Files.readAllBytes(jar);
        String comment = new String(good, good.length - 200, 200, StandardCharsets.ISO_8859_1);
        int commentStart = good.length - 200 + comment.indexOf(StartupResources.INDEX_MAGIC);
        java.util.List<Integer> places = new java.util.ArrayList<>();
        for (int i = commentStart - 22; i < good.length; i++) {
            places.add(i); // the end record and the comment
        }
        for (String name : new String[] {"dev/mlplan/x/big.bin", "dev/mlplan/x/table.tsv"}) {
            int header = indexOf(good, ("PK\u0003\u0004").getBytes(StandardCharsets.ISO_8859_1), name);
            for (int i = header; i < header + 30 + name.length(); i++) {
                places.add(i); // its local header
            }
        }
        Random r = new Random(3);
        Path damaged = dir.resolve("damaged.jar");
        int nothing = 0;
        for (int k = 0; k < 3000; k++) {
            byte[] b = good.clone();
            int at = places.get(r.nextInt(places.size()));
            b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
            Files.write(damaged, b);
            for (String name : new String[] {"dev/mlplan/x/big.bin", "dev/mlplan/x/table.tsv"}) {
                StartupResources.Resource res = StartupResources.fromIndex(damaged.toString(), name);
                if (res == null) {
                    nothing++;
                } else {
                    assertThat(res.bytes()).as("byte %d changed", at).isEqualTo(name.endsWith(".bin") ? big : text);
                }
            }
        }
        assertThat(nothing).as("most changes are noticed").isGreaterThan(1000);
    }

    /**
     * A tool that appends an entry and keeps the comment (Python's {@code zipfile} in append mode
     * does) leaves the old entry's local header where the index points: the index must not be used
     * then, or a replaced start-up file would be read in its old version (found by a review).
     */
    @Test
    void anEntryAppendedUnderTheSameNameIsNotReadFromTheIndex(@TempDir Path dir) throws IOException {
        byte[] text = "name\tvalue\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path jar = indexedJar(dir, new byte[1000], text);
        byte[] newer = "version=9.9.9\n".getBytes(StandardCharsets.UTF_8);
        Path appended = dir.resolve("appended.jar");
        Files.write(appended, appendStored(Files.readAllBytes(jar), "dev/mlplan/x/table.tsv", newer));
        assertThat(StartupResources.fromIndex(jar.toString(), "dev/mlplan/x/table.tsv").bytes()).isEqualTo(text);
        assertThat(StartupResources.fromIndex(appended.toString(), "dev/mlplan/x/table.tsv")).isNull();
        assertThat(StartupResources.fromIndex(appended.toString(), "dev/mlplan/x/big.bin")).as("the whole index is out of date").isNull();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(appended.toFile())) {
            assertThat(z.getComment()).startsWith(StartupResources.INDEX_MAGIC);
            assertThat(z.size()).isEqualTo(5);
        }
    }

    /** The jar with {@code data} appended, stored, as a new entry {@code name}: central directory moved, comment kept. */
    private static byte[] appendStored(byte[] jar, String name, byte[] data) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(jar).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = jar.length - 22;
        while (in.getInt(eocd) != 0x06054b50) {
            eocd--;
        }
        int entries = in.getShort(eocd + 10) & 0xffff;
        int cdSize = in.getInt(eocd + 12);
        int cdOffset = in.getInt(eocd + 16);
        byte[] comment = java.util.Arrays.copyOfRange(jar, eocd + 22, jar.length);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        java.nio.ByteBuffer local = java.nio.ByteBuffer.allocate(30 + n.length + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        local.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) n.length).putShort((short) 0).put(n).put(data);
        java.nio.ByteBuffer central = java.nio.ByteBuffer.allocate(46 + n.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        central.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(cdOffset).put(n);
        java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22 + comment.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) (entries + 1)).putShort((short) (entries + 1))
                .putInt(cdSize + central.capacity()).putInt(cdOffset + local.capacity()).putShort((short) comment.length).put(comment);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jar, 0, cdOffset);
        out.writeBytes(local.array());
        out.write(jar, cdOffset, cdSize);
        out.writeBytes(central.array());
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /** The offset of the local header (signature then, 26 bytes on, the name) of {@code name}. */
    private static int indexOf(byte[] jar, byte[] signature, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + n.length <= jar.length; i++) {
            if (java.util.Arrays.equals(jar, i, i + 4, signature, 0, 4) && java.util.Arrays.equals(jar, i + 30, i + 30 + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new AssertionError("no local header of " + name);
    }

    /** In the tests the class path is directories: the class loader's resource, with its URL for the staleness checks. */
    @Test
    void onAClassPathOfDirectoriesReadsThroughTheClassLoader() throws IOException {
        StartupResources.Resource r = StartupResources.read("/dev/mlplan/version.properties");
        assertThat(r).isNotNull();
        assertThat(r.url()).isNotNull();
        try (InputStream in = StartupResources.class.getResourceAsStream("/dev/mlplan/version.properties")) {
            assertThat(r.bytes()).isEqualTo(in.readAllBytes());
        }
        assertThat(StartupResources.read("/dev/mlplan/no-such-resource.txt")).isNull();
        assertThatThrownBy(() -> StartupResources.read("model-presets.tsv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute resource name");
    }
}
