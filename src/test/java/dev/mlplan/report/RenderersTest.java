package dev.mlplan.report;

import static dev.mlplan.testing.TestPlans.finetune;
import static dev.mlplan.testing.TestPlans.infeasible;
import static dev.mlplan.testing.TestPlans.plan;
import static dev.mlplan.testing.TestPlans.serving;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every plan format from one hand-built plan: golden files, and the CSV parsed back. */
class RenderersTest {
    static final PlanResult PLAN = plan(finetune(300, 10, 1000.0), serving(82.5, 4000.0), infeasible(500.0));

    @Test
    void jsonGoldenAndRoundTrip() throws Exception {
        String json = JsonRenderer.render(PLAN);
        Golden.assertMatches("report/plan.json", json);
        assertThat(JsonRenderer.render(JsonRenderer.read(json))).isEqualTo(json);
    }

    @Test
    void tableGolden() {
        Golden.assertMatches("report/plan.txt", new TableRenderer(false).render(PLAN));
    }

    @Test
    void csvGolden() {
        Golden.assertMatches("report/plan.csv", CsvRenderer.render(PLAN));
    }

    @Test
    void csvParsesBackToOneRowPerOptionAndElimination() throws Exception {
        String csv = CsvRenderer.render(PLAN);
        CsvMapper m = new CsvMapper();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = m.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            rows = it.readAll();
        }
        long options = PLAN.workloads().stream().flatMap(w -> w.parts().stream()).mapToLong(p -> p.options().size()).sum();
        long eliminated = PLAN.workloads().stream().flatMap(w -> w.parts().stream()).mapToLong(p -> p.eliminated().size()).sum();
        assertThat(rows).hasSize((int) (options + eliminated));
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(CsvRenderer.columns());
        Map<String, String> first = rows.get(0);
        assertThat(first).containsEntry("workload", "finetune").containsEntry("rowType", "option").containsEntry("rank", "1")
                .containsEntry("id", "training/ec2/trn1.32xlarge/spot/us-east-1").containsEntry("monthlyUsd", "300.00")
                .containsEntry("notes", "MFU 40%; spot: test note").containsEntry("rule", "");
        Map<String, String> elim = rows.stream().filter(r -> r.get("rowType").equals("eliminated") && r.get("instanceType").equals("g5.xlarge"))
                .findFirst().orElseThrow();
        assertThat(elim).containsEntry("rule", "instance.accelerator-memory").containsEntry("occurrences", "3")
                .containsEntry("reason", "needs 118 GiB; g5.xlarge has 24 GiB | a pipe").containsEntry("rank", "");
        assertThat(first).containsEntry("catalogId", "test-2026-01").containsEntry("catalogPricesAsOf", "2026-01-15");
        // two typed sections: every option row before every eliminated row
        int lastOption = 0;
        int firstEliminated = rows.size();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("rowType").equals("option")) {
                lastOption = i;
            } else {
                firstEliminated = Math.min(firstEliminated, i);
            }
        }
        assertThat(lastOption).isLessThan(firstEliminated);
        assertThat(rows).extracting(r -> r.get("rowType")).containsOnly("option", "eliminated");
        assertThat(rows).filteredOn(r -> r.get("workload").equals("infeasible")).allSatisfy(r -> assertThat(r.get("rowType")).isEqualTo("eliminated"));
    }

    /** The CSV header is a contract for spreadsheets and scripts: a change here is a change they must follow (docs/design.md, CSV). */
    @Test
    void csvHeaderIsStable() {
        assertThat(String.join(",", CsvRenderer.columns())).isEqualTo("rowType,workload,file,part,rank,id,service,instanceType,count,region,pricing,"
                + "hoursPerRun,usdPerRun,monthlyUsd,upfrontUsd,requestsPerSecondPerInstance,latencyMsP99,ttftMsP99,tpotMsP99,tokensPerSecondPerInstance,"
                + "rule,reason,occurrences,notes,catalogId,catalogPricesAsOf");
        assertThat(CsvRenderer.render(PLAN)).startsWith(String.join(",", CsvRenderer.columns()) + "\n");
    }

    @Test
    void markdownGoldenWithMermaidCharts() {
        String md = MarkdownRenderer.render(PLAN);
        Golden.assertMatches("report/plan.md", md);
        assertThat(count(md, "```mermaid\n%%{init: {\"xyChart\": {\"width\": ")).as("a bar chart per part with options + one break-even chart")
                .isEqualTo(4);
        assertThat(count(md, "xychart-beta horizontal\n")).as("option bars with long labels lie horizontal, one label a row").isEqualTo(3);
        assertThat(md).as("the line chart's colours fixed and named in a legend beside it")
                .contains("\"plotColorPalette\": \"#0072B2, #D55E00, #009E73, #CC79A7\"", "Legend:\n\n- blue line (#0072B2): own rtx-4090\n");
        assertThat(md).contains("## Summary", "### Training", "**Eliminated options**", "Assumptions behind the training requirements",
                "### Break-even: owning rtx-4090 vs renting", "## Catalog provenance", "needs 118 GiB; g5.xlarge has 24 GiB \\| a pipe");
        // every table row has as many cells as its header
        for (String table : md.split("\n\n")) {
            List<String> lines = table.lines().filter(l -> l.startsWith("|")).toList();
            if (lines.size() > 1) {
                int cells = cells(lines.get(0));
                assertThat(lines).allSatisfy(l -> assertThat(cells(l)).as(l).isEqualTo(cells));
            }
        }
    }

    @Test
    void htmlGoldenSelfContained() {
        String html = HtmlRenderer.render(PLAN);
        Golden.assertMatches("report/plan.html", html);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print");
        assertThat(count(html, "<svg ")).isEqualTo(4);
        assertThat(html).doesNotContain("<script", "<link", "src=\"http", "@import", "url(");
        assertThat(html).contains("A &lt;test&gt; fine-tune &amp; friends").doesNotContain("<test>");
        assertThat(count(html, "<circle ")).as("two break-even points").isEqualTo(2);
    }

    @Test
    void explainGoldenAndOneOption() {
        Golden.assertMatches("report/explain.txt", ExplainRenderer.render(PLAN, 2));
        String one = ExplainRenderer.renderOption(PLAN, "training/ec2/p4d.24xlarge/spot/us-east-1").orElseThrow();
        Golden.assertMatches("report/explain-option.txt", one);
        assertThat(one).contains("option, rank 2 of 40 feasible", "Instance hours [p4d.24xlarge, spot]", "how they were estimated")
                .doesNotContain("trn1.32xlarge/spot");
        assertThat(ExplainRenderer.renderOption(PLAN, "nope")).isEmpty();
        assertThat(ExplainRenderer.renderOption(PLAN, "training/ec2/trn1.32xlarge/on-demand/us-east-1")).get().asString()
                .contains("is the same resource under other pricing as this option", "option, rank 1 of 40 feasible");
        assertThat(ExplainRenderer.ids(PLAN)).contains("training/ec2/trn1.32xlarge/on-demand/us-east-1");
    }

    @Test
    void breakEvenChartRecoversTheLocalLine() {
        Charts.BreakEvenChart c = Charts.breakEven(PLAN.workloads().get(0)).orElseThrow();
        // fixed $175/month + $0.09 per local hour, from the plan's points
        assertThat(c.lines().get(0).y0()).isCloseTo(175, org.assertj.core.data.Offset.offset(1.0));
        assertThat(c.xMax()).isEqualTo(2500);
        assertThat(c.lines()).hasSize(4);
        assertThat(c.lines().get(3).y0()).as("a commitment is flat").isEqualTo(c.lines().get(3).y1());
        assertThat(Charts.breakEven(PLAN.workloads().get(1))).isEmpty();
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int cells(String row) {
        return row.replace("\\|", "").split("\\|", -1).length;
    }
}
