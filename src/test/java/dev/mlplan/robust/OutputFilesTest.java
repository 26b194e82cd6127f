package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --output: written atomically (a failed write leaves the previous file and no temporary file), never
 * over an input (however it is named), never into a directory; symbolic links kept, pipes written
 * into rather than replaced; the new file gets the permissions any new file gets. A write that fails
 * half-way (file size limit) is {@code OutputAtomicityIT}.
 */
class OutputFilesTest {
    @TempDir
    Path dir;

    Path input;
    static final String PREVIOUS = "previous plan\n";

    @BeforeEach
    void copyAWorkload() throws IOException {
        input = dir.resolve("w.yaml");
        Files.copy(Path.of("workloads/tiny-sporadic.yaml"), input);
    }

    CliRun recommend(String output) {
        return CliRun.run(Map.of(), dir, "recommend", "w.yaml", "--format", "json", "--output", output);
    }

    List<String> names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileAndAReplacedFileLeaveNoTemporaryFile() throws IOException {
        CliRun first = recommend("plan.json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        String plan = Files.readString(dir.resolve("plan.json"));
        assertThat(plan).startsWith("{").contains("tiny-sporadic");
        Files.writeString(dir.resolve("plan.json"), PREVIOUS);
        assertThat(recommend("plan.json").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("plan.json"))).isEqualTo(plan);
        assertThat(names(dir)).containsExactly("plan.json", "w.yaml");
        CliRun dash = recommend("-");
        assertThat(dash.out()).isEqualTo(plan);
    }

    @Test
    void theNewFileHasThePermissionsOfAnyNewFileNotThoseOfATemporaryFile() throws IOException {
        assertThat(recommend("plan.json").exitCode()).isZero();
        Path probe = dir.resolve("probe");
        Files.writeString(probe, "x");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        assertThat(Files.getPosixFilePermissions(dir.resolve("plan.json"))).isEqualTo(usual);
        assertThat(usual).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aReadOnlyDirectoryIsExitCodeTwoAndTheOldFileStays() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.writeString(ro.resolve("plan.json"), PREVIOUS);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(BadInputs.permissionsIgnored(dir) || Files.isWritable(ro), "running as root: a read-only directory is writable");
            CliRun r = recommend("ro/plan.json");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("mlplan: cannot write ro/plan.json: ").doesNotContain("\tat ");
            assertThat(Files.readString(ro.resolve("plan.json"))).isEqualTo(PREVIOUS);
            assertThat(names(ro)).containsExactly("plan.json");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDirectoryIsRefusedHoweverItIsNamed() throws IOException {
        Files.createDirectory(dir.resolve("out"));
        for (String name : List.of(".", "out", "out/", "./out/../out", dir.toString())) {
            CliRun r = recommend(name);
            assertThat(r.exitCode()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).contains("is a directory; give a file name");
        }
        assertThat(names(dir.resolve("out"))).isEmpty();
    }

    @Test
    void anInputIsNeverOverwrittenHoweverItIsNamed() throws IOException {
        String before = Files.readString(input);
        Files.createDirectory(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("link.yaml"), input);
        Files.createLink(dir.resolve("hard.yaml"), input);
        for (String name : List.of("w.yaml", "./w.yaml", "sub/../w.yaml", dir.resolve("w.yaml").toString(), "link.yaml", "hard.yaml")) {
            CliRun r = recommend(name);
            assertThat(r.exitCode()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).contains("is an input file; mlplan never overwrites its input");
            assertThat(Files.readString(input)).isEqualTo(before);
        }
        assertThat(Files.isSymbolicLink(dir.resolve("link.yaml"))).isTrue();
    }

    @Test
    void aMissingDirectoryOrADanglingLinkIsExitCodeTwo() throws IOException {
        CliRun r = recommend("no/such/plan.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist");
        Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere/plan.json"));
        CliRun d = recommend("dangling.json");
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("symbolic link to a missing file");
        assertThat(Files.isSymbolicLink(dir.resolve("dangling.json"))).isTrue();
    }

    @Test
    void aSymbolicLinkIsKeptAndItsFileReplaced() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Files.writeString(real.resolve("plan.json"), PREVIOUS);
        Files.createSymbolicLink(dir.resolve("plan.json"), real.resolve("plan.json"));
        assertThat(recommend("plan.json").exitCode()).isZero();
        assertThat(Files.isSymbolicLink(dir.resolve("plan.json"))).isTrue();
        assertThat(Files.readString(real.resolve("plan.json"))).startsWith("{");
        assertThat(names(real)).containsExactly("plan.json");
    }

    @Test
    void aPipeIsWrittenIntoNotReplaced() throws Exception {
        Path fifo = dir.resolve("plan.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        Files.createSymbolicLink(dir.resolve("stdout-like"), fifo);
        for (String name : List.of("plan.fifo", "stdout-like")) {
            CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = Files.newInputStream(fifo)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "read failed: " + e;
                }
            });
            CliRun r = recommend(name);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(reader.get(30, TimeUnit.SECONDS)).startsWith("{").contains("tiny-sporadic");
            assertThat(Files.isRegularFile(fifo)).isFalse();
            assertThat(Files.exists(fifo)).isTrue();
        }
        assertThat(names(dir)).containsExactly("plan.fifo", "stdout-like", "w.yaml");
    }

    @Test
    void aPathUnderProcOrDevIsNeverCreatedOrReplaced() {
        CliRun r = recommend("/proc/mlplan-robust-test.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mlplan: cannot write /proc/mlplan-robust-test.json");
        assertThat(Path.of("/proc/mlplan-robust-test.json")).doesNotExist();
        CliRun d = recommend("/dev/mlplan-robust-test.json");
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(Path.of("/dev/mlplan-robust-test.json")).doesNotExist();
    }

    @Test
    void catalogRefreshRefusesADeviceOrPipeAsItsOutput() throws Exception {
        Path fifo = dir.resolve("catalog.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        for (String name : List.of("catalog.fifo", "/dev/mlplan-robust-test.json")) {
            CliRun r = CliRun.run(Map.of(), dir, "catalog", "refresh", "--endpoint-url", "http://127.0.0.1:9", "--output", name);
            assertThat(r.exitCode()).as(name + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("is not a regular file");
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
