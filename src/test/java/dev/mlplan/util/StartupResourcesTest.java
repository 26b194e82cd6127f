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
