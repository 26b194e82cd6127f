package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mlplan diff} in-process: two example comparisons as table, JSON and Markdown goldens
 * (a workload against a busier copy of it; a saved plan of two workloads against a workload that
 * adds a target and a storage part), no change against itself, and bad input.
 */
class DiffCommandTest {
    static final String CHAT = "workloads/llm-chat-serving.yaml";
    /** llm-chat-serving with twice the traffic and a 5 s p99 instead of 10 s. */
    static final String BUSIER = "diff/llm-chat-busier.yaml";
    /** llm-chat-serving with ttft_p99 1s and a storage part for its logs. */
    static final String TTFT_LOGS = "diff/llm-chat-ttft-logs.yaml";

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = Cli.withWorkloads(tmp);
        Files.createDirectories(tmp.resolve("diff"));
        for (String f : new String[] {BUSIER, TTFT_LOGS}) {
            Files.copy(Path.of("src/test/resources").resolve(f), tmp.resolve(f));
        }
    }

    static Stream<String> formats() {
        return Stream.of("table", "json", "markdown");
    }

    private static String ext(String format) {
        return switch (format) {
            case "json" -> ".json";
            case "markdown" -> ".md";
            default -> ".txt";
        };
    }

    @ParameterizedTest
    @MethodSource("formats")
    void workloadAgainstBusierCopy(String format) {
        Cli.Result r = cli.run("diff", CHAT, BUSIER, "--format", format);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        Golden.assertMatches("diff/chat-busier" + ext(format), r.out());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void savedPlanAgainstWorkload(String format) {
        Cli.Result saved = cli.run("recommend", CHAT, "workloads/bert-realtime.yaml", "--format", "json", "--output", "main-plan.json");
        assertThat(saved.code()).as(saved.err()).isZero();
        Cli.Result r = cli.run("diff", "main-plan.json", TTFT_LOGS, "--format", format);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        Golden.assertMatches("diff/plan-vs-ttft-logs" + ext(format), r.out());
    }

    @Test
    void theJsonCarriesEveryChange() throws IOException {
        Cli.Result r = cli.run("diff", CHAT, BUSIER, "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("baseline").get("kind").asText()).isEqualTo("workload");
        JsonNode part = root.get("workloads").get(0).get("parts").get(0);
        assertThat(part.get("part").asText()).isEqualTo("inference");
        assertThat(part.get("change").asText()).isEqualTo("changed");
        assertThat(part.get("requirements").findValuesAsText("key")).contains("peakRequestsPerSecond", "latencyTargetMsP99");
        assertThat(part.get("deltaUsd").asDouble()).isCloseTo(part.get("currentUsd").asDouble() - part.get("baselineUsd").asDouble(),
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(root.get("deltaUsd").asDouble()).isPositive();
    }

    static Stream<String> workloads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void aWorkloadAgainstItselfHasNoChange(String file) throws IOException {
        String w = "workloads/" + file;
        Cli.Result same = cli.run("diff", w, w, "--format", "json");
        assertThat(same.code()).as(same.err()).isZero();
        assertNoChange(same.out());
        Cli.Result saved = cli.run("recommend", w, "--format", "json", "--output", "saved.json");
        assertThat(saved.code()).as(saved.err()).isZero();
        Cli.Result planVsFile = cli.run("diff", "saved.json", w, "--format", "json");
        assertThat(planVsFile.code()).as(planVsFile.err()).isZero();
        assertNoChange(planVsFile.out());
    }

    private static void assertNoChange(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("summary").asText()).contains("0 changed", "0 added", "0 removed");
        if (root.has("deltaUsd")) {
            assertThat(root.get("deltaUsd").asDouble()).isZero();
        }
        for (JsonNode w : root.get("workloads")) {
            assertThat(w.get("change").asText()).isEqualTo("unchanged");
            for (JsonNode p : w.get("parts")) {
                assertThat(p.get("change").asText()).as(p.get("part").asText()).isEqualTo("unchanged");
                assertThat(p.has("requirements") && !p.get("requirements").isEmpty()).isFalse();
                assertThat(p.has("eliminations") && !p.get("eliminations").isEmpty()).isFalse();
            }
        }
    }

    @Test
    void tableOfNoChangeSaysSo() {
        Cli.Result r = cli.run("diff", CHAT, CHAT);
        assertThat(r.code()).isZero();
        // $5,373.72 since CloudWatch Logs are stored compressed to 15% (docs/bill.md; was $5,374.11),
        // $5,374.09 with the model's weights in S3: 16.06 GB × $0.023 = $0.37
        assertThat(r.out()).contains("= llm-chat-serving", "(+$0.00, +0.0%)")
                .endsWith("total $5,374.09 → $5,374.09 a month (+$0.00, +0.0%); 1 workload: 0 changed, 1 unchanged, 0 added, 0 removed\n");
    }

    @Test
    void plansFromDifferentCatalogsAreFlagged() throws IOException {
        Cli.Result saved = cli.run("recommend", CHAT, "--format", "json", "--output", "old.json");
        assertThat(saved.code()).as(saved.err()).isZero();
        cli.write("old.json", cli.read("old.json").replace("\"id\" : \"aws-2026-07\"", "\"id\" : \"aws-2026-01\""));
        Cli.Result r = cli.run("diff", "old.json", CHAT);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: base and new were priced from different catalogs (aws-2026-01, prices as of 2026-07-20 → aws-2026-07");
        assertThat(cli.run("diff", CHAT, BUSIER).out()).doesNotContain("different catalogs");
    }

    @Test
    void writesAtomicallyToOutput() {
        Cli.Result r = cli.run("diff", CHAT, BUSIER, "--format", "markdown", "--output", "diff.md");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(cli.read("diff.md")).startsWith("## mlplan diff\n");
        Cli.Result self = cli.run("diff", CHAT, BUSIER, "--output", BUSIER);
        assertThat(self.code()).isEqualTo(ExitCode.USAGE);
        assertThat(self.err()).contains("is an input file");
    }

    @Test
    void badInputExitsTwoWithTheStandardMessage() {
        Cli.Result missingYaml = cli.run("diff", "workloads/nope.yaml", CHAT);
        assertThat(missingYaml.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missingYaml.err()).isEqualTo("mlplan: workloads/nope.yaml: file not found\n");

        Cli.Result missingPlan = cli.run("diff", CHAT, "nope.json");
        assertThat(missingPlan.code()).isEqualTo(ExitCode.USAGE);
        assertThat(missingPlan.err()).isEqualTo("mlplan: NEW nope.json: no such file\n");

        cli.write("not-a-plan.json", "{\"a\": 1}\n");
        Cli.Result notPlan = cli.run("diff", "not-a-plan.json", CHAT);
        assertThat(notPlan.code()).isEqualTo(ExitCode.USAGE);
        assertThat(notPlan.err()).startsWith("mlplan: BASE not-a-plan.json is not a saved mlplan plan");

        cli.write("typo.yaml", "version: 1\nname: typo\ninference:\n  modle: { preset: llama-3.1-8b }\n");
        Cli.Result typo = cli.run("diff", CHAT, "typo.yaml");
        assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err()).startsWith("mlplan: typo.yaml:4:3: unknown key 'modle' in inference (did you mean 'model'?)");

        Cli.Result oneFile = cli.run("diff", CHAT);
        assertThat(oneFile.code()).isEqualTo(ExitCode.USAGE);
        assertThat(oneFile.err()).contains("Missing required parameter: 'NEW'");

        Cli.Result badFormat = cli.run("diff", CHAT, BUSIER, "--format", "csv");
        assertThat(badFormat.code()).isEqualTo(ExitCode.USAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = "diff")
    void helpIsGolden(String command) {
        Cli.Result r = cli.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:");
        Golden.assertMatches("cli/help-" + command + ".txt", r.out());
    }
}
