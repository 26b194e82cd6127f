package dev.mlplan.gate;

import dev.mlplan.gate.GateResult.Change;
import dev.mlplan.gate.GateResult.PartDiff;
import dev.mlplan.gate.GateResult.PortfolioGate;
import dev.mlplan.gate.GateResult.RuleResult;
import dev.mlplan.gate.GateResult.WorkloadGate;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CI gate: a pure function of a plan, an optional baseline plan and thresholds.
 *
 * Plans are matched and compared by {@link PlanComparison}, which {@code mlplan diff} uses too.
 *
 * <ul>
 *   <li>budget: the budget is {@code --budget}, else the workload's {@code budget.monthly}; it
 *       fails above the budget and warns above {@code warn_at} of it (default 80%). A workload
 *       with no budget passes ("no budget"). An unknown monthly total (a part with no feasible
 *       option) fails against a budget.
 *   <li>max-increase (with a baseline): workloads are matched by name, parts by part; the increase
 *       is the current monthly total minus the baseline's. It fails when the increase is more than
 *       the allowed percentage of the baseline or amount in USD. A workload new in this plan counts
 *       its whole cost as the increase against an amount in USD and is not gated by a percentage
 *       (there is nothing to take a percentage of). Removed workloads pass and are listed.
 * </ul>
 */
public final class Gate {
    /** The warn threshold when neither the workload nor the check names one. */
    public static final double DEFAULT_WARN_AT = 0.8;

    private static final double EPSILON_USD = PlanComparison.EPSILON_USD;

    /**
     * @param budgetUsd overrides every workload's budget (null: the workload's own)
     * @param warnAt overrides the warn fraction (null: the workload's own, else 80%)
     * @param maxIncrease the allowed increase over the baseline (null: the difference is reported, not gated)
     */
    public record Thresholds(Double budgetUsd, Double warnAt, Threshold maxIncrease, boolean total) {
        /** Thresholds applied to each workload ({@code --budget} without {@code --total}). */
        public Thresholds(Double budgetUsd, Double warnAt, Threshold maxIncrease) {
            this(budgetUsd, warnAt, maxIncrease, false);
        }

        public static Thresholds none() {
            return new Thresholds(null, null, null);
        }
    }

    private Gate() {}

    public static GateResult check(PlanResult plan, Optional<PlanResult> baseline, Thresholds t) {
        return check(plan, baseline, t, List.of());
    }

    /**
     * The check of a plan made from the valid files among several; {@code invalid} are the others.
     * An invalid file makes the check fail whatever the rest, and is counted in the summary.
     */
    public static GateResult check(PlanResult plan, Optional<PlanResult> baseline, Thresholds t, List<GateResult.InvalidFile> invalid) {
        List<WorkloadGate> out = new ArrayList<>();
        for (PlanComparison.WorkloadPair pair : PlanComparison.workloads(baseline.orElse(null), plan)) {
            out.add(pair.current() == null ? removed(pair.baseline()) : workload(pair.current(), baseline.isPresent(), pair.baseline(), t));
        }
        out.sort(Comparator.comparing(WorkloadGate::name));
        List<WorkloadGate> ws = List.copyOf(out);
        List<WorkloadPlan> checked = new ArrayList<>();
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (WorkloadPlan w : plan.workloads()) {
            if (counted.add(w.name())) {
                checked.add(w);
            }
        }
        PortfolioGate portfolio = checked.size() > 1 || t.total() ? portfolio(PlanResult.Portfolio.of(checked), t) : null;
        List<Status> statuses = new ArrayList<>(ws.stream().map(WorkloadGate::status).toList());
        if (portfolio != null) {
            statuses.add(portfolio.status());
        }
        if (!invalid.isEmpty()) {
            statuses.add(Status.FAIL);
        }
        Status overall = worst(statuses);
        String summary = summary(overall, ws) + (invalid.isEmpty() ? "" : "; " + invalid.size() + (invalid.size() == 1 ? " file" : " files")
                + " invalid") + (t.total() ? "; portfolio " + switch (portfolio.status()) {
            case PASS -> "passed";
            case WARN -> "warned";
            case FAIL -> "failed";
        } : "");
        List<GateResult.InvalidFile> invalidByFile = invalid.stream().sorted(Comparator.comparing(GateResult.InvalidFile::file)).toList();
        return new GateResult(overall, summary, baseline.isPresent(), t.maxIncrease() == null ? null : t.maxIncrease().describe(), ws,
                portfolio, null, invalidByFile);
    }

    /**
     * The portfolio line: the sum of the workloads' monthly totals; with {@code --total}, gated by
     * {@code --budget} as one workload's total is (fail above it, warn above the warn fraction,
     * fail when the sum is unknown).
     */
    private static PortfolioGate portfolio(PlanResult.Portfolio p, Thresholds t) {
        String of = " (" + p.workloads() + (p.workloads() == 1 ? " workload)" : " workloads)");
        if (!t.total()) {
            String sum = p.monthlyUsd() == null ? "monthly total unknown: " + String.join(", ", p.unknown()) + " has a part with no feasible option"
                    : Fmt.usd(p.monthlyUsd()) + " a month, the sum of the workloads' monthly totals";
            return new PortfolioGate(p.workloads(), Status.PASS, p.monthlyUsd(), null, null, sum + of + "; gate it with --budget USD --total");
        }
        double warnFraction = t.warnAt() != null ? t.warnAt() : DEFAULT_WARN_AT;
        if (p.monthlyUsd() == null) {
            return new PortfolioGate(p.workloads(), Status.FAIL, null, t.budgetUsd(), t.budgetUsd() * warnFraction, "monthly total unknown ("
                    + String.join(", ", p.unknown()) + " has a part with no feasible option), budget " + Fmt.usd(t.budgetUsd()) + of);
        }
        RuleResult r = budgetRule(p.monthlyUsd(), t.budgetUsd(), warnFraction);
        return new PortfolioGate(p.workloads(), r.status(), p.monthlyUsd(), t.budgetUsd(), t.budgetUsd() * warnFraction, r.reason() + of);
    }

    private static WorkloadGate workload(WorkloadPlan w, boolean withBaseline, WorkloadPlan b, Thresholds t) {
        List<RuleResult> rules = new ArrayList<>();
        // with --total, --budget is the portfolio's: each workload keeps its own budget.monthly
        Double budget = t.budgetUsd() != null && !t.total() ? t.budgetUsd() : w.budget() == null ? null : w.budget().monthlyUsd();
        double warnFraction = warnFraction(w, t);
        Double warnAt = budget == null ? null : budget * warnFraction;
        rules.add(budgetRule(w.monthlyUsd(), budget, warnFraction));
        Double baselineUsd = null;
        Double delta = null;
        Double deltaPct = null;
        Change change = null;
        List<PartDiff> parts = List.of();
        if (withBaseline) {
            change = b == null ? Change.ADDED : Change.UNCHANGED;
            if (b != null) {
                baselineUsd = b.monthlyUsd();
            }
            double before = b == null ? 0 : nz(b.monthlyUsd());
            if (w.monthlyUsd() != null && (b == null || b.monthlyUsd() != null)) {
                delta = snap(w.monthlyUsd() - before);
                deltaPct = before > 0 ? delta / before * 100 : null;
                if (b != null && Math.abs(delta) >= EPSILON_USD) {
                    change = Change.CHANGED;
                }
            }
            parts = parts(w, b);
            if (b != null && change == Change.UNCHANGED && parts.stream().anyMatch(p -> p.change() != Change.UNCHANGED)) {
                change = Change.CHANGED;
            }
            rules.add(increaseRule(w, b, delta, t.maxIncrease()));
        }
        Status status = worst(rules.stream().map(RuleResult::status).toList());
        String reason = rules.stream().filter(r -> r.status() == status).map(RuleResult::reason).collect(Collectors.joining("; "));
        return new WorkloadGate(w.name(), w.file(), status, w.monthlyUsd(), budget, warnAt, baselineUsd, delta, deltaPct, change, reason,
                List.copyOf(rules), parts);
    }

    private static double warnFraction(WorkloadPlan w, Thresholds t) {
        if (t.warnAt() != null) {
            return t.warnAt();
        }
        if (w.budget() != null && w.budget().monthlyUsd() != null && w.budget().warnAtUsd() != null && w.budget().monthlyUsd() > 0) {
            return w.budget().warnAtUsd() / w.budget().monthlyUsd();
        }
        return DEFAULT_WARN_AT;
    }

    static RuleResult budgetRule(Double monthly, Double budget, double warnFraction) {
        if (budget == null) {
            return new RuleResult("budget", Status.PASS, monthly == null
                    ? "no budget (monthly cost unknown: a part has no feasible option)"
                    : "no budget (" + Fmt.usd(monthly) + " a month)");
        }
        if (monthly == null) {
            return new RuleResult("budget", Status.FAIL, "a part has no feasible option, so the monthly cost is unknown (budget " + Fmt.usd(budget) + ")");
        }
        if (monthly > budget) {
            return new RuleResult("budget", Status.FAIL, Fmt.usd(monthly) + " a month is over the budget of " + Fmt.usd(budget) + " by "
                    + Fmt.usd(monthly - budget));
        }
        String share = Fmt.usd(monthly) + " a month is " + (budget > 0 ? Fmt.pct(monthly / budget) : "100%") + " of the budget of " + Fmt.usd(budget);
        if (monthly > budget * warnFraction) {
            return new RuleResult("budget", Status.WARN, share + " (warns at " + Fmt.pct(warnFraction) + ")");
        }
        return new RuleResult("budget", Status.PASS, share);
    }

    private static RuleResult increaseRule(WorkloadPlan w, WorkloadPlan b, Double delta, Threshold max) {
        String limit = max == null ? "" : "; allowed " + max.describe();
        if (w.monthlyUsd() == null) {
            return new RuleResult("max-increase", max == null ? Status.PASS : Status.FAIL,
                    "monthly cost unknown (a part has no feasible option); cannot compare with the baseline" + limit);
        }
        if (b == null) {
            if (max != null && !max.percent() && max.exceededBy(w.monthlyUsd(), 0)) {
                return new RuleResult("max-increase", Status.FAIL, "new workload adds " + Fmt.usd(w.monthlyUsd()) + " a month" + limit);
            }
            return new RuleResult("max-increase", Status.PASS, "new workload: " + Fmt.usd(w.monthlyUsd()) + " a month, not in the baseline");
        }
        if (b.monthlyUsd() == null) {
            return new RuleResult("max-increase", Status.PASS, "baseline monthly cost unknown; nothing to compare with");
        }
        String diff = signedUsd(delta) + (b.monthlyUsd() > 0 ? " (" + signedPct(delta / b.monthlyUsd() * 100) + ")" : "") + " vs baseline "
                + Fmt.usd(b.monthlyUsd());
        if (max == null) {
            return new RuleResult("max-increase", Status.PASS, diff + " (no --max-increase)");
        }
        if (max.exceededBy(delta, b.monthlyUsd())) {
            return new RuleResult("max-increase", Status.FAIL, diff + " is more than the allowed " + max.describe());
        }
        return new RuleResult("max-increase", Status.PASS, diff + ", within " + max.describe());
    }

    private static List<PartDiff> parts(WorkloadPlan w, WorkloadPlan b) {
        return PlanComparison.parts(b, w).stream().map(PlanComparison::diff).toList();
    }

    /** The worst of these statuses; pass when there are none. */
    private static Status worst(List<Status> statuses) {
        return statuses.stream().reduce(Status.PASS, Status::worst);
    }

    private static WorkloadGate removed(WorkloadPlan b) {
        String reason = "removed: was " + (b.monthlyUsd() == null ? "an unknown amount" : Fmt.usd(b.monthlyUsd())) + " a month in the baseline";
        Double delta = b.monthlyUsd() == null ? null : -b.monthlyUsd();
        List<PartDiff> parts = new ArrayList<>();
        for (PartPlan p : b.parts()) {
            parts.add(new PartDiff(p.label(), Change.REMOVED, best(p), null, best(p) == null ? null : -best(p), bestId(p), null));
        }
        parts = Collections.unmodifiableList(parts);
        return new WorkloadGate(b.name(), b.file(), Status.PASS, null, null, null, b.monthlyUsd(), delta, delta == null ? null : -100.0,
                Change.REMOVED, reason, List.of(new RuleResult("max-increase", Status.PASS, reason)), parts);
    }

    private static Double best(PartPlan p) {
        return PlanComparison.best(p);
    }

    private static String bestId(PartPlan p) {
        return PlanComparison.bestId(p);
    }

    private static double snap(double d) {
        return PlanComparison.snap(d);
    }

    private static double nz(Double d) {
        return PlanComparison.nz(d);
    }

    private static String summary(Status overall, List<WorkloadGate> ws) {
        long fail = ws.stream().filter(w -> w.status() == Status.FAIL).count();
        long warn = ws.stream().filter(w -> w.status() == Status.WARN).count();
        long pass = ws.size() - fail - warn;
        return overall.id().toUpperCase(java.util.Locale.ROOT) + ": " + ws.size() + (ws.size() == 1 ? " workload" : " workloads") + ", "
                + pass + " passed, " + warn + " warned, " + fail + " failed";
    }

    /** "+$12.00" or "-$3.50". */
    public static String signedUsd(double usd) {
        return (usd >= 0 ? "+" : "") + Fmt.usd(usd);
    }

    /** "+12.5%" or "-3.0%". */
    public static String signedPct(double percent) {
        return (percent >= 0 ? "+" : "-") + Fmt.num(Math.abs(percent), 1) + "%";
    }
}
