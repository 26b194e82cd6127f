package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlplan.robust.HostileInputs.Kind;
import dev.mlplan.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus of issue 19.7, in-process: each kind of {@link HostileInputs} through
 * {@code recommend --output plan.json} and {@code validate}: exit code 2, one line that starts with
 * {@code mlplan: FILE:LINE:COLUMN: } (or {@code FILE: }) and holds the expected fragment; and what
 * must not happen: nothing on standard output, no plan file written, no stack trace, no raw control
 * or bidi character in the message. Then the kinds that are files, not contents: a FIFO, symbolic
 * links, directories, standard input ({@code -}), devices. {@code @Timeout} guards against a hang
 * only; no test measures time.
 */
@Timeout(60)
class HostileInputTest {
    @TempDir
    Path dir;

    static Stream<Kind> kinds() {
        return HostileInputs.all().stream();
    }

    @Test
    void theCorpusHoldsAtLeastFortyKinds() {
        assertThat(HostileInputs.all()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(HostileInputs.all().stream().map(Kind::name).distinct().count()).isEqualTo(HostileInputs.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void recommendRefusesItAndWritesNothing(Kind k) throws IOException {
        Files.write(dir.resolve(k.file()), k.content());
        CliRun r = CliRun.run(Map.of(), dir, "recommend", k.file(), "--output", "plan.json");
        assertRefused(r, k.file(), k.line(), k.column(), k.fragment());
        assertThat(dir.resolve("plan.json")).as("no plan file, not even a partial one").doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind").containsExactly(k.file());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void validateRefusesItTheSameWay(Kind k) throws IOException {
        Files.write(dir.resolve(k.file()), k.content());
        CliRun r = CliRun.run(Map.of(), dir, "validate", k.file());
        assertRefused(r, k.file(), k.line(), k.column(), k.fragment());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void standardInputIsReadAsTheFileIs(Kind k) {
        CliRun r = withStdin(k.content(), () -> CliRun.run(Map.of(), dir, "recommend", "-"));
        String fragment = k.fragment();
        assertRefused(r, "<stdin>", k.line(), k.column(), fragment);
    }

    @Test
    void aFifoIsRefusedAtOnceNotOpenedAndWaitedOn() throws Exception {
        Path fifo = mkfifo("pipe.yaml");
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "pipe.yaml");
        assertRefused(r, "pipe.yaml", 0, 0, "is not a regular file (a FIFO, socket or device); to read a workload from standard input, give '-'");
        assertThat(fifo).exists();
    }

    @Test
    void aFifoAsCatalogOrBaselineIsRefusedAtOnce() throws Exception {
        mkfifo("pipe.json");
        Path workload = Path.of("workloads/tiny-sporadic.yaml").toAbsolutePath();
        CliRun catalog = CliRun.run(Map.of(), dir, "recommend", workload.toString(), "--catalog", "pipe.json");
        assertThat(catalog.exitCode()).isEqualTo(2);
        assertThat(catalog.err()).isEqualTo("mlplan: --catalog pipe.json is not a regular file (a FIFO, socket or device)\n");
        CliRun baseline = CliRun.run(Map.of(), dir, "check", workload.toString(), "--baseline", "pipe.json");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).contains("--baseline pipe.json is not a regular file");
        CliRun env = CliRun.run(Map.of("MLPLAN_CATALOG", "pipe.json"), dir, "recommend", workload.toString());
        assertThat(env.err()).startsWith("mlplan: MLPLAN_CATALOG=pipe.json is not a regular file");
    }

    @Test
    void aSymbolicLinkChainThatLoopsSaysSo() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
        Files.createSymbolicLink(dir.resolve("b.yaml"), dir.resolve("a.yaml"));
        assertRefused(CliRun.run(Map.of(), dir, "validate", "a.yaml"), "a.yaml", 0, 0, "is a symbolic-link loop");
    }

    @Test
    void aDanglingLinkAndAMissingDirectoryAreTold() throws IOException {
        Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
        assertRefused(CliRun.run(Map.of(), dir, "validate", "gone.yaml"), "gone.yaml", 0, 0, "file not found (a symbolic link to a missing file)");
        assertRefused(CliRun.run(Map.of(), dir, "validate", "no/such/w.yaml"), "no/such/w.yaml", 0, 0, "file not found (no directory ");
    }

    @Test
    void aLinkToADirectoryIsADirectory() throws IOException {
        Files.createDirectory(dir.resolve("d"));
        Files.createSymbolicLink(dir.resolve("d.yaml"), dir.resolve("d"));
        assertRefused(CliRun.run(Map.of(), dir, "validate", "d.yaml"), "d.yaml", 0, 0, "is a directory");
    }

    @Test
    void anUnreadableDirectorySaysPermissionDeniedNotFileNotFound() throws IOException {
        assumeTrue(!BadInputs.permissionsIgnored(dir), "running as root: permissions are not enforced");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(locked.resolve("w.yaml"), "version: 1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assertRefused(CliRun.run(Map.of(), dir, "validate", "locked/w.yaml"), "locked/w.yaml", 0, 0, "permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void devicesAreRefusedWithoutReading() {
        for (String device : List.of("/dev/zero", "/dev/urandom", "/dev/null", "/dev/tty")) {
            if (Files.exists(Path.of(device))) {
                assertRefused(CliRun.run(Map.of(), dir, "validate", device), device, 0, 0, "is not a regular file");
            }
        }
    }

    @Test
    void standardInputWorksForEveryCommandThatTakesWorkloads() throws IOException {
        byte[] good = Files.readAllBytes(Path.of("workloads/tiny-sporadic.yaml"));
        for (List<String> args : List.of(List.of("validate", "-"), List.of("recommend", "-"), List.of("recommend", "-", "--format", "json"),
                List.of("check", "-"), List.of("report", "-"), List.of("explain", "-"))) {
            CliRun r = withStdin(good, () -> CliRun.run(Map.of(), dir, args.toArray(String[]::new)));
            assertThat(r.exitCode()).as(args + ": " + r.err()).isZero();
            assertThat(r.out()).as(String.valueOf(args)).contains(args.get(0).equals("check") ? "PASS tiny-sporadic" : "<stdin>");
        }
    }

    @Test
    void standardInputEmptyTwiceOrWithSweepIsAClearUsageError() {
        assertRefused(withStdin(new byte[0], () -> CliRun.run(Map.of(), dir, "validate", "-")), "<stdin>", 0, 0, "file is empty");
        CliRun twice = withStdin(new byte[0], () -> CliRun.run(Map.of(), dir, "validate", "-", "-"));
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("mlplan: '-' (standard input) is given more than once; it can be read once\n");
        CliRun sweep = withStdin(new byte[0], () -> CliRun.run(Map.of(), dir, "sweep", "-", "--vary", "inference.traffic.average=1/day..100/day"));
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains("'-' (standard input) is not supported here");
    }

    @Test
    void aTwoMegabyteStandardInputIsRefusedFromItsSize() {
        byte[] big = ("# " + "x ".repeat(1_100_000)).getBytes(StandardCharsets.UTF_8);
        assertRefused(withStdin(big, () -> CliRun.run(Map.of(), dir, "validate", "-")), "<stdin>", 0, 0, "file is too large");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsExitTwoWithAMessage() {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        CliRun r = CliRun.run(Map.of(), Path.of("").toAbsolutePath(), "recommend", "workloads/tiny-sporadic.yaml", "--output", "/dev/full");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mlplan: cannot write /dev/full: ");
    }

    /** Standard output that fails (a full disk) is exit 2 with a message; one its reader closed ({@code | head}) stays quiet. */
    @Test
    void aFailedWriteToStandardOutputIsExitTwoAndABrokenPipeIsQuiet() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process full = new ProcessBuilder(java, "-cp", cp, "dev.mlplan.cli.Main", "recommend", "workloads/tiny-sporadic.yaml")
                .redirectOutput(new java.io.File("/dev/full")).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(full.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("err.txt"))).isEqualTo("mlplan: cannot write to standard output: No space left on device\n");

        Process piped = new ProcessBuilder(java, "-cp", cp, "dev.mlplan.cli.Main", "recommend", "workloads/tiny-sporadic.yaml", "--format", "json")
                .redirectError(dir.resolve("err2.txt").toFile()).start();
        piped.getInputStream().close(); // the reader goes away at once, like head
        assertThat(piped.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(piped.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("err2.txt"))).isEmpty();
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is not available");
        return fifo;
    }

    private static synchronized CliRun withStdin(byte[] content, java.util.function.Supplier<CliRun> run) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(content));
        try {
            return run.get();
        } finally {
            System.setIn(saved);
        }
    }

    static void assertRefused(CliRun r, String file, int line, int column, String fragment) {
        String prefix = "mlplan: " + file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).as("nothing on standard output").isEmpty();
        assertThat(r.err()).startsWith(prefix).contains(fragment);
        assertThat(r.err().lines()).as("one line").hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("bug in mlplan");
        OutputHijackTest.assertSafe(r.err());
        assertThat(r.err().length()).as("a message, not the input echoed back").isLessThan(600);
    }
}
