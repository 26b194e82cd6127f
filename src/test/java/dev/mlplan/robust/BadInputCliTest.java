package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mlplan.robust.BadInputs.Case;
import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the corpus ({@link BadInputs}) through the command line, in-process, with
 * {@code recommend} and {@code validate}: exit code 2, nothing on standard output, one message that
 * starts with {@code mlplan: FILE} (and {@code :LINE:COLUMN} where the corpus gives one), no stack
 * trace. The heaviest go through the real launcher with a 256 MB heap in {@code BadInputLauncherIT};
 * how long rejections take is measured by {@code bench/bad-input-timing.sh}. The 10 s limit per call
 * only guards against a hang.
 */
class BadInputCliTest {
    @TempDir
    static Path generatedDir;
    static List<Case> generated;
    static final Map<String, Long> slowest = new TreeMap<>();

    @BeforeAll
    static void generate() throws IOException {
        generated = BadInputs.generated(generatedDir);
        if (BadInputs.permissionsIgnored(generatedDir)) {
            System.out.println("bad inputs: running as root, so the unreadable-file case is skipped (permissions are not enforced)");
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("bad inputs: %d committed + %d generated = %d inputs, each through recommend and validate; slowest %s%n",
                BadInputs.committed().size(), generated.size(), BadInputs.committed().size() + generated.size(),
                slowest.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() + " " + e.getValue() + " ms").orElse("-"));
    }

    static Stream<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>(BadInputs.committed());
        if (generated == null) {
            generate();
        }
        all.addAll(generated);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recommendRejectsIt(Case c) {
        check(c, "recommend");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recommendJsonVerboseRejectsIt(Case c) {
        check(c, "recommend", "--format", "json", "--verbose");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateRejectsIt(Case c) {
        check(c, "validate");
    }

    private static void check(Case c, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.add(c.arg());
        long t0 = System.nanoTime();
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run(Map.of(), c.cwd(), args.toArray(String[]::new)));
        slowest.merge(c.arg(), (System.nanoTime() - t0) / 1_000_000, Math::max);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(c.expectedPrefix());
        if (c.fragment() != null) {
            assertThat(r.err()).contains(c.fragment());
        }
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("bug in mlplan");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err().length()).as("a message, not the input echoed back").isLessThan(600);
    }

    @Test
    void allOfThemAtOnceGiveOneLineEach() throws IOException {
        List<Case> committed = BadInputs.committed();
        List<String> args = new ArrayList<>(List.of("validate"));
        committed.forEach(c -> args.add(c.arg()));
        CliRun r = CliRun.run(Map.of(), BadInputs.CORPUS, args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(committed.size());
        for (int i = 0; i < committed.size(); i++) {
            assertThat(lines.get(i)).startsWith(committed.get(i).expectedPrefix());
        }
    }

    @Test
    void aBadFileAmongGoodOnesFailsTheRunAndPrintsNoPlan() {
        Path root = Path.of("").toAbsolutePath();
        CliRun r = CliRun.run(Map.of(), root, "recommend", "workloads/tiny-sporadic.yaml",
                BadInputs.CORPUS.resolve("epochs-nan.yaml").toString(), "workloads/bert-realtime.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("mlplan: " + BadInputs.CORPUS.resolve("epochs-nan.yaml") + ":6:11: ");
    }

    @Test
    void aFileNameThatCannotBeAPathIsAUsageError() {
        for (String[] args : List.of(new String[] {"validate", "a\u0000b.yaml"}, new String[] {"recommend", "a\u0000b.yaml"},
                new String[] {"recommend", "workloads/tiny-sporadic.yaml", "--output", "p\u0000.json"},
                new String[] {"recommend", "workloads/tiny-sporadic.yaml", "--catalog", "c\u0000.json"})) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("mlplan: '").contains("\\u0000").contains("is not a valid file name").doesNotContain("\tat ");
        }
    }
}
