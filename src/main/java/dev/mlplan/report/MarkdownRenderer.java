package dev.mlplan.report;

import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.report.PlanText.RuleGroup;
import dev.mlplan.util.Fmt;
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
        StringBuilder sb = new StringBuilder();
        sb.append("# mlplan report\n\n");
        sb.append("mlplan ").append(plan.mlplanVersion()).append(" · catalog `").append(plan.catalog().id()).append("`, prices as of ")
                .append(plan.catalog().pricesAsOf()).append("\n\n");
        PlanText.objective(plan).ifPresent(o -> sb.append("Options ").append(o).append(".\n\n"));
        sb.append("## Summary\n\n");
        sb.append("| workload | parts | monthly (best options) | budget | status |\n");
        sb.append("|---|---|--:|--:|---|\n");
        for (WorkloadPlan w : plan.workloads()) {
            sb.append("| [").append(cell(w.name())).append("](#").append(anchor(w.name())).append(") | ")
                    .append(PlanText.partNames(w)).append(" | ")
                    .append(w.monthlyUsd() == null ? "unknown" : Fmt.usd(w.monthlyUsd())).append(" | ")
                    .append(w.budget() == null ? "-" : Fmt.usd(w.budget().monthlyUsd())).append(" | ")
                    .append(w.budget() == null ? "no budget" : "**" + w.budget().status() + "**: " + cell(w.budget().reason())).append(" |\n");
        }
        if (plan.portfolio() != null) {
            var p = plan.portfolio();
            sb.append("| **portfolio** | ").append(p.workloads()).append(" workloads | **")
                    .append(p.monthlyUsd() == null ? "unknown" : Fmt.usd(p.monthlyUsd())).append("** | - | ")
                    .append(cell(PlanText.portfolio(p))).append(" |\n");
            PlanText.split(p.byCategory()).ifPresent(x -> sb.append("\nPortfolio by category: ").append(x).append('\n'));
        }
        for (WorkloadPlan w : plan.workloads()) {
            workload(sb, w);
        }
        sb.append("\n## Catalog provenance\n\n");
        sb.append("- catalog: `").append(plan.catalog().id()).append("`\n");
        sb.append("- prices as of: ").append(plan.catalog().pricesAsOf()).append('\n');
        sb.append("- sources: ").append(text(plan.catalog().source())).append('\n');
        sb.append("- each cost line names the catalog source of its unit price (see `mlplan explain` and `mlplan catalog info`)\n");
        return sb.toString();
    }

    private static void workload(StringBuilder sb, WorkloadPlan w) {
        sb.append("\n## ").append(w.name()).append("\n\n");
        if (w.description() != null && !w.description().isBlank()) {
            sb.append(text(w.description().strip())).append("\n\n");
        }
        sb.append("- file: `").append(w.file()).append("`\n");
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
            sb.append("| ").append(cell(e.getKey())).append(" | ").append(cell(PlanText.value(e.getValue()))).append(" |\n");
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
        sb.append("\n```mermaid\nxychart-beta\n");
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
        sb.append("\n```mermaid\nxychart-beta\n");
        sb.append("    title \"").append(quoted(p.label() + ": cost/time frontier, monthly cost (USD) by hours per run")).append("\"\n");
        sb.append("    x-axis [").append(String.join(", ", xs)).append("]\n");
        sb.append("    y-axis \"USD per month\" 0 --> ").append(plain(c.yMax())).append('\n');
        sb.append("    line [").append(String.join(", ", ys)).append("]\n");
        sb.append("```\n");
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
            sb.append("\n```mermaid\nxychart-beta\n");
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
            sb.append("Lines, in order: ");
            for (int i = 0; i < c.lines().size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(cell(c.lines().get(i).name()));
            }
            sb.append(". This workload needs ").append(Fmt.sig(c.workloadHours())).append(" local h/month.\n");
        }
    }

    /** A table cell: no pipes or line breaks. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return text(s).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** Text outside tables: angle brackets escaped, so that "<AdamW>" is not taken for an HTML tag. */
    static String text(String s) {
        return s == null ? "" : s.replace("<", "&lt;").replace(">", "&gt;");
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
