package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corrupt, wrong or missing catalog given with --catalog or MLPLAN_CATALOG: exit code 3, one message
 * naming the file and what is wrong, no stack trace, nothing on standard output; and a valid small
 * catalog file works.
 */
class CorruptCatalogCliTest {
    @TempDir
    static Path dir;
    static final Map<String, String> expected = new LinkedHashMap<>();
    static final Path WORKLOAD = Path.of("workloads/tiny-sporadic.yaml").toAbsolutePath();

    static void write(String name, String content, String fragment) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        expected.put(name, fragment);
    }

    static String replaceFirst(String json, String from, String to) {
        int i = json.indexOf(from);
        assertThat(i).as(from).isNotNegative();
        return json.substring(0, i) + to + json.substring(i + from.length());
    }

    @BeforeAll
    static void corpus() throws IOException {
        String valid = CatalogJson.toJson(TestCatalogs.small());
        Files.writeString(dir.resolve("valid.json"), valid);
        write("empty.json", "", "the file is empty");
        write("whitespace.json", " \n\t\n", "the file is empty");
        write("null.json", "null", "is empty");
        write("array.json", "[1, 2, 3]", "is not a valid mlplan catalog");
        write("object.json", "{}", "formatVersion: missing or null value");
        write("text.json", "this is not JSON", "is not a valid mlplan catalog");
        write("truncated.json", valid.substring(0, 2000), "is not a valid mlplan catalog");
        write("format-99.json", replaceFirst(valid, "\"formatVersion\": 1", "\"formatVersion\": 99"), "format version 99");
        write("unknown-field.json", replaceFirst(valid, "\"formatVersion\": 1", "\"formatVersion\": 1, \"colour\": \"red\""), "unknown field 'colour'");
        write("zero-price.json", valid.replaceFirst("\\[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",[0-9.]+,", "[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",0,"),
                "prices <= 0 or not a number");
        write("negative-price.json", valid.replaceFirst("\\[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",[0-9.]+,", "[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",-21.9,"),
                "prices <= 0 or not a number");
        write("infinite-price.json", valid.replaceFirst("\\[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",[0-9.]+,", "[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",1e400,"),
                "prices <= 0 or not a number");
        write("string-price.json", valid.replaceFirst("\\[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",[0-9.]+,", "[\"us-east-1\",\"p4d.24xlarge\",\"on-demand\",\"cheap\","),
                "]: expected double, found cheap (line ");
        write("accelerator-no-memory.json", valid.replaceFirst("(\\{\"name\":\"A10G\",\"kind\":\"gpu\",\"memoryGiB\":)[0-9.]+", "$10.0"),
                "accelerators without complete specs (memory, bandwidth, BF16 TFLOPS > 0; MFU, MBU in (0, 1]; others >= 0), e.g. A10G (memoryGiB=0.0)");
        write("accelerator-missing.json", valid.replaceFirst("\\{\"name\":\"A10G\",[^}]*\\},?", ""), "whose accelerator has no specs");
        write("duplicate-type.json", valid.replaceFirst("(\\{\"name\":\"m5.large\"[^\\n]*\\}),?", "$1,$1,"), "duplicate instance types");
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 0, 0, 0, 1, 2, 3});
        expected.put("binary.json", "is not a valid mlplan catalog");
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.json").toFile(), "rw")) {
            huge.setLength(CatalogLoader.MAX_FILE_BYTES + 1);
        }
        expected.put("huge.json", "is too large");
        Files.createDirectory(dir.resolve("a-directory.json"));
        expected.put("a-directory.json", "is a directory");
        expected.put("missing.json", "does not exist");
    }

    @Test
    void eachCorruptCatalogIsExitCodeThreeWithAClearMessage() {
        List<String> lines = new ArrayList<>();
        expected.forEach((name, fragment) -> {
            CliRun viaOption = CliRun.run(Map.of(), dir, "recommend", "--catalog", name, WORKLOAD.toString());
            CliRun viaEnv = CliRun.run(Map.of("MLPLAN_CATALOG", name), dir, "recommend", "--verbose", WORKLOAD.toString());
            for (CliRun r : List.of(viaOption, viaEnv)) {
                assertThat(r.exitCode()).as("%s: %s", name, r.err()).isEqualTo(3);
                assertThat(r.out()).as(name).isEmpty();
                assertThat(r.err()).as(name).startsWith("mlplan: ").contains(name).contains(fragment);
            }
            assertThat(viaOption.err()).as(name).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(viaOption.err().lines()).as(name).hasSize(1);
            lines.add(viaOption.err().strip());
        });
        System.out.printf("corrupt catalogs: %d files, each exit 3 with --catalog and with MLPLAN_CATALOG%n", expected.size());
        lines.forEach(l -> System.out.println("  " + (l.length() > 160 ? l.substring(0, 160) + "…" : l)));
    }

    @Test
    void aValidCatalogFileIsUsed() {
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "--catalog", "valid.json", "--format", "json", WORKLOAD.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{");
    }
}
