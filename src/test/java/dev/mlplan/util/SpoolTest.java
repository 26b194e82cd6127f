package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpoolTest {
    /** Text below and far above the in-memory limit comes back whole and in order, and the temporary file is gone after close. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, Spool.IN_MEMORY + 1, 3 * Spool.IN_MEMORY})
    void givesBackWhatWasAppended(int chars) throws Exception {
        Random random = new Random(chars);
        StringBuilder expected = new StringBuilder();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = spools(tmp);
        StringWriter out = new StringWriter();
        try (Spool spool = new Spool()) {
            while (expected.length() < chars) {
                String piece = "workload " + random.nextInt(1000) + " · é\n".repeat(1 + random.nextInt(50_000));
                piece = piece.substring(0, Math.min(piece.length(), chars - expected.length()));
                expected.append(piece);
                spool.append(piece);
            }
            spool.copyTo(out);
        }
        assertThat(out.toString()).isEqualTo(expected.toString());
        assertThat(spools(tmp)).isLessThanOrEqualTo(before);
    }

    private static long spools(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("mlplan-spool-")).count();
        }
    }
}
