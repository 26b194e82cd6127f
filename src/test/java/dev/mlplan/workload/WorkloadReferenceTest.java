package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/workload-reference.md is generated from the key tables; this keeps the committed copy current. */
class WorkloadReferenceTest {
    private static final Path DOC = Path.of("docs", "workload-reference.md");

    @Test
    void committedReferenceMatchesTheKeyTables() throws IOException {
        String md = WorkloadReference.markdown();
        assertThat(md).contains("`training.dataset`", "`sequence_length`", "`warn_at`", "`80%`");
        if (Boolean.getBoolean("mlplan.golden.update")) {
            Files.writeString(DOC, md, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/workload-reference.md is stale; regenerate with -Dmlplan.golden.update=true").isEqualTo(md);
    }
}
