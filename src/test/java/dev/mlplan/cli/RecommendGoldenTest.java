package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import dev.mlplan.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example workload's plan, as a table and as JSON, against golden files. */
class RecommendGoldenTest {

    static Stream<String> workloads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void table(String file) {
        CliRun r = CliRun.run("recommend", "--no-color", "workloads/" + file);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("recommend/" + file.replace(".yaml", ".txt"), r.out());
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void json(String file) throws IOException {
        CliRun r = CliRun.run("recommend", "--format", "json", "workloads/" + file);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("catalog").get("id").asText()).isEqualTo("aws-2026-07");
        for (JsonNode w : root.get("workloads")) {
            assertThat(w.get("file").asText()).isEqualTo("workloads/" + file);
            for (JsonNode part : w.get("parts")) {
                assertThat(part.get("part").asText()).isIn("training", "inference", "storage", "batch");
                for (JsonNode o : part.get("options")) {
                    assertThat(o.has("rank") && o.has("id") && o.has("service") && o.has("count") && o.has("region") && o.has("pricing")
                            && o.has("monthlyUsd")).as("option fields of %s", o.get("id")).isTrue();
                    assertThat(o.get("monthlyUsd").asDouble()).isGreaterThanOrEqualTo(0);
                }
                for (JsonNode e : part.get("eliminated")) {
                    assertThat(e.has("instanceType")).as("eliminated entries always carry instanceType (null for Lambda)").isTrue();
                    assertThat(e.get("rule").asText()).matches("[a-z0-9-]+(\\.[a-z0-9-]+)+");
                }
            }
        }
        Golden.assertMatches("recommend/" + file.replace(".yaml", ".json"), r.out());
    }
}
