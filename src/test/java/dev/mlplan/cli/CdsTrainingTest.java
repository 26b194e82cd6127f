package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's class-data-sharing training run works through the everyday commands and leaves nothing behind. */
class CdsTrainingTest {
    private static List<Path> leftovers() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("mlplan-cds")).toList();
        }
    }

    @Test
    void runsTheEverydayCommandsAndCleansUp() throws Exception {
        List<Path> before = leftovers();
        CdsTraining.main(new String[] {"workloads/tiny-sporadic.yaml", "workloads/feature-store-iops.yaml"});
        assertThat(leftovers()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** The core archive's run: the everyday command lines only, through Main as the launcher starts them; the process's streams are given back. */
    @Test
    void theCoreRunLeavesTheStreamsAndNoFilesBehind() throws Exception {
        List<Path> before = leftovers();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        CdsTraining.main(new String[] {"--core", "workloads/tiny-sporadic.yaml"});
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
        assertThat(leftovers()).containsExactlyInAnyOrderElementsOf(before);
    }
}
