package dev.mlplan.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.mlplan.gate.Gate;
import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.PlanDiff;
import dev.mlplan.gate.PlanDiff.Chosen;
import dev.mlplan.gate.PlanDiff.EliminationChange;
import dev.mlplan.gate.PlanDiff.PartChange;
import dev.mlplan.gate.PlanDiff.RequirementChange;
import dev.mlplan.gate.PlanDiff.Side;
import dev.mlplan.gate.PlanDiff.WorkloadDiff;
import dev.mlplan.util.Fmt;
import java.util.Objects;

/**
 * {@code mlplan diff} for people: a terminal table ({@link #table}) and a Markdown body to post as
 * a pull-request comment ({@link #markdown}): per workload and part, the rank-1 option before and
 * after with its unit price, the monthly delta with its sign, the requirements that differ and the
 * rules that eliminate more or fewer candidates. Both render the same {@link PlanDiff}.
 */
public final class DiffRenderer {
    private DiffRenderer() {}

    public static String table(PlanDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("mlplan diff · base ").append(side(d.baseline())).append('\n');
        sb.append("            · new  ").append(side(d.current())).append('\n');
        catalogNote(d).ifPresent(n -> sb.append(n).append('\n'));
        String[][] rows = d.workloads().stream()
                .map(w -> new String[] {CheckRenderer.marker(w.change()), w.name(), CheckRenderer.usd(w.baselineUsd()),
                    CheckRenderer.usd(w.currentUsd()), CheckRenderer.delta(w.deltaUsd()), CheckRenderer.pct(w.deltaPercent())})
                .toArray(String[][]::new);
        Column[] cols = {col("", false), col("workload", false), col("base", true), col("new", true), col("Δ", true), col("Δ%", true)};
        sb.append(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, cols, rows)).append('\n');
        for (WorkloadDiff w : d.workloads()) {
            sb.append('\n').append(CheckRenderer.marker(w.change())).append(' ').append(w.name()).append("  ").append(money(w.baselineUsd(),
                    w.currentUsd(), w.deltaUsd(), w.deltaPercent())).append('\n');
            for (PartChange p : w.parts()) {
                sb.append("    ").append(CheckRenderer.marker(p.change())).append(' ').append(p.part()).append("  ")
                        .append(money(p.baselineUsd(), p.currentUsd(), p.deltaUsd(), p.deltaPercent())).append('\n');
                if (p.change() == Change.UNCHANGED) {
                    continue;
                }
                sb.append("        option      ").append(optionChange(p.baselineOption(), p.currentOption())).append('\n');
                String unit = unitPriceChange(p.baselineOption(), p.currentOption());
                if (unit != null) {
                    sb.append("        unit price  ").append(unit).append('\n');
                }
                for (RequirementChange r : p.requirements()) {
                    sb.append("        requirement ").append(Labels.label(r.key())).append(": ").append(value(r.key(), r.baseline(), r.current())).append(" → ")
                            .append(value(r.key(), r.current(), r.baseline())).append('\n');
                }
                for (EliminationChange e : p.eliminations()) {
                    sb.append("        eliminated  ").append(e.rule()).append(": ").append(e.baseline()).append(" → ").append(e.current())
                            .append(" candidates (").append(eliminationNote(e)).append(")\n");
                }
            }
        }
        sb.append('\n').append(d.summary()).append('\n');
        return sb.toString();
    }

    /** A pull-request comment: a heading, the total delta, a table per workload, and details folded. */
    public static String markdown(PlanDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("## mlplan diff\n\n");
        sb.append("**Monthly cost: ").append(CheckRenderer.usd(d.baselineUsd())).append(" → ").append(CheckRenderer.usd(d.currentUsd()));
        if (d.deltaUsd() != null) {
            sb.append(" (").append(Gate.signedUsd(d.deltaUsd())).append(d.deltaPercent() == null ? "" : ", " + Gate.signedPct(d.deltaPercent()))
                    .append(")");
        }
        sb.append("**  \n");
        String counts = d.summary().substring(d.summary().lastIndexOf("; ") + 2);
        sb.append(MarkdownRenderer.text(counts)).append("\n\n");
        sb.append("Base: ").append(MarkdownRenderer.text(side(d.baseline()))).append("  \n");
        sb.append("New: ").append(MarkdownRenderer.text(side(d.current()))).append("\n");
        catalogNote(d).ifPresent(n -> sb.append("\n> ").append(MarkdownRenderer.text(n)).append("\n"));
        for (WorkloadDiff w : d.workloads()) {
            sb.append("\n### ").append(CheckRenderer.marker(w.change())).append(' ').append(MarkdownRenderer.text(w.name())).append(" · ")
                    .append(w.change().id()).append(" · ").append(CheckRenderer.usd(w.baselineUsd())).append(" → ").append(CheckRenderer.usd(w.currentUsd()))
                    .append(" (").append(CheckRenderer.delta(w.deltaUsd())).append(w.deltaPercent() == null ? "" : ", " + Gate.signedPct(w.deltaPercent()))
                    .append(")\n\n");
            sb.append("| | part | option (base → new) | unit price | base | new | Δ | Δ% |\n");
            sb.append("|---|---|---|---|--:|--:|--:|--:|\n");
            for (PartChange p : w.parts()) {
                String unit = unitPriceChange(p.baselineOption(), p.currentOption());
                sb.append("| ").append(CheckRenderer.marker(p.change())).append(" | ").append(MarkdownRenderer.cell(p.part())).append(" | ")
                        .append(MarkdownRenderer.cell(optionChange(p.baselineOption(), p.currentOption()))).append(" | ")
                        .append(MarkdownRenderer.cell(unit == null ? "" : unit)).append(" | ").append(CheckRenderer.usd(p.baselineUsd())).append(" | ")
                        .append(CheckRenderer.usd(p.currentUsd())).append(" | ").append(CheckRenderer.delta(p.deltaUsd())).append(" | ")
                        .append(CheckRenderer.pct(p.deltaPercent())).append(" |\n");
            }
            for (PartChange p : w.parts()) {
                if (!p.requirements().isEmpty()) {
                    sb.append("\n<details><summary>").append(MarkdownRenderer.text(p.part())).append(": ").append(p.requirements().size())
                            .append(p.requirements().size() == 1 ? " requirement changed" : " requirements changed").append("</summary>\n\n");
                    sb.append("| requirement | base | new |\n|---|--:|--:|\n");
                    for (RequirementChange r : p.requirements()) {
                        sb.append("| ").append(MarkdownRenderer.cell(Labels.label(r.key()))).append(" | ")
                                .append(MarkdownRenderer.cell(value(r.key(), r.baseline(), r.current())))
                                .append(" | ").append(MarkdownRenderer.cell(value(r.key(), r.current(), r.baseline()))).append(" |\n");
                    }
                    sb.append("\n</details>\n");
                }
                if (!p.eliminations().isEmpty()) {
                    sb.append("\n<details><summary>").append(MarkdownRenderer.text(p.part())).append(": eliminations changed for ")
                            .append(p.eliminations().size()).append(p.eliminations().size() == 1 ? " rule" : " rules").append("</summary>\n\n");
                    sb.append("| rule | base | new | |\n|---|--:|--:|---|\n");
                    for (EliminationChange e : p.eliminations()) {
                        sb.append("| `").append(e.rule()).append("` | ").append(e.baseline()).append(" | ").append(e.current()).append(" | ")
                                .append(eliminationNote(e)).append(" |\n");
                    }
                    sb.append("\n</details>\n");
                }
            }
        }
        return sb.toString();
    }

    /** When the two sides were priced from different catalogs, part of every delta is a price change: say so. */
    private static java.util.Optional<String> catalogNote(PlanDiff d) {
        var b = d.baseline().catalog();
        var a = d.current().catalog();
        if (Objects.equals(b.id(), a.id()) && Objects.equals(b.pricesAsOf(), a.pricesAsOf())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("note: base and new were priced from different catalogs (" + b.id() + ", prices as of " + b.pricesAsOf() + " → "
                + a.id() + ", prices as of " + a.pricesAsOf() + "): part of each delta is a change of prices");
    }

    private static String side(Side s) {
        return s.source() + " (" + (s.kind().equals("plan") ? "saved plan" : "workload, planned now") + "; catalog " + s.catalog().id()
                + ", prices as of " + s.catalog().pricesAsOf() + ")";
    }

    private static String money(Double before, Double after, Double delta, Double pct) {
        return CheckRenderer.usd(before) + " → " + CheckRenderer.usd(after) + "  (" + CheckRenderer.delta(delta)
                + (pct == null ? "" : ", " + Gate.signedPct(pct)) + ")";
    }

    /** "3 × inf2.24xlarge (ec2, reserved-3y-all-upfront, us-east-1) → 6 × …", or "… (same)". */
    static String optionChange(Chosen before, Chosen after) {
        String b = option(before);
        String a = option(after);
        return Objects.equals(b, a) ? a + " (same)" : b + " → " + a;
    }

    private static String option(Chosen o) {
        if (o == null) {
            return "none";
        }
        String what = o.instanceType() == null ? o.service() : o.instanceType();
        return o.count() + " × " + what + " (" + o.service() + ", " + o.pricing() + (o.region() == null ? "" : ", " + o.region()) + ")";
    }

    /** The principal cost line's unit price before and after, when both have the same unit; else null. */
    static String unitPriceChange(Chosen before, Chosen after) {
        if (before == null || after == null || before.unitPriceUsd() == null || after.unitPriceUsd() == null
                || !Objects.equals(before.unit(), after.unit())) {
            return null;
        }
        String b = unitPrice(before.unitPriceUsd(), after.unitPriceUsd(), before.unit());
        String a = unitPrice(after.unitPriceUsd(), before.unitPriceUsd(), after.unit());
        return b.equals(a) ? a + " (same)" : b + " → " + a;
    }

    private static String unitPrice(double usd, double other, String unit) {
        String price = "$" + Fmt.sigBeside(usd, other);
        return "hours".equals(unit) ? price + "/h" : price + " per " + unit;
    }

    /** A requirement's value as {@link Labels} writes it, with more digits when it would read the same as the other side's. */
    private static String value(String key, Object v, Object other) {
        if (v == null) {
            return "(none)";
        }
        String shown = Labels.value(key, v);
        if (v instanceof Number n && other instanceof Number m && shown.equals(Labels.value(key, other)) && Math.abs(n.doubleValue()) < 1e6) {
            return Fmt.sigBeside(n.doubleValue(), m.doubleValue());
        }
        return shown;
    }

    /** "newly eliminates", "no longer eliminates", "9 more" or "3 fewer". */
    private static String eliminationNote(EliminationChange e) {
        if (e.baseline() == 0) {
            return "newly eliminates";
        }
        if (e.current() == 0) {
            return "no longer eliminates";
        }
        int d = e.current() - e.baseline();
        return d > 0 ? d + " more" : -d + " fewer";
    }

    private static Column col(String header, boolean right) {
        HorizontalAlign a = right ? HorizontalAlign.RIGHT : HorizontalAlign.LEFT;
        return new Column().header(header).headerAlign(a).dataAlign(a);
    }
}
