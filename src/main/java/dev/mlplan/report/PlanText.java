package dev.mlplan.report;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.TimeSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Texts shared by the document renderers (Markdown, HTML, explain), so they word things alike.
 */
final class PlanText {
    private PlanText() {}

    /** Eliminations of one rule: the rule, the resources, how many candidates, the first reason. */
    record RuleGroup(String rule, List<String> resources, int candidates, String reason) {}

    static List<RuleGroup> byRule(List<Elimination> eliminated) {
        Map<String, List<Elimination>> byRule = eliminated.stream().collect(Collectors.groupingBy(Elimination::rule, LinkedHashMap::new, Collectors.toList()));
        return byRule.entrySet().stream().map(e -> new RuleGroup(e.getKey(), e.getValue().stream().map(PlanText::resource).distinct().toList(),
                e.getValue().stream().mapToInt(x -> Math.max(1, x.occurrences())).sum(), e.getValue().get(0).reason())).toList();
    }

    static String resource(Elimination e) {
        return e.instanceType() == null ? e.service().id() : e.instanceType();
    }

    static String resource(Option o) {
        return o.instanceType() == null ? "-" : o.instanceType();
    }

    /**
     * A 12-month cost curve ([{month, dataGB, usd}, …], issue 20 item 5) on one line: "$23.63 in month 1 → $0.99 in
     * month 12, $X over 12 months".
     */
    static String curve(List<?> months) {
        double total = 0;
        for (Object m : months) {
            total += ((Number) ((Map<?, ?>) m).get("usd")).doubleValue();
        }
        Map<?, ?> first = (Map<?, ?>) months.get(0);
        Map<?, ?> last = (Map<?, ?>) months.get(months.size() - 1);
        return Fmt.usd(((Number) first.get("usd")).doubleValue()) + " in month " + first.get("month") + " → "
                + Fmt.usd(((Number) last.get("usd")).doubleValue()) + " in month " + last.get("month") + ", " + Fmt.usd(total) + " over "
                + months.size() + " months";
    }

    /** The rows of a 12-month curve as a Markdown table (month, data, storage cost). */
    static String curveTable(List<?> months) {
        StringBuilder sb = new StringBuilder("| month | data GB | storage $ |\n|--:|--:|--:|\n");
        for (Object o : months) {
            Map<?, ?> m = (Map<?, ?>) o;
            sb.append("| ").append(m.get("month")).append(" | ").append(Fmt.count(((Number) m.get("dataGB")).doubleValue())).append(" | ")
                    .append(Fmt.usd(((Number) m.get("usd")).doubleValue())).append(" |\n");
        }
        return sb.toString();
    }

    static String hoursPerRun(Option o) {
        return o.hoursPerRun() == null ? "-" : Fmt.sig(o.hoursPerRun());
    }

    static String usdPerRun(Option o) {
        return o.usdPerRun() == null ? "-" : Fmt.usd(o.usdPerRun());
    }

    static String capacity(Option o) {
        List<String> bits = new ArrayList<>();
        if (o.requestsPerSecondPerInstance() != null) {
            bits.add(Fmt.sig(o.requestsPerSecondPerInstance()) + " req/s each");
        }
        if (o.tokensPerSecondPerInstance() != null) {
            bits.add(Fmt.sig(o.tokensPerSecondPerInstance()) + " tok/s each");
        }
        if (o.latencyMsP99() != null) {
            bits.add("p99 " + Fmt.millis(o.latencyMsP99()));
        }
        return String.join(", ", bits);
    }

    /** "Training", or "Training: nightly-finetune" for a named item. */
    static String part(PartPlan p) {
        return Character.toUpperCase(p.part().charAt(0)) + p.label().substring(1);
    }

    /** The table's and explanation's heading: "TRAINING", or "TRAINING: nightly-finetune" for a named item. */
    /**
     * Cash the workload's chosen options need at purchase: the upfront fees of the rank-1 reservations
     * and capacity blocks (an owned machine's price is not counted: the break-even says it).
     */
    static double upfrontOfBest(PlanResult.WorkloadPlan w) {
        double sum = 0;
        for (PartPlan p : w.parts()) {
            if (!p.options().isEmpty()) {
                var best = p.options().get(0);
                if (best.service() != dev.mlplan.constraint.Service.LOCAL && best.upfrontUsd() != null && best.upfrontUsd() > 0) {
                    sum += best.upfrontUsd();
                }
            }
        }
        return sum;
    }

    static String heading(PartPlan p) {
        return p.part().toUpperCase(Locale.ROOT) + (p.name() == null ? "" : ": " + p.name());
    }

    /** What a plan ranked by another objective than cost says under its title; empty for cost. */
    static java.util.Optional<String> objective(dev.mlplan.plan.PlanResult plan) {
        if (plan.objective() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("ranked by " + plan.objective() + switch (plan.objective()) {
            case "time" -> ": fastest first (hours per run; p99 latency for a service), ties by monthly cost";
            case "balanced" -> ": the cheapest option within 25% of the fastest option's time first (hours per run; p99 latency for a service)";
            default -> "";
        });
    }

    /**
     * The sensitivity lines of a part ({@code --sensitivity}), one per flip or per input without one:
     * "training.runs_per_month > 2.6 (now 1, ×2.6): ec2 trn1.32xlarge × 3 spot → ec2 p4d.24xlarge spot ($1,234 → $1,230/month there)";
     * "inference.hours_per_day: no flip within ×0.25–×1 (6 to 24)". Empty without a sensitivity list.
     */
    static List<String> sensitivity(PartPlan p) {
        List<String> out = new ArrayList<>();
        if (p.sensitivity() == null) {
            return out;
        }
        for (var e : p.sensitivity()) {
            if (e.noFlip() != null) {
                out.add(e.key() + ": no flip within " + e.noFlip() + " (now " + e.currentText() + ")");
            } else {
                out.add(e.key() + (e.direction().equals("lower") ? " < " : " > ") + e.flipsAtText() + " (now " + e.currentText() + ", ×"
                        + Fmt.sig(e.ratio()) + "): " + e.from().label() + " → " + e.to().label() + " ("
                        + (e.from().monthlyUsd() == null ? "—" : Fmt.usd(e.from().monthlyUsd())) + " → "
                        + (e.to().monthlyUsd() == null ? "—" : Fmt.usd(e.to().monthlyUsd())) + "/month there)");
            }
        }
        return out;
    }

    /** The frontier's caption. */
    static String frontierCaption(PartPlan p) {
        return "cost/time frontier: " + p.frontier().size() + " of " + Fmt.count(p.feasible())
                + " feasible options that no other beats on both $/month and h/run, fastest first";
    }

    /** What a frontier point trades against the faster one before it: "−$1,234/month (−12%) for +3.5 h/run"; "fastest" for the first. */
    static String frontierTrade(List<PlanResult.FrontierPoint> frontier, int i) {
        if (i == 0) {
            return "fastest";
        }
        PlanResult.FrontierPoint faster = frontier.get(i - 1);
        PlanResult.FrontierPoint p = frontier.get(i);
        double saved = faster.monthlyUsd() - p.monthlyUsd();
        return "−" + Fmt.usd(saved) + "/month (−" + Fmt.pct(saved / faster.monthlyUsd()) + ") for +" + Fmt.sig(p.hoursPerRun() - faster.hoursPerRun())
                + " h/run";
    }

    /** A frontier point's hours per run, with enough digits to differ from its neighbours' (458.08 beside 458 h, not 458 twice). */
    static String frontierHours(List<PlanResult.FrontierPoint> frontier, int i) {
        double h = frontier.get(i).hoursPerRun();
        String shown = Fmt.sig(h);
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < frontier.size() && shown.equals(Fmt.sig(frontier.get(j).hoursPerRun()))) {
                shown = Fmt.sigBeside(h, frontier.get(j).hoursPerRun());
            }
        }
        return shown;
    }

    /** A frontier point's resource: "p5.48xlarge × 4", or the service for a serverless one. */
    static String resource(PlanResult.FrontierPoint p) {
        return (p.instanceType() == null ? p.service().id() : p.instanceType()) + (p.count() > 1 ? " × " + p.count() : "");
    }

    static String optionsCaption(PartPlan p) {
        return p.options().size() + " best of " + Fmt.count(p.feasible()) + " feasible (" + Fmt.count(p.considered()) + " considered)";
    }

    /** One sentence per break-even comparison, as the documents say it. */
    static String breakEven(BreakEvenResult b) {
        return breakEven(b, ", ");
    }

    /**
     * One sentence per break-even comparison; {@code beforeVerdict} leads to "local is cheaper"
     * (the terminal table uses an arrow).
     */
    static String breakEven(BreakEvenResult b, String beforeVerdict) {
        StringBuilder sb = new StringBuilder();
        if (b.hoursPerMonth() != null && b.localHoursPerMonth() != null && b.localHoursPerMonth() > TimeSpan.HOURS_PER_MONTH) {
            // more local hours than a month has: the machine cannot do enough work to pay for itself
            sb.append("owning never pays off within a month: it would take ").append(Fmt.sig(b.localHoursPerMonth()))
                    .append(" h of local work a month (").append(Fmt.sig(b.hoursPerMonth()))
                    .append(" h of cloud use), more than the month's ").append(Fmt.sig(TimeSpan.HOURS_PER_MONTH)).append(" h");
        } else if (b.hoursPerMonth() != null) {
            sb.append("owning pays off above ").append(Fmt.sig(b.hoursPerMonth())).append(" h/month of cloud use (")
                    .append(Fmt.sig(b.localHoursPerMonth())).append(" h on the local machine)");
        } else if (b.formula() != null && b.formula().startsWith("a commitment")) {
            sb.append("a commitment costs the same at any use");
        } else if (b.localMonthlyUsd() == null) {
            sb.append(b.formula());
        } else {
            sb.append("owning never pays off (renting the work costs less than its electricity)");
        }
        if (b.localMonthlyUsd() != null) {
            sb.append("; at this workload's ").append(Fmt.sig(b.workloadLocalHoursPerMonth())).append(" local h/month: local ")
                    .append(Fmt.usd(b.localMonthlyUsd())).append(" vs cloud ").append(Fmt.usd(b.cloudMonthlyUsd())).append(beforeVerdict)
                    .append(b.cheaper()).append(" is cheaper");
        }
        return sb.toString();
    }

    /** The workload's parts, "training, inference". */
    /**
     * The monthly total split by cost category (issue 20 item 7): "compute $212.76 · network $33.46 ·
     * front door $16.89 · operations $75.78"; empty when there is no split.
     */
    static java.util.Optional<String> split(java.util.Map<String, Double> byCategory) {
        if (byCategory == null || byCategory.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(byCategory.entrySet().stream().map(e -> e.getKey() + " " + Fmt.usd(e.getValue()))
                .collect(Collectors.joining(" · ")));
    }

    /**
     * The workload's own lines (issue 20: EKS control plane, NAT gateway hours, CloudWatch Logs), as the table and
     * explain print them before MONTHLY TOTAL: "\nWORKLOAD (once per file, …)\n  - line\n"; empty without any.
     *
     * @param heading paints the heading (bold on a terminal)
     */
    static String workloadSection(PlanResult.WorkloadPlan w, java.util.function.UnaryOperator<String> heading) {
        if (w.costs().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(heading.apply("WORKLOAD")).append(" (once per file, whichever options the parts take)\n");
        w.costs().forEach(c -> sb.append("  - ").append(line(c)).append('\n'));
        return sb.toString();
    }

    /** "  by category: compute $… · network $…\n" under a workload's MONTHLY TOTAL; empty when there is no split. */
    static String categoryLine(PlanResult.WorkloadPlan w) {
        return split(w.byCategory()).map(s -> "  by category: " + s + "\n").orElse("");
    }

    /** A workload-level cost line (issue 20: EKS control plane, CloudWatch Logs): "EKS control plane [1 cluster]: 730 cluster-hours × $0.10 = $73.00". */
    static String line(dev.mlplan.cost.CostComponent c) {
        return c.name() + ": " + Fmt.sig(c.quantity()) + " " + c.unit() + " × " + "$" + Fmt.sig(c.unitPriceUsd()) + " = " + Fmt.usd(c.monthlyUsd());
    }

    /** "2 workloads, $1,234.00 a month (the sum of their monthly totals)"; unknown when one's total is. */
    static String portfolio(PlanResult.Portfolio p) {
        String n = p.workloads() + (p.workloads() == 1 ? " workload" : " workloads");
        if (p.monthlyUsd() == null) {
            return n + ", monthly total unknown: " + String.join(", ", p.unknown()) + " " + (p.unknown().size() == 1 ? "has" : "have")
                    + " a part with no feasible option";
        }
        return n + ", " + Fmt.usd(p.monthlyUsd()) + " a month (the sum of their monthly totals)";
    }

    static String partNames(WorkloadPlan w) {
        return w.parts().stream().map(PartPlan::label).collect(Collectors.joining(", "));
    }

    static String names(List<String> names, int max) {
        return String.join(", ", names.subList(0, Math.min(max, names.size()))) + (names.size() > max ? " and " + (names.size() - max) + " more" : "");
    }
}
