package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of bad workload files under {@code bad-workloads/}, each listed in {@code expected.csv}
 * with the line and column (0 for whole-file problems) and a fragment of the message.
 */
class BadWorkloadsTest {
    /** One row of expected.csv. */
    record Expected(String file, int line, int column, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    private final WorkloadParser parser = new WorkloadParser(WorkloadParserTest.PRESETS);

    static Path corpus() {
        try {
            return Path.of(BadWorkloadsTest.class.getResource("/bad-workloads/expected.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Expected> expected() throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Expected> rows =
                mapper.readerFor(Expected.class).with(schema).readValues(corpus().resolve("expected.csv").toFile())) {
            return rows.readAll();
        }
    }

    static Stream<Expected> cases() throws IOException {
        return expected().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadFileGivesItsWorkloadException(Expected expected) {
        Path file = corpus().resolve(expected.file());
        assertThatThrownBy(() -> parser.parse(file))
                .isExactlyInstanceOf(WorkloadException.class)
                .isInstanceOfSatisfying(WorkloadException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.getMessage()).startsWith(file.toString()).contains(expected.fragment());
                    assertThat(e.line()).as("line").isEqualTo(expected.line());
                    assertThat(e.column()).as("column").isEqualTo(expected.column());
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }

    @Test
    void theCorpusIsLargeAndEveryFileIsListed() throws IOException {
        List<String> listed = expected().stream().map(Expected::file).toList();
        List<String> present;
        try (Stream<Path> files = Files.list(corpus())) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.csv") && !n.equals("README.md")).toList();
        }
        assertThat(listed).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(40);
        assertThat(present).containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void aDocumentOverOneMegabyteIsRejectedBeforeParsing(@TempDir Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("version: 1\nname: huge\nstorage:\n  data: 1 GB\n");
        while (yaml.length() <= WorkloadParser.MAX_BYTES) {
            yaml.append("# padding padding padding padding padding padding padding padding padding\n");
        }
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> parser.parse(file))
                .isExactlyInstanceOf(WorkloadException.class)
                .hasMessageStartingWith(file + ": file is too large (" + Files.size(file) + " bytes; the limit is 1000000 bytes)");
    }
}
