package dev.mlplan.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Service;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal view of a plan: per workload and part, the ranked options as a table, a summary of
 * what was eliminated and why, the break-even against an owned machine, and the monthly total
 * against the budget. Plain ASCII, so it survives CI logs and any terminal.
 */
public final class TableRenderer {
    private static final int MAX_NAMES = 4;

    private final boolean color;
    private final boolean warnings;

    public TableRenderer(boolean color) {
        this(color, true);
    }

    /** @param warnings whether the workloads' "warning:" lines are shown ({@code --quiet} leaves them out) */
    public TableRenderer(boolean color, boolean warnings) {
        this.color = color;
        this.warnings = warnings;
    }

    public String render(PlanResult plan) {
        return PlanWriter.render(plan, this::writer);
    }

    /** Writes the plan into {@code out} one workload at a time ({@link PlanWriter}). */
    public PlanWriter writer(java.io.Writer out) {
        return new PlanWriter() {
            @Override
            public void begin(PlanResult head) throws java.io.IOException {
                StringBuilder sb = new StringBuilder();
                sb.append("mlplan ").append(head.mlplanVersion()).append(" · catalog ").append(head.catalog().id())
                        .append(" (prices as of ").append(head.catalog().pricesAsOf()).append(")\n");
                PlanText.objective(head).ifPresent(o -> sb.append(o).append('\n'));
                out.append(sb);
            }

            @Override
            public void workload(WorkloadPlan w) throws java.io.IOException {
                StringBuilder sb = new StringBuilder("\n");
                renderWorkload(sb, w);
                out.append(sb);
            }

            @Override
            public void end(PlanResult.Portfolio portfolio) throws java.io.IOException {
                if (portfolio != null) {
                    out.append('\n').append(bold("== portfolio")).append("  ").append(PlanText.portfolio(portfolio)).append('\n');
                    var split = PlanText.split(portfolio.byCategory());
                    if (split.isPresent()) {
                        out.append("  by category: ").append(split.get()).append('\n');
                    }
                }
                out.flush();
            }
        };
    }

    private void renderWorkload(StringBuilder sb, WorkloadPlan w) {
        sb.append(bold("== " + w.name())).append("  (").append(w.file()).append(")\n");
        if (w.description() != null && !w.description().isBlank()) {
            sb.append(w.description().strip()).append('\n');
        }
        sb.append("regions: ").append(String.join(", ", w.regions())).append('\n');
        for (String warning : warnings ? w.warnings() : List.<String>of()) {
            sb.append(yellow("warning: ")).append(warning).append('\n');
        }
        for (PartPlan p : w.parts()) {
            sb.append('\n');
            renderPart(sb, p);
        }
        if (!w.breakEven().isEmpty()) {
            sb.append('\n').append(bold("BREAK-EVEN")).append(" (owning vs renting, per unit of work)\n");
            for (BreakEvenResult b : w.breakEven()) {
                sb.append("  ").append(b.local()).append(" vs ").append(b.versus()).append(": ");
                sb.append(PlanText.breakEven(b, " → "));
                sb.append('\n');
            }
        }
        sb.append(PlanText.workloadSection(w, this::bold));
        sb.append('\n').append(bold("MONTHLY TOTAL")).append("  ");
        sb.append(w.monthlyUsd() == null ? "unknown (a part has no feasible option)" : Fmt.usd(w.monthlyUsd()));
        double upfront = PlanText.upfrontOfBest(w);
        if (upfront > 0) {
            sb.append(" (+ ").append(Fmt.usd(upfront)).append(" up front at purchase)");
        }
        if (w.budget() != null) {
            String status = w.budget().status().toUpperCase(Locale.ROOT);
            String painted = switch (w.budget().status()) {
                case "pass" -> green(status);
                case "warn" -> yellow(status);
                default -> red(status);
            };
            sb.append("  budget ").append(Fmt.usd(w.budget().monthlyUsd())).append(" → ").append(painted).append(": ").append(w.budget().reason());
        }
        sb.append('\n');
        sb.append(PlanText.categoryLine(w));
    }

    private void renderPart(StringBuilder sb, PartPlan p) {
        sb.append(bold(PlanText.heading(p))).append("  ").append(summary(p)).append('\n');
        if (p.options().isEmpty()) {
            sb.append(red("  no feasible option")).append('\n');
        } else {
            sb.append(table(p)).append('\n');
        }
        if (p.frontier() != null && !p.frontier().isEmpty()) {
            renderFrontier(sb, p);
        }
        List<String> sensitivity = PlanText.sensitivity(p);
        if (!sensitivity.isEmpty()) {
            sb.append("  sensitivity: rank 1 changes if\n");
            sensitivity.forEach(line -> sb.append("    ").append(line).append('\n'));
            sb.append('\n');
        }
        renderEliminations(sb, p.eliminated());
    }

    /** The cost/time frontier under the part's options: each point with what it saves against the faster one before it. */
    private static void renderFrontier(StringBuilder sb, PartPlan p) {
        sb.append("  ").append(PlanText.frontierCaption(p)).append(":\n");
        String[] headers = {"#", "resource", "pricing", "region", "h/run", "$/month", "against the faster point"};
        HorizontalAlign[] aligns = {HorizontalAlign.RIGHT, HorizontalAlign.LEFT, HorizontalAlign.LEFT, HorizontalAlign.LEFT, HorizontalAlign.RIGHT,
            HorizontalAlign.RIGHT, HorizontalAlign.LEFT};
        Column[] cols = new Column[headers.length];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = new Column().header(headers[j]).headerAlign(aligns[j]).dataAlign(aligns[j]).maxWidth(50);
        }
        String[][] data = new String[p.frontier().size()][];
        for (int i = 0; i < data.length; i++) {
            PlanResult.FrontierPoint f = p.frontier().get(i);
            data[i] = new String[] {String.valueOf(f.rank()), PlanText.resource(f), f.pricing().id(), f.region(), PlanText.frontierHours(p.frontier(), i),
                Fmt.usd(f.monthlyUsd()), PlanText.frontierTrade(p.frontier(), i)};
        }
        sb.append(Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, cols, data)).append('\n');
    }

    private static String summary(PartPlan p) {
        List<String> bits = new ArrayList<>();
        for (Map.Entry<String, Object> e : p.requirements().entrySet()) {
            bits.add(Labels.labelled(e.getKey(), e.getValue()));
        }
        bits.add(p.feasible() + " feasible of " + p.considered() + " considered");
        return String.join(" · ", bits);
    }

    /** The columns of the options table ({@link #cell} gives a column's text). */
    private enum Col {
        RANK("#", HorizontalAlign.RIGHT),
        SERVICE("service", HorizontalAlign.LEFT),
        RESOURCE("resource", HorizontalAlign.LEFT),
        COUNT("count", HorizontalAlign.RIGHT),
        REGION("region", HorizontalAlign.LEFT),
        PRICING("pricing", HorizontalAlign.LEFT),
        HOURS_PER_RUN("h/run", HorizontalAlign.RIGHT),
        USD_PER_RUN("$/run", HorizontalAlign.RIGHT),
        REQUESTS_PER_SECOND("req/s each", HorizontalAlign.RIGHT),
        P99("p99", HorizontalAlign.RIGHT),
        MONTHLY("$/month", HorizontalAlign.RIGHT),
        UPFRONT("upfront", HorizontalAlign.RIGHT),
        NOTES("why / notes", HorizontalAlign.LEFT);

        final String header;
        final HorizontalAlign align;

        Col(String header, HorizontalAlign align) {
            this.header = header;
            this.align = align;
        }
    }

    private static String table(PartPlan p) {
        // a batch job is billed per run, as a training run is
        boolean training = "training".equals(p.part()) || "batch".equals(p.part());
        boolean inference = "inference".equals(p.part());
        List<Col> shown = new ArrayList<>(List.of(Col.RANK, Col.SERVICE, Col.RESOURCE, Col.COUNT, Col.REGION, Col.PRICING));
        if (training) {
            shown.add(Col.HOURS_PER_RUN);
            shown.add(Col.USD_PER_RUN);
        }
        if (inference) {
            shown.add(Col.REQUESTS_PER_SECOND);
            shown.add(Col.P99);
        }
        shown.add(Col.MONTHLY);
        // cash paid at purchase (a reservation's fee, a capacity block): only when a shown cloud option needs some
        // (an owned machine's purchase price alone does not add the column: its notes say it)
        if (p.options().stream().anyMatch(o -> o.service() != Service.LOCAL && o.upfrontUsd() != null && o.upfrontUsd() > 0)) {
            shown.add(Col.UPFRONT);
        }
        shown.add(Col.NOTES);
        Column[] cols = new Column[shown.size()];
        // a sweep's options show one trial's hours and cost; the notes give the sweep's
        boolean sweep = p.requirements().containsKey("trials");
        for (int j = 0; j < cols.length; j++) {
            Col c = shown.get(j);
            String header = sweep && c == Col.HOURS_PER_RUN ? "h/trial" : sweep && c == Col.USD_PER_RUN ? "$/trial" : c.header;
            cols[j] = new Column().header(header).headerAlign(c.align).dataAlign(c.align).maxWidth(c.header.startsWith("why") ? 70 : 40);
        }
        String[][] data = new String[p.options().size()][];
        for (int i = 0; i < data.length; i++) {
            Option o = p.options().get(i);
            String[] row = new String[cols.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = cell(shown.get(j), o);
            }
            data[i] = row;
        }
        return Tables.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, cols, data);
    }

    private static String cell(Col c, Option o) {
        return switch (c) {
            case RANK -> String.valueOf(o.rank());
            case SERVICE -> o.service().id();
            case RESOURCE -> o.instanceType() == null ? "-" : o.instanceType();
            case COUNT -> String.valueOf(o.count());
            case REGION -> o.region();
            case PRICING -> o.pricing().id();
            case HOURS_PER_RUN -> o.hoursPerRun() == null ? "-" : Fmt.sig(o.hoursPerRun());
            case USD_PER_RUN -> o.usdPerRun() == null ? "-" : Fmt.usd(o.usdPerRun());
            case REQUESTS_PER_SECOND -> o.requestsPerSecondPerInstance() == null ? "-" : Fmt.sig(o.requestsPerSecondPerInstance());
            case P99 -> o.latencyMsP99() == null ? "-" : Fmt.millis(o.latencyMsP99());
            case MONTHLY -> Fmt.usd(o.monthlyUsd());
            case UPFRONT -> o.upfrontUsd() == null || o.upfrontUsd() <= 0 ? "-" : Fmt.usd(o.upfrontUsd());
            case NOTES -> noteCell(o);
        };
    }

    /** The first note, and the cheapest other pricing of the same resource for comparison. */
    private static String noteCell(Option o) {
        String first = o.notes().isEmpty() ? "" : o.notes().get(0);
        if (o.alternatives() == null || o.alternatives().isEmpty()) {
            return first;
        }
        PlanResult.Alternative alt = o.alternatives().stream().filter(a -> a.pricing() == PricingModel.ON_DEMAND).findFirst()
                .orElse(o.alternatives().get(0));
        return first + (first.isEmpty() ? "" : "\n") + "vs " + alt.pricing().id() + " " + Fmt.usd(alt.monthlyUsd()) + "/month";
    }

    private void renderEliminations(StringBuilder sb, List<Elimination> eliminated) {
        if (eliminated.isEmpty()) {
            return;
        }
        sb.append("  eliminated:\n");
        for (PlanText.RuleGroup g : PlanText.byRule(eliminated)) {
            sb.append("  - ").append(g.rule()).append(" (").append(PlanText.names(g.resources(), MAX_NAMES)).append("): ").append(g.reason()).append('\n');
        }
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String green(String s) {
        return color ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private String yellow(String s) {
        return color ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return color ? "\u001b[31m" + s + "\u001b[0m" : s;
    }
}
