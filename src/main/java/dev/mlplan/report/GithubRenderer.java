package dev.mlplan.report;

import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.GateResult.InvalidFile;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.GateResult.RuleResult;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.gate.Status;
import dev.mlplan.plan.PlanResult.CatalogRef;
import dev.mlplan.workload.WorkloadParser.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A check for GitHub Actions: the Markdown job summary (appended to {@code $GITHUB_STEP_SUMMARY})
 * and workflow-command annotations ({@code ::error file=…,line=…,col=…,title=…::message}) for invalid
 * files, failed and warned workloads. {@code check --format markdown} prints the same summary for
 * CI systems without a step summary.
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
            sb.append("| ").append(icon(w.status())).append(' ').append(w.status().id()).append(" | ").append(MarkdownRenderer.codeCell(w.name())).append(" | ")
                    .append(CheckRenderer.usd(w.monthlyUsd())).append(" | ").append(CheckRenderer.usd(w.budgetUsd())).append(" | ");
            if (g.baseline()) {
                sb.append(CheckRenderer.usd(w.baselineUsd())).append(" | ").append(CheckRenderer.delta(w.deltaUsd())).append(" | ")
                        .append(CheckRenderer.pct(w.deltaPercent())).append(" | ");
            }
            sb.append(MarkdownRenderer.cell(w.reason())).append(" |\n");
        }
        for (InvalidFile f : g.invalid()) {
            sb.append("| ").append(INVALID_ICON).append(" invalid | ").append(MarkdownRenderer.codeCell(f.file())).append(" | - | - | ").append(g.baseline() ? "- | - | - | " : "")
                    .append(MarkdownRenderer.cell(f.describe())).append(" |\n");
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
                    sb.append("| ").append(MarkdownRenderer.codeCell(w.name())).append(" | ").append(MarkdownRenderer.cell(p.part())).append(" | ").append(p.change().id()).append(" | ")
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

    /** One annotation line per failed ({@code ::error}) or warned ({@code ::warning}) workload, files named as given. */
    public static List<String> annotations(GateResult g) {
        return annotations(g, Places.AS_GIVEN);
    }

    /**
     * How annotations name places: a file as the repository names it (relative to
     * {@code GITHUB_WORKSPACE}, where GitHub looks for it), and the position of a workload's
     * {@code budget.monthly} when that budget gated it (empty with {@code --budget}).
     */
    public record Places(UnaryOperator<String> path, Function<String, Optional<Position>> budget) {
        public static final Places AS_GIVEN = new Places(UnaryOperator.identity(), f -> Optional.empty());
    }

    /**
     * One annotation line per invalid file ({@code ::error} at its line and column), failed
     * ({@code ::error}) or warned ({@code ::warning}) workload (at its {@code budget.monthly} line
     * when the budget decided), and the portfolio when {@code --total} gated it.
     */
    public static List<String> annotations(GateResult g, Places places) {
        List<String> out = new ArrayList<>();
        for (InvalidFile f : g.invalid()) {
            out.add(command("error", places.path().apply(f.file()), f.line(), f.column(), "mlplan invalid workload", f.problem()));
        }
        for (WorkloadGate w : g.workloads()) {
            if (w.status() == Status.PASS) {
                continue;
            }
            String level = w.status() == Status.FAIL ? "error" : "warning";
            String rule = w.rules().stream().filter(r -> r.status() == w.status()).map(RuleResult::rule).findFirst().orElse("budget");
            Optional<Position> at = w.file() != null && rule.equals("budget") ? places.budget().apply(w.file()) : Optional.empty();
            out.add(command(level, w.file() == null ? null : places.path().apply(w.file()), at.map(Position::line).orElse(null),
                    at.map(Position::column).orElse(null), "mlplan " + rule, w.name() + ": " + w.reason()));
        }
        if (gated(g) && g.portfolio().status() != Status.PASS) {
            String level = g.portfolio().status() == Status.FAIL ? "error" : "warning";
            out.add(command(level, null, null, null, "mlplan portfolio budget", "portfolio: " + g.portfolio().reason()));
        }
        return out;
    }

    /**
     * One workflow command, {@code ::error file=F,line=L,col=C,title=T::message}: every property
     * and the message escaped as GitHub's toolkit does ({@link #property}, {@link #data}).
     */
    static String command(String level, String file, Integer line, Integer column, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level).append(' ');
        if (file != null) {
            sb.append("file=").append(property(file)).append(',');
            if (line != null) {
                sb.append("line=").append(line).append(',');
                if (column != null) {
                    sb.append("col=").append(column).append(',');
                }
            }
        }
        return sb.append("title=").append(property(title)).append("::").append(data(message)).toString();
    }

    /** Whether the check gated the portfolio total ({@code --total}); only then is it a row and an annotation. */
    static boolean gated(GateResult g) {
        return g.portfolio() != null && g.portfolio().budgetUsd() != null;
    }

    /** The status column of an invalid file. */
    static final String INVALID_ICON = "🚫";

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
