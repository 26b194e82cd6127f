package dev.mlplan.report;

import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.report.PlanText.RuleGroup;
import dev.mlplan.util.Fmt;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a plan came about, as text: per part the requirements and the chain of formulas behind them,
 * each shown option's cost components and notes, and the eliminations grouped by rule. Or, for one
 * option, everything about that option.
 */
public final class ExplainRenderer {
    private static final int MAX_PER_RULE = 5;

    private ExplainRenderer() {}

    /** The whole explanation: {@code shown} options per part. */
    public static String render(PlanResult plan, int shown) {
        StringBuilder sb = new StringBuilder();
        for (WorkloadPlan w : plan.workloads()) {
            header(sb, plan, w);
            for (PartPlan p : w.parts()) {
                sb.append('\n').append(PlanText.heading(p)).append('\n');
                requirements(sb, p);
                sb.append("  options: the best ").append(Math.min(shown, p.options().size())).append(" of ").append(Fmt.count(p.feasible()))
                        .append(" feasible (").append(Fmt.count(p.considered())).append(" considered)\n");
                if (p.options().isEmpty()) {
                    sb.append("    none feasible\n");
                }
                for (Option o : p.options().subList(0, Math.min(shown, p.options().size()))) {
                    option(sb, o, "    ");
                }
                List<String> sensitivity = PlanText.sensitivity(p);
                if (!sensitivity.isEmpty()) {
                    sb.append("  sensitivity: rank 1 changes if\n");
                    sensitivity.forEach(line -> sb.append("    ").append(line).append('\n'));
                }
                eliminations(sb, p.eliminated());
            }
            if (!w.breakEven().isEmpty()) {
                sb.append("\nBREAK-EVEN\n");
                for (BreakEvenResult b : w.breakEven()) {
                    sb.append("  ").append(b.local()).append(" vs ").append(b.versus()).append(": ").append(PlanText.breakEven(b)).append('\n');
                    if (b.formula() != null) {
                        sb.append("      ").append(b.formula()).append('\n');
                    }
                }
            }
            // the workload's own lines and the split by category, as recommend's table prints them (one implementation: PlanText)
            sb.append(PlanText.workloadSection(w, h -> h));
            sb.append("\nMONTHLY TOTAL  ").append(w.monthlyUsd() == null ? "unknown (a part has no feasible option)" : Fmt.usd(w.monthlyUsd()))
                    .append(w.costs().isEmpty() ? " (the best option of each part)\n" : " (the best option of each part and the workload lines)\n");
            sb.append(PlanText.categoryLine(w));
        }
        return sb.toString();
    }

    /** Finds the option with this id in any workload and part. */
    public static Optional<Option> find(PlanResult plan, String id) {
        for (WorkloadPlan w : plan.workloads()) {
            for (PartPlan p : w.parts()) {
                for (Option o : p.options()) {
                    if (o.id().equals(id)) {
                        return Optional.of(o);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every option id of the plan (and of the options' alternatives), in plan order. */
    public static List<String> ids(PlanResult plan) {
        List<String> ids = new ArrayList<>();
        for (WorkloadPlan w : plan.workloads()) {
            for (PartPlan p : w.parts()) {
                for (Option o : p.options()) {
                    ids.add(o.id());
                    if (o.alternatives() != null) {
                        for (PlanResult.Alternative a : o.alternatives()) {
                            ids.add(a.id());
                        }
                    }
                }
            }
        }
        return Collections.unmodifiableList(ids);
    }

    /** One option in full, with the requirements of its part; empty when the plan has no such option. */
    public static Optional<String> renderOption(PlanResult plan, String id) {
        for (WorkloadPlan w : plan.workloads()) {
            for (PartPlan p : w.parts()) {
                for (Option o : p.options()) {
                    boolean alternative = false;
                    if (o.alternatives() != null) {
                        for (PlanResult.Alternative a : o.alternatives()) {
                            if (a.id().equals(id)) {
                                alternative = true;
                                break;
                            }
                        }
                    }
                    if (o.id().equals(id) || alternative) {
                        StringBuilder sb = new StringBuilder();
                        header(sb, plan, w);
                        sb.append('\n').append(PlanText.heading(p)).append('\n');
                        requirements(sb, p);
                        if (alternative) {
                            sb.append("  ").append(id).append(" is the same resource under other pricing as this option:\n");
                        }
                        sb.append("  option, rank ").append(o.rank()).append(" of ").append(Fmt.count(p.feasible())).append(" feasible:\n");
                        option(sb, o, "    ");
                        return Optional.of(sb.toString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void header(StringBuilder sb, PlanResult plan, WorkloadPlan w) {
        sb.append("== ").append(w.name()).append("  (").append(w.file()).append(")\n");
        sb.append("catalog ").append(plan.catalog().id()).append(", prices as of ").append(plan.catalog().pricesAsOf()).append("; regions ")
                .append(String.join(", ", w.regions())).append('\n');
        for (String warning : w.warnings()) {
            sb.append("warning: ").append(warning).append('\n');
        }
    }

    private static void requirements(StringBuilder sb, PartPlan p) {
        sb.append("  requirements:\n");
        int width = 0;
        for (String key : p.requirements().keySet()) {
            width = Math.max(width, Labels.label(key).length());
        }
        for (Map.Entry<String, Object> e : p.requirements().entrySet()) {
            sb.append("    ").append(pad(Labels.label(e.getKey()), width)).append("  ").append(Labels.value(e.getKey(), e.getValue())).append('\n');
        }
        if (p.assumptions() != null && !p.assumptions().isEmpty()) {
            sb.append("  how they were estimated:\n");
            for (Step s : p.assumptions()) {
                sb.append("    ").append(s.name()).append(" = ").append(s.value()).append('\n');
                sb.append("        ").append(s.basis()).append('\n');
            }
        }
    }

    private static void option(StringBuilder sb, Option o, String in) {
        sb.append(in).append('#').append(o.rank()).append(' ').append(o.id()).append("  ").append(Fmt.usd(o.monthlyUsd())).append("/month\n");
        StringBuilder what = new StringBuilder();
        what.append(o.count()).append(" × ").append(PlanText.resource(o)).append(", ").append(o.service().id()).append(", ").append(o.pricing().id())
                .append(", ").append(o.region());
        if (o.hoursPerRun() != null) {
            what.append(" · ").append(Fmt.hours(o.hoursPerRun())).append("/run");
        }
        if (o.usdPerRun() != null) {
            what.append(" · ").append(Fmt.usd(o.usdPerRun())).append("/run");
        }
        String cap = PlanText.capacity(o);
        if (!cap.isEmpty()) {
            what.append(" · ").append(cap);
        }
        if (o.upfrontUsd() != null) {
            what.append(" · upfront ").append(Fmt.usd(o.upfrontUsd()));
        }
        sb.append(in).append("   ").append(what).append('\n');
        if (o.costs() != null && !o.costs().isEmpty()) {
            sb.append(in).append("   costs:\n");
            for (CostComponent c : o.costs()) {
                sb.append(in).append("     ").append(c.name()).append(": ").append(Fmt.sig(c.quantity())).append(' ').append(c.unit()).append(" × $")
                        .append(price(c.unitPriceUsd())).append(" = ").append(Fmt.usd(c.monthlyUsd())).append("/month");
                if (c.source() != null) {
                    sb.append("  [").append(c.source()).append(']');
                }
                sb.append('\n');
            }
        }
        if (o.estimate() != null && !o.estimate().isEmpty()) {
            sb.append(in).append("   how its figures were estimated:\n");
            for (Step s : o.estimate()) {
                sb.append(in).append("     ").append(s.name()).append(" = ").append(s.value()).append('\n');
                sb.append(in).append("         ").append(s.basis()).append('\n');
            }
        }
        if (o.alternatives() != null && !o.alternatives().isEmpty()) {
            sb.append(in).append("   same resource, other pricing:\n");
            for (PlanResult.Alternative a : o.alternatives()) {
                sb.append(in).append("     ").append(a.pricing().id()).append(" (").append(a.region()).append("): ").append(Fmt.usd(a.monthlyUsd()))
                        .append("/month  ").append(a.id()).append('\n');
            }
        }
        if (o.notes() != null && !o.notes().isEmpty()) {
            sb.append(in).append("   notes:\n");
            for (String n : o.notes()) {
                sb.append(in).append("     - ").append(n).append('\n');
            }
        }
    }

    private static void eliminations(StringBuilder sb, List<Elimination> eliminated) {
        if (eliminated.isEmpty()) {
            return;
        }
        sb.append("  eliminated, by rule:\n");
        for (RuleGroup g : PlanText.byRule(eliminated)) {
            sb.append("    ").append(g.rule()).append(" (").append(g.candidates()).append(g.candidates() == 1 ? " candidate" : " candidates").append(")\n");
            List<Elimination> of = new ArrayList<>();
            for (Elimination e : eliminated) {
                if (e.rule().equals(g.rule())) {
                    of.add(e);
                }
            }
            for (Elimination e : of.subList(0, Math.min(MAX_PER_RULE, of.size()))) {
                sb.append("      - ").append(PlanText.resource(e)).append(": ").append(e.reason()).append('\n');
            }
            if (of.size() > MAX_PER_RULE) {
                sb.append("      - and ").append(of.size() - MAX_PER_RULE).append(" more\n");
            }
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** A unit price with up to 6 significant digits, no exponent: 0.157915, 21.9576. */
    static String price(double v) {
        BigDecimal b = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }
}
