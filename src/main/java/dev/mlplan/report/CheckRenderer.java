package dev.mlplan.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.mlplan.gate.Gate;
import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.plan.PlanResult.CatalogRef;
import dev.mlplan.util.Fmt;
import java.util.Locale;

/**
 * The terminal view of a check: one row per workload (status, monthly, budget, baseline, Δ, Δ%),
 * one reason line per workload, the per-part difference against the baseline (like a cost diff),
 * and the overall line. Plain ASCII tables, deterministic.
 */
public final class CheckRenderer {
    private CheckRenderer() {}

    public static String render(GateResult g, CatalogRef catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("mlplan check · catalog ").append(catalog.id()).append(" (prices as of ").append(catalog.pricesAsOf()).append(")");
        if (g.pricing() != null) {
            sb.append(" · pricing ").append(g.pricing()).append(" (each part's best option under it)");
        }
        if (g.baseline()) {
            sb.append(" · baseline compared").append(g.maxIncrease() == null ? "" : ", max increase " + g.maxIncrease());
        }
        sb.append('\n');
        String[][] rows = new String[g.workloads().size() + g.invalid().size()][];
        for (int i = 0; i < g.workloads().size(); i++) {
            WorkloadGate w = g.workloads().get(i);
            rows[i] = new String[] {
                w.status().id().toUpperCase(Locale.ROOT), w.name(), usd(w.monthlyUsd()), usd(w.budgetUsd()),
                g.baseline() ? usd(w.baselineUsd()) : null, g.baseline() ? delta(w.deltaUsd()) : null, g.baseline() ? pct(w.deltaPercent()) : null};
        }
        for (int i = 0; i < g.invalid().size(); i++) {
            // an invalid file has no name or cost: the file stands in the workload column
            rows[g.workloads().size() + i] = new String[] {"INVALID", dev.mlplan.util.SafeText.oneLine(g.invalid().get(i).file()), "-", "-", "-", "-", "-"};
        }
        Column[] cols = g.baseline()
                ? new Column[] {col("status", false), col("workload", false), col("monthly", true), col("budget", true), col("baseline", true),
                    col("Δ", true), col("Δ%", true)}
                : new Column[] {col("status", false), col("workload", false), col("monthly", true), col("budget", true)};
        if (!g.baseline()) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = java.util.Arrays.copyOf(rows[i], 4);
            }
        }
        sb.append(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, cols, rows)).append('\n');
        sb.append('\n');
        for (WorkloadGate w : g.workloads()) {
            sb.append(w.status().id().toUpperCase(Locale.ROOT)).append(' ').append(w.name()).append(": ").append(w.reason()).append('\n');
        }
        for (GateResult.InvalidFile f : g.invalid()) {
            sb.append("INVALID ").append(dev.mlplan.util.SafeText.oneLine(f.describe())).append('\n');
        }
        if (g.portfolio() != null) {
            sb.append(g.portfolio().status().id().toUpperCase(Locale.ROOT)).append(" portfolio: ").append(g.portfolio().reason()).append('\n');
        }
        if (g.baseline()) {
            sb.append('\n').append("cost difference per part (best option, per month):\n");
            for (WorkloadGate w : g.workloads()) {
                sb.append(marker(w.change())).append(' ').append(w.name()).append("  ").append(usd(w.baselineUsd())).append(" → ")
                        .append(usd(w.monthlyUsd())).append("  (").append(delta(w.deltaUsd())).append(")\n");
                for (PartDiff p : w.parts()) {
                    sb.append("    ").append(marker(p.change())).append(' ').append(p.part()).append("  ").append(usd(p.baselineUsd())).append(" → ")
                            .append(usd(p.currentUsd())).append("  (").append(delta(p.deltaUsd())).append(")");
                    if (p.change() == Change.CHANGED && !java.util.Objects.equals(p.baselineOption(), p.currentOption())) {
                        sb.append("  ").append(p.baselineOption() == null ? "none" : p.baselineOption()).append(" → ")
                                .append(p.currentOption() == null ? "none" : p.currentOption());
                    }
                    sb.append('\n');
                }
            }
        }
        sb.append('\n').append(g.summary()).append('\n');
        return sb.toString();
    }

    private static Column col(String header, boolean right) {
        HorizontalAlign a = right ? HorizontalAlign.RIGHT : HorizontalAlign.LEFT;
        return new Column().header(header).headerAlign(a).dataAlign(a);
    }

    /** "+" added, "-" removed, "~" changed, "=" unchanged (as in a cost diff). */
    static String marker(Change c) {
        if (c == null) {
            return " ";
        }
        return switch (c) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            case UNCHANGED -> "=";
        };
    }

    static String usd(Double v) {
        return v == null ? "-" : Fmt.usd(v);
    }

    static String delta(Double v) {
        return v == null ? "-" : Gate.signedUsd(v);
    }

    static String pct(Double v) {
        return v == null ? "-" : Gate.signedPct(v);
    }
}
