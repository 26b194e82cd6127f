package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's class-data-sharing training run: every command line ends as expected, and nothing is left behind. */
class CdsTrainingTest {
    private static final List<String> WORKLOADS = List.of("workloads/llama2-7b-finetune.yaml", "workloads/tiny-sporadic.yaml");

    private static List<Path> leftovers() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("mlplan-cds")).toList();
        }
    }

    @Test
    void everyTrainingRunEndsWithItsExpectedExitCode() throws IOException {
        assertThat(CdsTraining.train(WORKLOADS)).isEmpty();
    }

    @Test
    void aRunThatEndsOtherwiseIsReported() throws IOException {
        // a workload that does not exist: each command on it ends with a usage error, not OK
        assertThat(CdsTraining.train(List.of("workloads/no-such-workload.yaml")))
                .contains("mlplan recommend workloads/no-such-workload.yaml exited with 2, expected 0")
                .noneMatch(failure -> failure.startsWith("mlplan catalog") || failure.startsWith("mlplan --"));
    }

    @Test
    void theRunsCoverTheEverydayCommandsAndTheRest() {
        List<List<String>> lines = CdsTraining.runs(Path.of("t"), WORKLOADS).stream().map(CdsTraining.Run::args).toList();
        assertThat(lines.stream().map(args -> args.get(0)).distinct())
                .contains("recommend", "check", "validate", "explain", "report", "catalog", "--help", "--version");
        assertThat(lines).contains(List.of("recommend", WORKLOADS.get(1)));
    }

    @Test
    void theStreamsAreGivenBackAndNoFilesLeftBehind() throws IOException {
        List<Path> before = leftovers();
        PrintStream out = System.out;
        PrintStream err = System.err;
        CdsTraining.train(List.of(WORKLOADS.get(1)));
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
        assertThat(leftovers()).containsExactlyInAnyOrderElementsOf(before);
    }
}
