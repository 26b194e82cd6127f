package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.testing.Golden;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** report, recommend's document formats, explain, init, schema and completion, in-process. */
class ReportCommandsTest {
    static final String FT = "workloads/llama2-7b-finetune.yaml";
    static final String RTX = "workloads/research-rtx4090.yaml";

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withWorkloads(tmp);
    }

    @Test
    void reportFromASavedPlanEqualsRenderingTheWorkloads() {
        assertThat(cli.run("recommend", FT, RTX, "--format", "json", "--output", "plan.json").code()).isZero();
        for (String format : new String[] {"csv", "markdown", "html", "table"}) {
            Cli.Result fresh = cli.run("report", FT, RTX, "--format", format);
            Cli.Result saved = cli.run("report", "--from", "plan.json", "--format", format);
            assertThat(fresh.code()).as(fresh.err()).isZero();
            assertThat(saved.code()).as(saved.err()).isZero();
            assertThat(saved.out()).as(format).isEqualTo(fresh.out());
        }
        Cli.Result json = cli.run("report", "--from", "plan.json", "--format", "json");
        assertThat(json.out()).isEqualTo(cli.read("plan.json"));
    }

    /**
     * A saved plan is input too: mlplan writes every text made safe, so a plan whose texts hold an
     * escape sequence, a bidi override or a name across lines (a hand-edited or hostile file) is
     * refused with the JSON path, for --from, --baseline and diff alike, and nothing is rendered.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a\\n::error::x", "red \\u001b[31m", "rlo \\u202e gpj.exe", "bel \\u0007"}) // JSON escapes in the file
    void aSavedPlanHoldingControlCharactersIsRefused(String name) {
        assertThat(cli.run("recommend", FT, "--format", "json", "--output", "plan.json").code()).isZero();
        String json = cli.read("plan.json").replace("\"name\" : \"llama2-7b-finetune\"", "\"name\" : \"" + name + "\"");
        assertThat(json).isNotEqualTo(cli.read("plan.json"));
        cli.write("evil.json", json);
        for (String[] args : new String[][] {{"report", "--from", "evil.json"}, {"check", FT, "--baseline", "evil.json"}, {"diff", "evil.json", FT}}) {
            Cli.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("evil.json is not a plan as mlplan saves it: workloads[0].name holds a control");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void recommendWritesEveryFormat() {
        assertThat(cli.run("recommend", RTX, "--format", "csv").out()).startsWith("rowType,workload,file,part,rank,id,");
        assertThat(cli.run("recommend", RTX, "--format", "markdown").out()).startsWith("# mlplan report").contains("```mermaid");
        assertThat(cli.run("recommend", RTX, "--format", "html", "--output", "r.html").code()).isZero();
        assertThat(cli.read("r.html")).startsWith("<!DOCTYPE html>").contains("class=\"chart break-even\"");
        assertThat(cli.run("report", RTX, "--format", "html").out()).isEqualTo(cli.read("r.html"));
    }

    @Test
    void reportUsageErrors() {
        assertUsage(cli.run("report", "--format", "csv"), "give workload FILEs to plan, or --from PLAN");
        assertUsage(cli.run("report", FT, "--from", "plan.json"), "not both");
        assertUsage(cli.run("report", "--from", "plan.json"), "--from plan.json: no such file");
        assertUsage(cli.run("report", FT, "--format", "pdf"), "Invalid value for option '--format'");
        assertUsage(cli.run("report", FT, "--output", FT), "is an input file");
    }

    @Test
    void explainShowsTheFormulaChainCostsAndEliminations() {
        Cli.Result r = cli.run("explain", FT, "--top", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("TRAINING", "how they were estimated:", "training FLOPs", "costs:", "notes:", "eliminated, by rule:", "STORAGE",
                "MONTHLY TOTAL");
        String id = r.out().lines().filter(l -> l.strip().startsWith("#2 training/")).findFirst().orElseThrow().strip().split(" ")[1];
        Cli.Result one = cli.run("explain", FT, "--option", id);
        assertThat(one.code()).isZero();
        assertThat(one.out()).contains("option, rank 2 of", id).doesNotContain("STORAGE");
        String typo = id.replace("us-east-1", "us-east-2");
        Cli.Result bad = cli.run("explain", FT, "--option", typo);
        assertUsage(bad, "no feasible option '" + typo + "'");
        assertThat(bad.err()).contains("(did you mean '");
        assertUsage(cli.run("explain", FT, RTX), "Unmatched argument");
    }

    @Test
    void initWritesAValidCommentedExampleAndNeverOverwrites() throws Exception {
        Cli.Result r = cli.run("init");
        assertThat(r.code()).as(r.err()).isZero();
        String text = cli.read("workload.yaml");
        assertThat(text).startsWith("# yaml-language-server: $schema=mlplan-workload.schema.json\n").contains("# ");
        Workload w = ModelPresets.workloadParser().parse(tmp.resolve("workload.yaml"));
        assertThat(w.training()).isPresent();
        assertThat(w.inference()).isPresent();
        assertThat(w.storage()).isPresent();
        assertThat(w.local()).isPresent();
        assertThat(cli.run("recommend", "workload.yaml").code()).isZero();
        cli.write("workload.yaml", "mine");
        assertUsage(cli.run("init"), "workload.yaml already exists");
        assertThat(cli.read("workload.yaml")).isEqualTo("mine");
        Cli.Result stdout = cli.run("init", "--output", "-");
        assertThat(stdout.out()).isEqualTo(text);
        assertThat(cli.run("init", "--output", "other.yaml").code()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"training", "serving", "batch", "tabular"})
    void initKindWritesACommentedExampleThatPlans(String kind) throws Exception {
        Cli.Result r = cli.run("init", "--kind", kind);
        assertThat(r.code()).as(r.err()).isZero();
        String text = cli.read("workload.yaml");
        assertThat(text).startsWith("# yaml-language-server: $schema=mlplan-workload.schema.json\n").contains("\n# ", "mlplan init --kind " + kind);
        Workload w = ModelPresets.workloadParser().parse(tmp.resolve("workload.yaml"));
        switch (kind) {
            case "training" -> assertThat(w.training()).isPresent();
            case "serving" -> assertThat(w.inference()).isPresent();
            case "batch" -> assertThat(w.batch()).isPresent();
            default -> assertThat(w.training().orElseThrow().tabular()).isPresent();
        }
        Cli.Result plan = cli.run("recommend", "workload.yaml");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertUsage(cli.run("init", "--kind", kind), "workload.yaml already exists");
    }

    @Test
    void initWithoutKindWritesTheGeneralExampleAndAnUnknownKindIsAUsageError() {
        assertThat(cli.run("init", "--output", "-").out()).isEqualTo(InitCommand.example());
        Cli.Result typo = cli.run("init", "--kind", "servng");
        assertUsage(typo, "unknown kind 'servng' (did you mean 'serving'?)");
        assertThat(typo.err()).contains("expected one of: batch, training, serving, tabular");
        assertThat(cli.run("init", "--kind", "SERVING", "--output", "-").out()).contains("mlplan init --kind serving");
        assertThat(cli.run("init", "--help").out()).contains("--kind", "batch, training, serving, tabular");
    }

    @Test
    void schemaAndCompletion() {
        Cli.Result s = cli.run("schema");
        assertThat(s.code()).isZero();
        assertThat(s.out()).isEqualTo(SchemaCommand.text(dev.mlplan.catalog.CatalogLoader.embedded()));
        assertThat(cli.run("schema", "--output", "mlplan-workload.schema.json").code()).isZero();
        assertThat(cli.read("mlplan-workload.schema.json")).isEqualTo(s.out());
        Cli.Result c = cli.run("completion");
        assertThat(c.code()).isZero();
        assertThat(c.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_mlplan", "check", "report", "explain", "--max-increase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "report", "explain", "init", "schema", "completion", "recommend"})
    void helpIsGolden(String command) {
        Cli.Result r = cli.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:");
        Golden.assertMatches("cli/help-" + command + ".txt", r.out());
    }

    @Test
    void topLevelHelpListsTheNewCommands() {
        assertThat(cli.run("--help").out()).contains("check", "report", "explain", "init", "schema", "completion");
    }

    private static void assertUsage(Cli.Result r, String message) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }
}
