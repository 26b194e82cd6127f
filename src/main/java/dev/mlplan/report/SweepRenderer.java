package dev.mlplan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlplan.plan.Sweep;
import dev.mlplan.plan.Sweep.Axis;
import dev.mlplan.plan.Sweep.Best;
import dev.mlplan.plan.Sweep.Crossover;
import dev.mlplan.plan.Sweep.Step;
import dev.mlplan.util.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep ({@link Sweep.Result}) as a table, JSON, CSV, Markdown or HTML with a chart. Every format
 * renders the one result.
 */
public final class SweepRenderer {
    private static final ObjectWriter JSON = JsonRenderer.mapper().writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private SweepRenderer() {}

    public static String json(Sweep.Result r) {
        try {
            return JSON.writeValueAsString(r) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the sweep as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The swept value as written: "1,000/day", "2.5B". */
    public static String value(double v, String unit) {
        return value(v, v, unit);
    }

    /** The value with enough digits to tell it from {@code other}. */
    static String value(double v, double other, String unit) {
        String n = Fmt.sigBeside(v, other);
        if (unit.isEmpty()) {
            return n;
        }
        return unit.startsWith("/") || List.of("%", "k", "M", "B", "G", "T").contains(unit) ? n + unit : n + " " + unit;
    }

    private static String heading(Sweep.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Sweep of ").append(r.workload()).append(" (").append(r.file()).append(")\n");
        for (Axis a : r.vary()) {
            sb.append("  ").append(a.key()).append(": ").append(value(a.from(), a.unit())).append(" to ").append(value(a.to(), a.unit())).append(", ")
                    .append(a.steps()).append(a.log() ? " steps, geometric" : " steps, linear").append('\n');
        }
        sb.append("  catalog ").append(r.catalog().id()).append(", prices as of ").append(r.catalog().pricesAsOf()).append('\n');
        return sb.toString();
    }

    private static List<String> parts(Sweep.Result r) {
        List<String> out = new ArrayList<>();
        for (Best b : r.steps().get(0).best()) {
            out.add(b.part());
        }
        return out;
    }

    private static List<String> headers(Sweep.Result r) {
        List<String> h = new ArrayList<>();
        for (Axis a : r.vary()) {
            h.add(a.key());
        }
        h.add("monthly total");
        for (String p : parts(r)) {
            h.add(p + ": best option");
            h.add(p + ": monthly");
        }
        return h;
    }

    private static List<List<String>> rows(Sweep.Result r) {
        List<List<String>> rows = new ArrayList<>();
        for (Step s : r.steps()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < r.vary().size(); i++) {
                row.add(value(s.at().get(i), r.vary().get(i).unit()));
            }
            row.add(s.monthlyUsd() == null ? "n/a" : Fmt.usd(s.monthlyUsd()));
            for (Best b : s.best()) {
                row.add(b.label());
                row.add(b.monthlyUsd() == null ? "n/a" : Fmt.usd(b.monthlyUsd()));
            }
            rows.add(row);
        }
        return rows;
    }

    static String crossover(Crossover c) {
        return c.part() + (c.row().isEmpty() ? "" : " (row " + Fmt.sig(c.row().get(0)) + ")") + ": at " + value(c.at(), c.below(), c.unit()) + ", "
                + c.from().label() + (c.from().monthlyUsd() == null ? "" : " (" + Fmt.usd(c.from().monthlyUsd()) + "/month)") + " gives way to "
                + c.to().label() + (c.to().monthlyUsd() == null ? "" : " (" + Fmt.usd(c.to().monthlyUsd()) + "/month)")
                + "; recommend ranks the first at " + value(c.below(), c.above(), c.unit()) + ", the second at "
                + value(c.above(), c.below(), c.unit());
    }

    private static String crossovers(Sweep.Result r, String bullet) {
        StringBuilder sb = new StringBuilder();
        if (r.crossovers().isEmpty()) {
            sb.append(bullet).append("none: every part's best option stays the same service, instance type, pricing model and region over the range\n");
        }
        for (Crossover c : r.crossovers()) {
            sb.append(bullet).append(crossover(c)).append('\n');
        }
        return sb.toString();
    }

    public static String table(Sweep.Result r) {
        List<String> h = headers(r);
        List<List<String>> rows = rows(r);
        int[] w = new int[h.size()];
        for (int i = 0; i < h.size(); i++) {
            w[i] = h.get(i).length();
            for (List<String> row : rows) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder(heading(r)).append('\n');
        appendRow(sb, h, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        appendRow(sb, rule, w);
        for (List<String> row : rows) {
            appendRow(sb, row, w);
        }
        sb.append("\nCrossovers (the best option's service, instance type, pricing model or region changes; bisection to 1e-4):\n");
        sb.append(crossovers(r, "  "));
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + w[i] + "s", cells.get(i))).append(i == cells.size() - 1 ? "" : "  ");
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    public static String csv(Sweep.Result r) {
        CsvSchema.Builder schema = CsvSchema.builder();
        List<String> h = new ArrayList<>();
        for (Axis a : r.vary()) {
            h.add(a.key() + (a.unit().isEmpty() ? "" : " (" + a.unit().strip() + ")"));
        }
        h.add("monthly_usd");
        for (String p : parts(r)) {
            h.add(p + ": id");
            h.add(p + ": monthly_usd");
        }
        for (String c : h) {
            schema.addColumn(c);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Step s : r.steps()) {
            List<String> row = new ArrayList<>();
            for (double v : s.at()) {
                row.add(JsonRenderer.stable(v).toPlainString());
            }
            row.add(s.monthlyUsd() == null ? "" : JsonRenderer.stable(s.monthlyUsd()).toPlainString());
            for (Best b : s.best()) {
                row.add(b.id() == null ? "" : b.id());
                row.add(b.monthlyUsd() == null ? "" : JsonRenderer.stable(b.monthlyUsd()).toPlainString());
            }
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build().withHeader().withLineSeparator("\n")).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the sweep as CSV: " + e.getOriginalMessage(), e);
        }
    }

    public static String markdown(Sweep.Result r) {
        StringBuilder sb = new StringBuilder("## Sweep: ").append(r.workload()).append("\n\n");
        for (Axis a : r.vary()) {
            sb.append("- `").append(a.key()).append("` from ").append(value(a.from(), a.unit())).append(" to ").append(value(a.to(), a.unit()))
                    .append(", ").append(a.steps()).append(a.log() ? " steps, geometric" : " steps, linear").append('\n');
        }
        sb.append("- catalog ").append(r.catalog().id()).append(", prices as of ").append(r.catalog().pricesAsOf()).append("\n\n");
        sb.append("### Crossovers\n\n").append(crossovers(r, "- ")).append('\n');
        sb.append("### Best option per step\n\n");
        List<String> h = headers(r);
        sb.append("| ").append(String.join(" | ", h)).append(" |\n|");
        for (int i = 0; i < h.size(); i++) {
            sb.append(i < r.vary().size() || i % 2 == r.vary().size() % 2 && i > r.vary().size() ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (List<String> row : rows(r)) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    public static String html(Sweep.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>mlplan sweep: ").append(HtmlRenderer.esc(r.workload()))
                .append("</title>\n<style>\n").append(HtmlRenderer.css()).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Sweep: ").append(HtmlRenderer.esc(r.workload())).append("</h1>\n<p class=\"meta\">").append(HtmlRenderer.esc(r.file()))
                .append(" · catalog ").append(HtmlRenderer.esc(r.catalog().id())).append(", prices as of ").append(HtmlRenderer.esc(r.catalog().pricesAsOf()))
                .append("</p>\n<ul>\n");
        for (Axis a : r.vary()) {
            sb.append("<li><code>").append(HtmlRenderer.esc(a.key())).append("</code> from ").append(HtmlRenderer.esc(value(a.from(), a.unit())))
                    .append(" to ").append(HtmlRenderer.esc(value(a.to(), a.unit()))).append(", ").append(a.steps())
                    .append(a.log() ? " steps, geometric" : " steps, linear").append("</li>\n");
        }
        sb.append("</ul>\n<h2 class=\"first\">Crossovers</h2>\n<ul>\n");
        for (String line : crossovers(r, "").split("\n")) {
            sb.append("<li>").append(HtmlRenderer.esc(line)).append("</li>\n");
        }
        sb.append("</ul>\n");
        if (r.vary().size() == 1) {
            sb.append("<figure>\n").append(Svg.sweep(chart(r))).append("<figcaption>Monthly cost of each part's best option against ")
                    .append(HtmlRenderer.esc(r.vary().get(0).key())).append(r.vary().get(0).log() ? " (log axes)" : "")
                    .append("; dashed lines mark the crossovers.</figcaption>\n</figure>\n");
        }
        sb.append("<h2>Best option per step</h2>\n<table>\n<tr>");
        for (String h : headers(r)) {
            sb.append("<th>").append(HtmlRenderer.esc(h)).append("</th>");
        }
        sb.append("</tr>\n");
        for (List<String> row : rows(r)) {
            sb.append("<tr>");
            for (String c : row) {
                sb.append("<td>").append(HtmlRenderer.esc(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The chart's data: per leading option (part and choice), its cost at the steps where it leads. */
    static Charts.SweepChart chart(Sweep.Result r) {
        Axis a = r.vary().get(0);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Step s : r.steps()) {
            for (Best b : s.best()) {
                if (b.monthlyUsd() != null) {
                    String name = b.part() + ": " + b.service() + (b.instanceType() == null ? "" : " " + b.instanceType()) + " " + b.pricing();
                    series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {s.at().get(0), b.monthlyUsd()});
                }
            }
        }
        List<Charts.Series> lines = new ArrayList<>();
        series.forEach((name, points) -> lines.add(new Charts.Series(name, List.copyOf(points))));
        List<Double> marks = new ArrayList<>();
        for (Crossover c : r.crossovers()) {
            marks.add(c.at());
        }
        return new Charts.SweepChart(r.workload() + ": monthly cost of the best option by " + a.key(), a.key() + " (" + value(1, a.unit()).replaceFirst("^1 ?", "")
                + ")", a.from(), a.to(), a.log(), List.copyOf(lines), List.copyOf(marks));
    }
}
