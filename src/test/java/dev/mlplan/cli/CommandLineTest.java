package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process command-line behaviour: exit codes, messages, files written. */
class CommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void versionAndHelp() {
        CliRun v = CliRun.run("--version");
        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("mlplan ");
        CliRun h = CliRun.run("--help");
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("recommend", "validate", "catalog", "Exit codes");
        CliRun rh = CliRun.run("recommend", "--help");
        assertThat(rh.out()).contains("Examples:", "--format", "--top");
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        CliRun r = CliRun.run("recommend", "--formt", "json", "workloads/tiny-sporadic.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--formt'").contains("--format");
    }

    @Test
    void missingFileIsExitCodeTwoWithoutAStackTrace() {
        CliRun r = CliRun.run("recommend", "workloads/nope.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mlplan: workloads/nope.yaml").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badYamlNamesFileLineAndColumnWithAHint() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "version: 1\nname: bad\ntraining:\n  model: { preset: llama-2-7b }\n  dataset: { size: 40 GB, tokens: 2B }\n  epoch: 3\n");
        CliRun r = CliRun.run(Map.of(), tmp, "recommend", "bad.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:6:3").contains("epoch").contains("did you mean 'epochs'?");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void outputIsWrittenAtomicallyAndNeverOverAnInput() throws IOException {
        Path work = Path.of("workloads/tiny-sporadic.yaml").toAbsolutePath();
        Path input = tmp.resolve("w.yaml");
        Files.copy(work, input);
        CliRun ok = CliRun.run(Map.of(), tmp, "recommend", "w.yaml", "--format", "json", "--output", "plan.json");
        assertThat(ok.exitCode()).isZero();
        assertThat(tmp.resolve("plan.json")).exists().content().startsWith("{");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.yaml", "plan.json");
        }
        String before = Files.readString(input);
        CliRun clash = CliRun.run(Map.of(), tmp, "recommend", "w.yaml", "--output", "w.yaml");
        assertThat(clash.exitCode()).isEqualTo(2);
        assertThat(clash.err()).contains("is an input file");
        assertThat(Files.readString(input)).isEqualTo(before);
        CliRun dir = CliRun.run(Map.of(), tmp, "recommend", "w.yaml", "--output", ".");
        assertThat(dir.exitCode()).isEqualTo(2);
        assertThat(dir.err()).contains("is a directory");
    }

    @Test
    void corruptCatalogIsExitCodeThree() throws IOException {
        Path cat = tmp.resolve("catalog.json");
        Files.writeString(cat, "{ \"formatVersion\": 1, \"id\": ");
        CliRun r = CliRun.run("recommend", "--catalog", cat.toString(), "workloads/tiny-sporadic.yaml");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("catalog").doesNotContain("\tat ");
    }

    @Test
    void validateReportsEveryFile() {
        CliRun r = CliRun.run("validate", "workloads/tiny-sporadic.yaml", "workloads/bert-realtime.yaml");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("workloads/tiny-sporadic.yaml: ok", "workloads/bert-realtime.yaml: ok");
    }

    @Test
    void catalogShowPrintsTheContractShape() {
        CliRun r = CliRun.run("catalog", "show", "p4d.24xlarge", "--region", "us-east-1", "--format", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"instanceType\" : \"p4d.24xlarge\"", "\"vcpus\" : 96", "\"count\" : 8", "\"usdPerHour\" : 21.957642");
        CliRun trn2 = CliRun.run("catalog", "show", "trn2.48xlarge");
        assertThat(trn2.out()).contains("not purchasable on demand");
        CliRun typo = CliRun.run("catalog", "show", "p4d.24xlarg");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("did you mean 'p4d.24xlarge'?");
    }

    @Test
    void catalogInfoShowsCoverage() {
        CliRun r = CliRun.run("catalog", "info");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("catalog aws-2026-07", "instanceTypes:", "on-demand:", "sources:", "older than 120 days");
    }

    @Test
    void assumptionsOnTheCommandLineOverrideTheDefaults() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        CliRun base = CliRun.run("recommend", "--format", "json", "workloads/llama2-7b-finetune.yaml");
        CliRun slow = CliRun.run("recommend", "--format", "json", "--mfu", "0.2", "workloads/llama2-7b-finetune.yaml");
        assertThat(base.exitCode()).isZero();
        assertThat(slow.exitCode()).isZero();
        var stepsBase = mapper.readTree(base.out()).at("/workloads/0/parts/0/assumptions").toString();
        var stepsSlow = mapper.readTree(slow.out()).at("/workloads/0/parts/0/assumptions").toString();
        assertThat(stepsBase).isEqualTo(stepsSlow);
        // a lower MFU makes every run longer, so the cheapest plan cannot get cheaper
        double cheapBase = mapper.readTree(base.out()).at("/workloads/0/parts/0/options/0/monthlyUsd").asDouble();
        double cheapSlow = mapper.readTree(slow.out()).at("/workloads/0/parts/0/options/0/monthlyUsd").asDouble();
        assertThat(cheapSlow).isGreaterThan(cheapBase);
        CliRun bad = CliRun.run("recommend", "--mfu", "0", "workloads/llama2-7b-finetune.yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--mfu must be above 0 and at most 1");
    }

    @Test
    void validateNamesEveryPartKindBatchIncluded() {
        CliRun v = CliRun.run("validate", "workloads/nightly-embeddings.yaml", "workloads/ml-platform.yaml");
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).contains("workloads/nightly-embeddings.yaml: ok (nightly-embeddings: batch embed-corpus)")
                .contains("training nightly-finetune");
    }

}
