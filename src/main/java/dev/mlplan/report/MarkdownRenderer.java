package dev.mlplan.report;

import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.report.PlanText.RuleGroup;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.SafeText;
import dev.mlplan.util.Spool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as Markdown for architecture reviews (GitHub, GitLab, wikis): a summary, then per workload
 * and part the requirements, the ranked options with a Mermaid bar chart of their monthly cost, the
 * eliminated options grouped by rule with their reason, the assumptions behind the requirements,
 * the break-even against an owned machine with a Mermaid line chart, and the catalog's provenance.
 * Loops, not streams or lambdas (see {@link PlanText}).
 */
public final class MarkdownRenderer {
    private static final int MAX_NAMES = 6;

    private MarkdownRenderer() {}

    public static String render(PlanResult plan) {
        return PlanWriter.render(plan, MarkdownRenderer::writer);
    }

    /**
     * Writes the report into {@code out} one workload at a time ({@link PlanWriter}). The summary
     * table comes first but sums every workload, so the workloads' sections wait in a {@link Spool}
     * (a temporary file beyond a few MB) until the end.
     */
    public static PlanWriter writer(java.io.Writer out) {
        return new PlanWriter() {
            private PlanResult head;
            private final StringBuilder summary = new StringBuilder();
            private final Spool sections = new Spool();

            @Override
            public void begin(PlanResult head) {
                this.head = head;
            }

            @Override
            public void workload(WorkloadPlan w) throws java.io.IOException {
                summary.append("| [").append(cell(w.name())).append("](#").append(anchor(w.name())).append(") | ")
                        .append(PlanText.partNames(w)).append(" | ")
                        .append(w.monthlyUsd() == null ? "unknown" : Fmt.usd(w.monthlyUsd())).append(" | ")
                        .append(w.budget() == null ? "-" : Fmt.usd(w.budget().monthlyUsd())).append(" | ")
                        .append(w.budget() == null ? "no budget" : "**" + w.budget().status() + "**: " + cell(w.budget().reason())).append(" |\n");
                StringBuilder sb = new StringBuilder();
                MarkdownRenderer.workload(sb, w);
                sections.append(sb);
            }

            @Override
            public void end(PlanResult.Portfolio p) throws java.io.IOException {
                try (sections) {
                    StringBuilder sb = new StringBuilder();
                    sb.append("# mlplan report\n\n");
                    sb.append("mlplan ").append(head.mlplanVersion()).append(" · catalog `").append(head.catalog().id()).append("`, prices as of ")
                            .append(head.catalog().pricesAsOf()).append("\n\n");
                    PlanText.objective(head).ifPresent(o -> sb.append("Options ").append(o).append(".\n\n"));
                    sb.append("## Summary\n\n");
                    sb.append("| workload | parts | monthly (best options) | budget | status |\n");
                    sb.append("|---|---|--:|--:|---|\n");
                    sb.append(summary);
                    if (p != null) {
                        sb.append("| **portfolio** | ").append(p.workloads()).append(" workloads | **")
                                .append(p.monthlyUsd() == null ? "unknown" : Fmt.usd(p.monthlyUsd())).append("** | - | ")
                                .append(cell(PlanText.portfolio(p))).append(" |\n");
                        PlanText.split(p.byCategory()).ifPresent(x -> sb.append("\nPortfolio by category: ").append(x).append('\n'));
                    }
                    out.append(sb);
                    sections.copyTo(out);
                    sb.setLength(0);
                    sb.append("\n## Catalog provenance\n\n");
                    sb.append("- catalog: `").append(head.catalog().id()).append("`\n");
                    sb.append("- prices as of: ").append(head.catalog().pricesAsOf()).append('\n');
                    sb.append("- sources: ").append(text(head.catalog().source())).append('\n');
                    sb.append("- each cost line names the catalog source of its unit price (see `mlplan explain` and `mlplan catalog info`)\n");
                    out.append(sb);
                    out.flush();
                }
            }
        };
    }

    private static void workload(StringBuilder sb, WorkloadPlan w) {
        sb.append("\n## ").append(w.name()).append("\n\n");
        if (w.description() != null && !w.description().isBlank()) {
            sb.append(text(w.description().strip())).append("\n\n");
        }
        sb.append("- file: ").append(code(w.file())).append('\n');
        sb.append("- regions: ").append(String.join(", ", w.regions())).append('\n');
        sb.append("- monthly total (best option of each part): **")
                .append(w.monthlyUsd() == null ? "unknown (a part has no feasible option)" : Fmt.usd(w.monthlyUsd())).append("**\n");
        PlanText.split(w.byCategory()).ifPresent(x -> sb.append("- by category: ").append(x).append('\n'));
        w.costs().forEach(c -> sb.append("- workload line (once per file): ").append(text(PlanText.line(c))).append('\n'));
        if (PlanText.upfrontOfBest(w) > 0) {
            sb.append("- up front at purchase (reservations, capacity blocks of the best options): **").append(Fmt.usd(PlanText.upfrontOfBest(w)))
                    .append("**\n");
        }
        if (w.budget() != null) {
            sb.append("- budget: ").append(Fmt.usd(w.budget().monthlyUsd())).append(" → **").append(w.budget().status()).append("**: ")
                    .append(text(w.budget().reason())).append('\n');
        }
        for (String warning : w.warnings()) {
            sb.append("\n> **Warning:** ").append(text(warning)).append('\n');
        }
        for (PartPlan p : w.parts()) {
            part(sb, p);
        }
        if (!w.breakEven().isEmpty()) {
            breakEven(sb, w);
        }
    }

    private static void part(StringBuilder sb, PartPlan p) {
        sb.append("\n### ").append(PlanText.part(p)).append("\n\n");
        sb.append("| requirement | value |\n|---|--:|\n");
        for (Map.Entry<String, Object> e : p.requirements().entrySet()) {
            sb.append("| ").append(cell(Labels.label(e.getKey()))).append(" | ").append(cell(Labels.value(e.getKey(), e.getValue()))).append(" |\n");
        }
        if (p.requirements().get("months") instanceof List<?> months && !months.isEmpty()) {
            sb.append("\n**Storage over 12 months** (the best option's data, with its growth and lifecycle):\n\n").append(PlanText.curveTable(months));
        }
        sb.append("\n**Options**: ").append(PlanText.optionsCaption(p)).append("\n\n");
        if (p.options().isEmpty()) {
            sb.append("No feasible option: see the eliminations.\n");
        } else {
            boolean training = "training".equals(p.part()) || "batch".equals(p.part());
            sb.append("| # | service | resource | count | region | pricing | ").append(training ? "h/run | $/run | " : "capacity | ")
                    .append("$/month | notes |\n");
            sb.append("|--:|---|---|--:|---|---|").append(training ? "--:|--:|" : "---|").append("--:|---|\n");
            for (Option o : p.options()) {
                sb.append("| ").append(o.rank()).append(" | ").append(o.service().id()).append(" | ").append(cell(PlanText.resource(o))).append(" | ")
                        .append(o.count()).append(" | ").append(o.region()).append(" | ").append(o.pricing().id()).append(" | ");
                if (training) {
                    sb.append(PlanText.hoursPerRun(o)).append(" | ").append(PlanText.usdPerRun(o)).append(" | ");
                } else {
                    sb.append(cell(PlanText.capacity(o))).append(" | ");
                }
                sb.append(Fmt.usd(o.monthlyUsd())).append(" | ").append(cell(String.join("; ", o.notes() == null ? List.of() : o.notes())))
                        .append(" |\n");
            }
            bars(sb, Charts.optionCosts(p));
        }
        frontier(sb, p);
        List<String> sensitivity = PlanText.sensitivity(p);
        if (!sensitivity.isEmpty()) {
            sb.append("\n**Sensitivity**: rank 1 changes if\n\n");
            sensitivity.forEach(line -> sb.append("- ").append(line).append('\n'));
        }
        if (!p.eliminated().isEmpty()) {
            sb.append("\n**Eliminated options**, by rule\n\n");
            sb.append("| rule | resources | candidates | reason |\n|---|---|--:|---|\n");
            for (RuleGroup g : PlanText.byRule(p.eliminated())) {
                sb.append("| `").append(g.rule()).append("` | ").append(cell(PlanText.names(g.resources(), MAX_NAMES))).append(" | ")
                        .append(g.candidates()).append(" | ").append(cell(g.reason())).append(" |\n");
            }
        }
        if (p.assumptions() != null && !p.assumptions().isEmpty()) {
            sb.append("\n<details><summary>Assumptions behind the ").append(p.label()).append(" requirements</summary>\n\n");
            sb.append("| quantity | value | basis |\n|---|--:|---|\n");
            for (Step s : p.assumptions()) {
                sb.append("| ").append(cell(s.name())).append(" | ").append(cell(s.value())).append(" | ").append(cell(s.basis())).append(" |\n");
            }
            sb.append("\n</details>\n");
        }
    }

    private static void bars(StringBuilder sb, Charts.Bars bars) {
        double max = Charts.max(bars.values(), 0);
        List<String> labels = new ArrayList<>(bars.labels().size());
        for (String l : bars.labels()) {
            labels.add("\"" + quoted(l) + "\"");
        }
        List<String> values = new ArrayList<>(bars.values().size());
        for (Double v : bars.values()) {
            values.add(plain(v));
        }
        // option labels are long ("#1 trn1.32xlarge × 4 reserved-1y-partial-upfront"): horizontal bars keep them apart, one a row
        boolean horizontal = false;
        for (String l : bars.labels()) {
            horizontal |= l.length() > 12;
        }
        sb.append("\n```mermaid\n").append(init(horizontal ? 900 : 700, horizontal ? 80 + 40 * bars.values().size() : 400, 1))
                .append("xychart-beta").append(horizontal ? " horizontal" : "").append('\n');
        sb.append("    title \"").append(quoted(bars.title())).append("\"\n");
        sb.append("    x-axis [").append(String.join(", ", labels)).append("]\n");
        sb.append("    y-axis \"USD per month\" 0 --> ").append(plain(Charts.niceCeil(max))).append('\n');
        sb.append("    bar [").append(String.join(", ", values)).append("]\n");
        sb.append("```\n");
    }

    /**
     * The cost/time frontier (--frontier): a table, each point against the faster one before it, and
     * a Mermaid line through the points (Mermaid's xychart has no numeric x axis: the points are
     * spaced evenly and labelled with their hours).
     */
    private static void frontier(StringBuilder sb, PartPlan p) {
        Optional<Charts.FrontierChart> chart = Charts.frontier(p);
        if (chart.isEmpty()) {
            return;
        }
        sb.append("\n**Cost against time**: ").append(PlanText.frontierCaption(p)).append("\n\n");
        sb.append("| # | resource | pricing | region | h/run | $/month | against the faster point |\n|--:|---|---|---|--:|--:|---|\n");
        for (int i = 0; i < p.frontier().size(); i++) {
            var f = p.frontier().get(i);
            sb.append("| ").append(f.rank()).append(" | ").append(cell(PlanText.resource(f))).append(" | ").append(f.pricing().id()).append(" | ")
                    .append(f.region()).append(" | ").append(PlanText.frontierHours(p.frontier(), i)).append(" | ").append(Fmt.usd(f.monthlyUsd())).append(" | ")
                    .append(cell(PlanText.frontierTrade(p.frontier(), i))).append(" |\n");
        }
        Charts.FrontierChart c = chart.get();
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (int i = 0; i < c.frontier().size(); i++) {
            Charts.Dot d = c.frontier().get(i);
            xs.add("\"" + PlanText.frontierHours(p.frontier(), i) + " h\"");
            ys.add(plain(d.monthlyUsd()));
        }
        sb.append("\n```mermaid\n").append(init(900, 450, 1)).append("xychart-beta\n");
        sb.append("    title \"").append(quoted(p.label() + ": cost/time frontier, monthly cost (USD) by hours per run")).append("\"\n");
        sb.append("    x-axis [").append(String.join(", ", xs)).append("]\n");
        sb.append("    y-axis \"USD per month\" 0 --> ").append(plain(c.yMax())).append('\n');
        sb.append("    line [").append(String.join(", ", ys)).append("]\n");
        sb.append("```\n\n");
        legend(sb, List.of("the frontier, fastest point first (" + c.frontier().size() + " points)"));
    }

    private static void breakEven(StringBuilder sb, WorkloadPlan w) {
        sb.append("\n### Break-even: owning ").append(w.breakEven().get(0).local()).append(" vs renting\n\n");
        sb.append("| cloud option | break-even (cloud h/month) | local h/month at break-even | this workload (local h/month) | local $/month | cloud $/month | cheaper |\n");
        sb.append("|---|--:|--:|--:|--:|--:|---|\n");
        for (BreakEvenResult b : w.breakEven()) {
            sb.append("| ").append(cell(b.versus())).append(" | ").append(num(b.hoursPerMonth())).append(" | ").append(num(b.localHoursPerMonth()))
                    .append(" | ").append(num(b.workloadLocalHoursPerMonth())).append(" | ").append(money(b.localMonthlyUsd())).append(" | ")
                    .append(money(b.cloudMonthlyUsd())).append(" | ").append(b.cheaper() == null ? "-" : b.cheaper()).append(" |\n");
        }
        sb.append('\n');
        for (BreakEvenResult b : w.breakEven()) {
            sb.append("- ").append(cell(b.versus())).append(": ").append(text(PlanText.breakEven(b)));
            if (b.formula() != null && b.hoursPerMonth() != null) {
                sb.append(" (").append(text(b.formula())).append(')');
            }
            sb.append('\n');
        }
        Optional<Charts.BreakEvenChart> chart = Charts.breakEven(w);
        if (chart.isPresent()) {
            Charts.BreakEvenChart c = chart.get();
            int steps = 10;
            sb.append("\n```mermaid\n").append(init(900, 500, c.lines().size())).append("xychart-beta\n");
            sb.append("    title \"").append(quoted(c.title())).append("\"\n");
            StringBuilder xs = new StringBuilder();
            for (int i = 0; i <= steps; i++) {
                xs.append(i == 0 ? "" : ", ").append('"').append(Fmt.count(c.xMax() * i / steps)).append(" h\"");
            }
            sb.append("    x-axis [").append(xs).append("]\n");
            sb.append("    y-axis \"USD per month\" 0 --> ").append(plain(c.yMax())).append('\n');
            for (Charts.Line l : c.lines()) {
                StringBuilder ys = new StringBuilder();
                for (int i = 0; i <= steps; i++) {
                    ys.append(i == 0 ? "" : ", ").append(plain(l.at(c.xMax() * i / steps, c.xMax())));
                }
                sb.append("    line [").append(ys).append("]\n");
            }
            sb.append("```\n\n");
            List<String> names = new ArrayList<>();
            for (Charts.Line l : c.lines()) {
                names.add(l.name());
            }
            legend(sb, names);
            sb.append("\nThis workload needs ").append(Fmt.sig(c.workloadHours())).append(" local h/month.\n");
        }
    }

    /** Colour names of {@link Svg#COLORS} (Okabe–Ito), for the legends beside Mermaid charts. */
    private static final List<String> COLOR_NAMES = List.of("blue", "vermillion", "bluish green", "reddish purple", "orange", "sky blue", "black");

    /**
     * A Mermaid init directive for an xychart: its size (so that axis labels have room), and the
     * series colours fixed to {@link Svg#COLORS}, so that the legend beside it can name them
     * (Mermaid's xychart draws no legend of its own).
     */
    private static String init(int width, int height, int series) {
        List<String> palette = new ArrayList<>();
        for (int i = 0; i < Math.max(1, series); i++) {
            palette.add(Svg.COLORS.get(i % Svg.COLORS.size()));
        }
        return "%%{init: {\"xyChart\": {\"width\": " + width + ", \"height\": " + height + ", \"xAxis\": {\"labelFontSize\": 12}, "
                + "\"yAxis\": {\"labelFontSize\": 12}}, \"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"" + String.join(", ", palette)
                + "\"}}}}%%\n";
    }

    /** The legend of a Mermaid line chart, as a list beside it: each line's colour (as {@link #init} sets it) and name. */
    private static void legend(StringBuilder sb, List<String> names) {
        sb.append("Legend:\n\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append("- ").append(COLOR_NAMES.get(i % COLOR_NAMES.size())).append(" line (").append(Svg.COLORS.get(i % Svg.COLORS.size())).append("): ")
                    .append(cell(names.get(i))).append('\n');
        }
    }

    /** A table cell: no pipes or line breaks. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return text(s).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /**
     * Workload text as Markdown that shows it literally: HTML, entities and the link, image and code
     * marks escaped, so a description cannot add a link, an image (a tracking pixel in a pull-request
     * comment) or raw HTML ("<AdamW>" stays text); control characters and CI commands escaped by {@link SafeText}.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return SafeText.of(s.replace("\\", "\\\\")).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("[", "\\[").replace("]", "\\]").replace("`", "\\`").replace("!", "\\!");
    }

    /** A code span that holds any text: backticks in it get a longer fence (CommonMark 6.1). */
    static String code(String s) {
        String t = SafeText.of(s == null ? "" : s).replace("\r", " ").replace("\n", " ");
        String fence = "`";
        while (t.contains(fence)) {
            fence += "`";
        }
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return fence + pad + t + pad + fence;
    }

    /**
     * {@link #code} in a table cell: a {@code |} splits a GitHub table row even inside a code span, so it is escaped there too
     * (GitHub shows {@code \\|} in a cell as {@code |}); HTML and link marks inside a code span are shown as written.
     */
    static String codeCell(String s) {
        return code(s).replace("|", "\\|");
    }

    /** A GitHub heading anchor: lower case, spaces to hyphens, other punctuation dropped. */
    static String anchor(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static String quoted(String s) {
        return s.replace("\"", "'");
    }

    private static String num(Double v) {
        return v == null ? "-" : Fmt.sig(v);
    }

    private static String money(Double v) {
        return v == null ? "-" : Fmt.usd(v);
    }

    /** A chart number: 2 decimals, no grouping. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
