package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails half-way: the packaged jar runs under a file-size limit ({@code ulimit -f}), so
 * writing the report fails with EFBIG after the first kilobytes. Exit code 2 with a message, the
 * previous report unchanged, no temporary file left behind. Works as root too (unlike a read-only
 * directory).
 */
class OutputAtomicityIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "previous plan\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "ulimit -f 8 && exec \"$0\" -XX:-UsePerfData -Xmx256m -jar \"$1\" recommend --format json --output plan.json \"$2\" \"$3\"";
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script, java, ROOT.resolve("target/mlplan.jar").toString(),
                ROOT.resolve("workloads/llama2-7b-finetune.yaml").toString(), ROOT.resolve("workloads/llm-chat-serving.yaml").toString())
                .directory(dir.toFile());
        Path out = Files.createTempFile("atomic-out", ".txt");
        Path err = Files.createTempFile("atomic-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String e = Files.readString(err, StandardCharsets.UTF_8);
        System.out.println("write under ulimit -f 8: exit " + p.exitValue() + ": " + e.strip());
        assertThat(p.exitValue()).as(e).isEqualTo(2);
        assertThat(e).startsWith("mlplan: cannot write plan.json: ").doesNotContain("\tat ");
        assertThat(Files.readString(plan)).isEqualTo("previous plan\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).isEqualTo(List.of("plan.json"));
        }
    }
}
