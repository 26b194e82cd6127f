package dev.mlplan.report;

import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.GateResult.RuleResult;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.gate.Status;
import dev.mlplan.plan.PlanResult.CatalogRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A check for GitHub Actions: the Markdown job summary (appended to {@code $GITHUB_STEP_SUMMARY})
 * and workflow-command annotations ({@code ::error file=…,title=…::message}) for failed and warned
 * workloads.
 */
public final class GithubRenderer {
    private GithubRenderer() {}

    /** The job summary: overall status, a row per workload, and the per-part diff when a baseline was compared. */
    public static String summary(GateResult g, CatalogRef catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(icon(g.status())).append(" mlplan check: ").append(g.status().id()).append("\n\n");
        sb.append(g.summary()).append(" · catalog `").append(catalog.id()).append("` (prices as of ").append(catalog.pricesAsOf()).append(")");
        if (g.baseline()) {
            sb.append(" · baseline compared").append(g.maxIncrease() == null ? "" : ", max increase " + g.maxIncrease());
        }
        sb.append("\n\n");
        if (g.baseline()) {
            sb.append("| | workload | monthly | budget | baseline | Δ | Δ% | reason |\n");
            sb.append("|---|---|--:|--:|--:|--:|--:|---|\n");
        } else {
            sb.append("| | workload | monthly | budget | reason |\n");
            sb.append("|---|---|--:|--:|---|\n");
        }
        for (WorkloadGate w : g.workloads()) {
            sb.append("| ").append(icon(w.status())).append(' ').append(w.status().id()).append(" | `").append(w.name()).append("` | ")
                    .append(CheckRenderer.usd(w.monthlyUsd())).append(" | ").append(CheckRenderer.usd(w.budgetUsd())).append(" | ");
            if (g.baseline()) {
                sb.append(CheckRenderer.usd(w.baselineUsd())).append(" | ").append(CheckRenderer.delta(w.deltaUsd())).append(" | ")
                        .append(CheckRenderer.pct(w.deltaPercent())).append(" | ");
            }
            sb.append(MarkdownRenderer.cell(w.reason())).append(" |\n");
        }
        if (gated(g)) {
            var p = g.portfolio();
            sb.append("| ").append(icon(p.status())).append(' ').append(p.status().id()).append(" | portfolio | ")
                    .append(CheckRenderer.usd(p.monthlyUsd())).append(" | ").append(CheckRenderer.usd(p.budgetUsd())).append(" | ")
                    .append(g.baseline() ? "- | - | - | " : "").append(MarkdownRenderer.cell(p.reason())).append(" |\n");
        }
        if (g.baseline()) {
            sb.append("\n<details><summary>Cost difference per part</summary>\n\n");
            sb.append("| workload | part | change | baseline | current | Δ | best option |\n");
            sb.append("|---|---|---|--:|--:|--:|---|\n");
            for (WorkloadGate w : g.workloads()) {
                for (PartDiff p : w.parts()) {
                    sb.append("| `").append(w.name()).append("` | ").append(p.part()).append(" | ").append(p.change().id()).append(" | ")
                            .append(CheckRenderer.usd(p.baselineUsd())).append(" | ").append(CheckRenderer.usd(p.currentUsd())).append(" | ")
                            .append(CheckRenderer.delta(p.deltaUsd())).append(" | ")
                            .append(MarkdownRenderer.cell(p.currentOption() != null ? p.currentOption() : p.baselineOption() != null ? p.baselineOption() : "-"))
                            .append(" |\n");
                }
            }
            sb.append("\n</details>\n");
        }
        sb.append('\n');
        return sb.toString();
    }

    /** One annotation line per failed ({@code ::error}) or warned ({@code ::warning}) workload. */
    public static List<String> annotations(GateResult g) {
        List<String> out = new ArrayList<>();
        for (WorkloadGate w : g.workloads()) {
            if (w.status() == Status.PASS) {
                continue;
            }
            String level = w.status() == Status.FAIL ? "error" : "warning";
            StringBuilder sb = new StringBuilder("::").append(level).append(' ');
            if (w.file() != null) {
                sb.append("file=").append(property(w.file())).append(',');
            }
            String rule = w.rules().stream().filter(r -> r.status() == w.status()).map(RuleResult::rule).findFirst().orElse("budget");
            sb.append("title=").append(property("mlplan " + rule)).append("::").append(data(w.name() + ": " + w.reason()));
            out.add(sb.toString());
        }
        if (gated(g) && g.portfolio().status() != Status.PASS) {
            String level = g.portfolio().status() == Status.FAIL ? "error" : "warning";
            out.add("::" + level + " title=" + property("mlplan portfolio budget") + "::" + data("portfolio: " + g.portfolio().reason()));
        }
        return out;
    }

    /** Whether the check gated the portfolio total ({@code --total}); only then is it a row and an annotation. */
    static boolean gated(GateResult g) {
        return g.portfolio() != null && g.portfolio().budgetUsd() != null;
    }

    private static String icon(Status s) {
        return switch (s) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }

    /** Escapes a workflow-command message (GitHub's toolkit: %, CR, LF), control characters first ({@link dev.mlplan.util.SafeText}). */
    static String data(String s) {
        return dev.mlplan.util.SafeText.of(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** Escapes a workflow-command property value (also : and ,). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

}
