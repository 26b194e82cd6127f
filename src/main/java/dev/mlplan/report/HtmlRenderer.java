package dev.mlplan.report;

import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.report.PlanText.RuleGroup;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.Spool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan as one self-contained, printable HTML page: the same sections as the Markdown report, with
 * inline SVG charts (monthly cost per option; break-even lines). No scripts, no external styles,
 * fonts or images, so it can be mailed, archived or printed as it is. Loops, not streams or lambdas
 * (see {@link PlanText}).
 */
public final class HtmlRenderer {
    private static final int MAX_NAMES = 6;

    /** Options per part on the printed page (a workload prints in at most three A4 pages). */
    private static final int PRINTED_OPTIONS = 3;

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1b1f23; background: #fff;
                   margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
            h1 { font-size: 1.7em; margin: 0 0 4px; } h2 { border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin-top: 36px; }
            h3 { margin-top: 24px; } .meta { color: #57606a; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; width: 100%; }
            th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; } td.num, th.num { text-align: right; } td.num { white-space: nowrap; }
            .status { font-weight: 700; text-transform: uppercase; } .pass { color: #1a7f37; } .warn { color: #9a6700; } .fail { color: #cf222e; }
            .warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 6px 10px; border-radius: 4px; }
            figure { margin: 12px 0 20px; } figcaption { color: #57606a; font-size: 0.9em; }
            svg.chart { max-width: 100%; height: auto; font-family: inherit; }
            svg .chart-title { font-size: 14px; font-weight: 600; fill: #1b1f23; }
            svg .label, svg .value, svg .tick { font-size: 12px; fill: #1b1f23; } svg .axis-label { font-size: 12px; fill: #57606a; }
            svg .grid { stroke: #e5e7eb; stroke-width: 1; } svg .axis { stroke: #57606a; stroke-width: 1; }
            svg .marker { stroke: #57606a; stroke-width: 1; stroke-dasharray: 4 4; } svg .point { fill: #fff; stroke: #1b1f23; stroke-width: 2; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
            .print-only { display: none; }
            @media print {
              @page { size: A4; margin: 9mm 9mm 10mm; }
              body { max-width: none; padding: 0; font-size: 8pt; line-height: 1.3; }
              h1 { font-size: 14pt; } h2 { font-size: 12pt; margin: 10px 0 4px; } h3 { font-size: 9.5pt; margin: 8px 0 3px; }
              h2, h3 { break-after: avoid; }
              p, ul { margin: 4px 0; }
              table { font-size: 7pt; margin: 3px 0 6px; } th, td { padding: 0 3px; line-height: 1.25; }
              tr, figure, li { break-inside: avoid; }
              table.requirements, table.requirements tbody { display: block; width: auto; } table.requirements thead { display: none; }
              table.requirements tr { display: inline-block; margin: 0 14px 2px 0; }
              table.requirements td { display: inline; border: none; padding: 0 3px 0 0; } table.requirements td.num { font-weight: 600; }
              .screen-only, figure.option-costs, .more-notes { display: none; }
              .print-only { display: block; } table.options td:nth-child(5) { white-space: nowrap; }
              figure { margin: 4px 0 8px; } svg.chart { max-height: 62mm; width: auto; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    private HtmlRenderer() {}

    /** The page's style sheet, shared with the sweep page. */
    static String css() {
        return CSS;
    }

    public static String render(PlanResult plan) {
        return PlanWriter.render(plan, HtmlRenderer::writer);
    }

    /**
     * Writes the page into {@code out} one workload at a time ({@link PlanWriter}). The title and the
     * summary table come first but name every workload, so the workloads' sections wait in a
     * {@link Spool} (a temporary file beyond a few MB) until the end.
     */
    public static PlanWriter writer(java.io.Writer out) {
        return new PlanWriter() {
            private PlanResult head;
            private final List<String> names = new ArrayList<>();
            private final StringBuilder summary = new StringBuilder();
            private final Spool sections = new Spool();

            @Override
            public void begin(PlanResult head) {
                this.head = head;
            }

            @Override
            public void workload(WorkloadPlan w) throws java.io.IOException {
                names.add(w.name());
                StringBuilder sb = summary;
                sb.append("<tr><td><a href=\"#").append(esc(MarkdownRenderer.anchor(w.name()))).append("\">").append(esc(w.name())).append("</a></td><td>")
                        .append(esc(PlanText.partNames(w))).append("</td><td class=\"num\">")
                        .append(w.monthlyUsd() == null ? "unknown" : Fmt.usd(w.monthlyUsd())).append("</td><td class=\"num\">")
                        .append(w.budget() == null ? "-" : Fmt.usd(w.budget().monthlyUsd())).append("</td><td>");
                if (w.budget() == null) {
                    sb.append("no budget");
                } else {
                    sb.append("<span class=\"status ").append(esc(w.budget().status())).append("\">").append(esc(w.budget().status())).append("</span> ")
                            .append(esc(w.budget().reason()));
                }
                sb.append("</td></tr>\n");
                StringBuilder section = new StringBuilder();
                HtmlRenderer.workload(section, w);
                sections.append(section);
            }

            @Override
            public void end(PlanResult.Portfolio p) throws java.io.IOException {
                try (sections) {
                    StringBuilder sb = new StringBuilder();
                    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                            .append("<meta name=\"generator\" content=\"mlplan ").append(esc(head.mlplanVersion())).append("\">\n")
                            .append("<title>mlplan report: ").append(esc(String.join(", ", names)))
                            .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
                    sb.append("<header>\n<h1>mlplan report</h1>\n<p class=\"meta\">mlplan ").append(esc(head.mlplanVersion())).append(" · catalog <code>")
                            .append(esc(head.catalog().id())).append("</code>, prices as of ").append(esc(head.catalog().pricesAsOf())).append("</p>\n");
                    PlanText.objective(head).ifPresent(o -> sb.append("<p class=\"meta\">Options ").append(esc(o)).append(".</p>\n"));
                    sb.append("</header>\n");
                    sb.append("<main>\n<h2 class=\"summary\">Summary</h2>\n<table>\n<thead><tr><th>workload</th><th>parts</th><th class=\"num\">monthly (best options)</th>")
                            .append("<th class=\"num\">budget</th><th>status</th></tr></thead>\n<tbody>\n");
                    sb.append(summary);
                    if (p != null) {
                        sb.append("<tr class=\"portfolio\"><td><strong>portfolio</strong></td><td>").append(p.workloads()).append(" workloads</td><td class=\"num\"><strong>")
                                .append(p.monthlyUsd() == null ? "unknown" : Fmt.usd(p.monthlyUsd())).append("</strong></td><td class=\"num\">-</td><td>")
                                .append(esc(PlanText.portfolio(p))).append("</td></tr>\n");
                    }
                    sb.append("</tbody>\n</table>\n");
                    if (p != null) {
                        PlanText.split(p.byCategory()).ifPresent(x -> sb.append("<p>portfolio by category: ").append(esc(x)).append("</p>\n"));
                    }
                    out.append(sb);
                    sections.copyTo(out);
                    sb.setLength(0);
                    sb.append("</main>\n<footer>\n<h2 class=\"provenance\">Catalog provenance</h2>\n<ul>\n<li>catalog: <code>").append(esc(head.catalog().id()))
                            .append("</code></li>\n<li>prices as of: ").append(esc(head.catalog().pricesAsOf())).append("</li>\n<li>sources: ")
                            .append(esc(head.catalog().source())).append("</li>\n")
                            .append("<li>each cost line names the catalog source of its unit price (<code>mlplan explain</code>, <code>mlplan catalog info</code>)</li>\n")
                            .append("</ul>\n</footer>\n</body>\n</html>\n");
                    out.append(sb);
                    out.flush();
                }
            }
        };
    }

    private static void workload(StringBuilder sb, WorkloadPlan w) {
        sb.append("<section class=\"workload\" id=\"").append(esc(MarkdownRenderer.anchor(w.name()))).append("\">\n<h2>").append(esc(w.name()))
                .append("</h2>\n");
        if (w.description() != null && !w.description().isBlank()) {
            sb.append("<p>").append(esc(w.description().strip())).append("</p>\n");
        }
        sb.append("<ul>\n<li>file: <code>").append(esc(w.file())).append("</code></li>\n<li>regions: ").append(esc(String.join(", ", w.regions())))
                .append("</li>\n<li>monthly total (best option of each part): <strong>")
                .append(w.monthlyUsd() == null ? "unknown (a part has no feasible option)" : Fmt.usd(w.monthlyUsd())).append("</strong></li>\n");
        PlanText.split(w.byCategory()).ifPresent(x -> sb.append("<li>by category: ").append(esc(x)).append("</li>\n"));
        w.costs().forEach(c -> sb.append("<li>workload line (once per file): ").append(esc(PlanText.line(c))).append("</li>\n"));
        if (PlanText.upfrontOfBest(w) > 0) {
            sb.append("<li>up front at purchase (reservations, capacity blocks of the best options): <strong>").append(Fmt.usd(PlanText.upfrontOfBest(w)))
                    .append("</strong></li>\n");
        }
        if (w.budget() != null) {
            sb.append("<li>budget: ").append(Fmt.usd(w.budget().monthlyUsd())).append(" → <span class=\"status ").append(esc(w.budget().status()))
                    .append("\">").append(esc(w.budget().status())).append("</span>: ").append(esc(w.budget().reason())).append("</li>\n");
        }
        sb.append("</ul>\n");
        for (String warning : w.warnings()) {
            sb.append("<p class=\"warning\"><strong>Warning:</strong> ").append(esc(warning)).append("</p>\n");
        }
        for (PartPlan p : w.parts()) {
            part(sb, p);
        }
        if (!w.breakEven().isEmpty()) {
            breakEven(sb, w);
        }
        sb.append("</section>\n");
    }

    private static void part(StringBuilder sb, PartPlan p) {
        sb.append("<h3>").append(esc(PlanText.part(p))).append("</h3>\n");
        sb.append("<table class=\"requirements\">\n<thead><tr><th>requirement</th><th class=\"num\">value</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Object> e : p.requirements().entrySet()) {
            sb.append("<tr><td>").append(esc(Labels.label(e.getKey()))).append("</td><td class=\"num\">").append(esc(Labels.value(e.getKey(), e.getValue())))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("<p><strong>Options</strong>: ").append(esc(PlanText.optionsCaption(p))).append("</p>\n");
        if (p.options().isEmpty()) {
            sb.append("<p class=\"fail\">No feasible option: see the eliminations.</p>\n");
        } else {
            boolean training = "training".equals(p.part()) || "batch".equals(p.part());
            sb.append("<table class=\"options\">\n<thead><tr><th class=\"num\">#</th><th>service</th><th>resource</th><th class=\"num\">count</th>")
                    .append("<th>region</th><th>pricing</th>")
                    .append(training ? "<th class=\"num\">h/run</th><th class=\"num\">$/run</th>" : "<th>capacity</th>")
                    .append("<th class=\"num\">$/month</th><th>notes</th></tr></thead>\n<tbody>\n");
            for (Option o : p.options()) {
                // the printed page keeps the first PRINTED_OPTIONS options and each one's first note
                sb.append(o.rank() > PRINTED_OPTIONS ? "<tr class=\"screen-only\">" : "<tr>").append("<td class=\"num\">").append(o.rank()).append("</td><td>").append(esc(o.service().id())).append("</td><td>")
                        .append(esc(PlanText.resource(o))).append("</td><td class=\"num\">").append(o.count()).append("</td><td>").append(esc(o.region()))
                        .append("</td><td>").append(esc(o.pricing().id())).append("</td>");
                if (training) {
                    sb.append("<td class=\"num\">").append(PlanText.hoursPerRun(o)).append("</td><td class=\"num\">").append(PlanText.usdPerRun(o))
                            .append("</td>");
                } else {
                    sb.append("<td>").append(esc(PlanText.capacity(o))).append("</td>");
                }
                sb.append("<td class=\"num\">").append(Fmt.usd(o.monthlyUsd())).append("</td><td>")
                        .append(notes(o.notes())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            if (p.options().size() > PRINTED_OPTIONS) {
                sb.append("<p class=\"print-only meta\">Printed: the first ").append(PRINTED_OPTIONS).append(" of ").append(p.options().size())
                        .append(" options, each with its first note; the screen version has all.</p>\n");
            }
            sb.append("<figure class=\"option-costs\">\n").append(Svg.bars(Charts.optionCosts(p))).append("<figcaption>Monthly cost of the ranked options; #1 highlighted.</figcaption>\n</figure>\n");
        }
        frontier(sb, p);
        List<String> sensitivity = PlanText.sensitivity(p);
        if (!sensitivity.isEmpty()) {
            sb.append("<p><strong>Sensitivity</strong>: rank 1 changes if</p>\n<ul class=\"sensitivity\">\n");
            sensitivity.forEach(line -> sb.append("<li>").append(esc(line)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        if (!p.eliminated().isEmpty()) {
            sb.append("<p class=\"print-only eliminated-summary\">").append(esc(eliminatedSummary(p))).append("</p>\n");
            sb.append("<div class=\"screen-only\">\n<p><strong>Eliminated options</strong>, by rule</p>\n<table class=\"eliminated\">\n<thead><tr><th>rule</th><th>resources</th>")
                    .append("<th class=\"num\">candidates</th><th>reason</th></tr></thead>\n<tbody>\n");
            for (RuleGroup g : PlanText.byRule(p.eliminated())) {
                sb.append("<tr><td><code>").append(esc(g.rule())).append("</code></td><td>").append(esc(PlanText.names(g.resources(), MAX_NAMES)))
                        .append("</td><td class=\"num\">").append(g.candidates()).append("</td><td>").append(esc(g.reason())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n</div>\n");
        }
        if (p.assumptions() != null && !p.assumptions().isEmpty()) {
            sb.append("<p><strong>Assumptions</strong> behind the ").append(esc(p.label())).append(" requirements</p>\n")
                    .append("<table class=\"assumptions\">\n<thead><tr><th>quantity</th><th class=\"num\">value</th><th>basis</th></tr></thead>\n<tbody>\n");
            for (Step s : p.assumptions()) {
                sb.append("<tr><td>").append(esc(s.name())).append("</td><td class=\"num\">").append(esc(s.value())).append("</td><td>").append(esc(s.basis()))
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
    }

    /** The cost/time frontier (--frontier): a table, each point against the faster one before it, and the chart. */
    private static void frontier(StringBuilder sb, PartPlan p) {
        Optional<Charts.FrontierChart> chart = Charts.frontier(p);
        if (chart.isEmpty()) {
            return;
        }
        sb.append("<p><strong>Cost against time</strong>: ").append(esc(PlanText.frontierCaption(p))).append("</p>\n");
        sb.append("<table class=\"frontier\">\n<thead><tr><th class=\"num\">#</th><th>resource</th><th>pricing</th><th>region</th>")
                .append("<th class=\"num\">h/run</th><th class=\"num\">$/month</th><th>against the faster point</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < p.frontier().size(); i++) {
            var f = p.frontier().get(i);
            sb.append("<tr><td class=\"num\">").append(f.rank()).append("</td><td>").append(esc(PlanText.resource(f))).append("</td><td>")
                    .append(esc(f.pricing().id())).append("</td><td>").append(esc(f.region())).append("</td><td class=\"num\">").append(PlanText.frontierHours(p.frontier(), i))
                    .append("</td><td class=\"num\">").append(Fmt.usd(f.monthlyUsd())).append("</td><td>").append(esc(PlanText.frontierTrade(p.frontier(), i)))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("<figure>\n").append(Svg.frontier(chart.get()))
                .append("<figcaption>Monthly cost against hours per run: the frontier joined (blue), the other ranked options shown in grey.</figcaption>\n</figure>\n");
    }

    private static void breakEven(StringBuilder sb, WorkloadPlan w) {
        sb.append("<h3>Break-even: owning ").append(esc(w.breakEven().get(0).local())).append(" vs renting</h3>\n");
        sb.append("<table class=\"break-even\">\n<thead><tr><th>cloud option</th><th class=\"num\">break-even (cloud h/month)</th>")
                .append("<th class=\"num\">local h/month at break-even</th><th class=\"num\">this workload (local h/month)</th>")
                .append("<th class=\"num\">local $/month</th><th class=\"num\">cloud $/month</th><th>cheaper</th></tr></thead>\n<tbody>\n");
        for (BreakEvenResult b : w.breakEven()) {
            sb.append("<tr><td>").append(esc(b.versus())).append("</td><td class=\"num\">").append(num(b.hoursPerMonth())).append("</td><td class=\"num\">")
                    .append(num(b.localHoursPerMonth())).append("</td><td class=\"num\">").append(num(b.workloadLocalHoursPerMonth()))
                    .append("</td><td class=\"num\">").append(money(b.localMonthlyUsd())).append("</td><td class=\"num\">").append(money(b.cloudMonthlyUsd()))
                    .append("</td><td>").append(esc(b.cheaper() == null ? "-" : b.cheaper())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n<ul>\n");
        for (BreakEvenResult b : w.breakEven()) {
            sb.append("<li>").append(esc(b.versus())).append(": ").append(esc(PlanText.breakEven(b)));
            if (b.formula() != null && b.hoursPerMonth() != null) {
                sb.append(" <span class=\"meta\">(").append(esc(b.formula())).append(")</span>");
            }
            sb.append("</li>\n");
        }
        sb.append("</ul>\n");
        Optional<Charts.BreakEvenChart> chart = Charts.breakEven(w);
        if (chart.isPresent()) {
            sb.append("<figure>\n").append(Svg.breakEven(chart.get()))
                    .append("<figcaption>Monthly cost by local working hours: where a cloud line crosses the local line (circles), owning starts to pay off. ")
                    .append("A commitment (reserved, savings plan) is flat.</figcaption>\n</figure>\n");
        }
    }

    /** An option's notes: the first, then the others in a span the printed page leaves out. */
    private static String notes(List<String> notes) {
        if (notes == null || notes.isEmpty()) {
            return "";
        }
        String first = esc(notes.get(0));
        return notes.size() == 1 ? first
                : first + "<span class=\"more-notes\">; " + esc(String.join("; ", notes.subList(1, notes.size()))) + "</span>";
    }

    /** The printed page's one line for the eliminated options: "Eliminated: 34 candidates by 5 rules: lambda.duration (1), …". */
    static String eliminatedSummary(PartPlan p) {
        List<RuleGroup> groups = PlanText.byRule(p.eliminated());
        int candidates = 0;
        List<String> rules = new ArrayList<>();
        for (RuleGroup g : groups) {
            candidates += g.candidates();
            rules.add(g.rule() + " (" + Fmt.count(g.candidates()) + ")");
        }
        return "Eliminated: " + Fmt.count(candidates) + (candidates == 1 ? " candidate" : " candidates") + " by " + groups.size()
                + (groups.size() == 1 ? " rule: " : " rules: ") + String.join(", ", rules) + " (the screen version and mlplan explain give each reason).";
    }

    private static String num(Double v) {
        return v == null ? "-" : Fmt.sig(v);
    }

    private static String money(Double v) {
        return v == null ? "-" : Fmt.usd(v);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
