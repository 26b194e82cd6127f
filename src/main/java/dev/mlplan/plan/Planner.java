package dev.mlplan.plan;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.Service;
import dev.mlplan.cost.BreakEven;
import dev.mlplan.cost.LocalCost;
import dev.mlplan.cost.StorageCost;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Budget;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns workloads into a {@link PlanResult}: plans each part, totals the best options, compares the
 * total with the budget, and works out the break-even against an owned machine. A pure function of
 * its inputs (the date only decides whether the catalog is called old).
 */
public final class Planner {
    /** A catalog older than this many days gets a warning in every plan. */
    public static final int CATALOG_MAX_AGE_DAYS = 120;

    private final Catalog catalog;
    private final ConstraintEngine engine;
    private final PlanOptions options;
    private final LocalDate today;
    private final PartCollector.Building building;

    public Planner(Catalog catalog, ConstraintEngine engine, PlanOptions options, LocalDate today) {
        this(catalog, engine, options, today, PartCollector.Building.WHEN_SHOWN);
    }

    /** With offers' options built as {@code building} says (tests build every one at once). */
    Planner(Catalog catalog, ConstraintEngine engine, PlanOptions options, LocalDate today, PartCollector.Building building) {
        this.catalog = catalog;
        this.engine = engine;
        this.options = options;
        this.today = today;
        this.building = building;
    }

    public PlanResult plan(List<Workload> workloads) {
        List<WorkloadPlan> plans = new ArrayList<>();
        for (Workload w : workloads) {
            plans.add(plan(w));
        }
        return new PlanResult(PlanResult.SCHEMA_VERSION, options.mlplanVersion(),
                new PlanResult.CatalogRef(catalog.id(), catalog.pricesAsOf(), catalog.description()), List.copyOf(plans));
    }

    public WorkloadPlan plan(Workload w) {
        PlanContext ctx = PlanContext.of(w, catalog, engine, options, building, today);
        List<PartPlan> parts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> age = catalogAge();
        if (age.isPresent()) {
            warnings.add(age.get());
        }
        List<BreakEvenResult> breakEven = new ArrayList<>();
        double total = 0;
        boolean complete = true;
        java.util.Optional<dev.mlplan.catalog.InstanceType> reader = java.util.Optional.empty();
        double activeHours = HOURS_PER_MONTH;
        String activeBasis = "no training or inference part: around the clock at the peak rate, an upper bound";
        // storage.reads and storage.writes are peak rates; requests are charged on the average over the hours read
        double averageToPeak = 1;
        // instances of the best compute option: all of them read the stored data
        int readers = 1;
        String readersBasis = "";
        // the region of the best compute option: block and file storage must be there, S3 elsewhere pays the transfer
        Optional<String> computeRegion = Optional.empty();
        if (w.training().isPresent()) {
            var r = new TrainingPlanner(ctx).plan(w.training().get());
            parts.add(r.part());
            if (w.local().isPresent()) {
                breakEven.addAll(trainingBreakEven(w, r));
            }
            if (!r.part().options().isEmpty() && r.part().options().get(0).hoursPerRun() != null) {
                Option best = r.part().options().get(0);
                reader = best.service() == Service.EC2 ? catalog.instanceType(best.instanceType()) : java.util.Optional.empty();
                activeHours = best.hoursPerRun() * w.training().get().trialsPerMonth();
                computeRegion = Optional.ofNullable(best.region());
                if (best.service() == Service.EC2 || best.service() == Service.SAGEMAKER_TRAINING) {
                    var t = w.training().get();
                    readers = best.count() * t.concurrency();
                    readersBasis = t.concurrency() > 1 ? t.concurrency() + " concurrent trials × the best training option's " + best.count() + " nodes"
                            : "the best training option's " + best.count() + " nodes";
                }
                activeBasis = "while the best training option runs: " + Fmt.sig(w.training().get().trialsPerMonth()) + " runs × "
                        + Fmt.hours(best.hoursPerRun()) + "; a data loader reads at a steady rate, so the average is the peak";
            }
        }
        if (w.inference().isPresent()) {
            var inf = new InferencePlanner(ctx).plan(w.inference().get()).part();
            parts.add(inf);
            if (w.training().isEmpty()) {
                if (!inf.options().isEmpty() && inf.options().get(0).service() == Service.EC2) {
                    reader = catalog.instanceType(inf.options().get(0).instanceType());
                }
                if (!inf.options().isEmpty()) {
                    computeRegion = Optional.ofNullable(inf.options().get(0).region());
                }
                if (!inf.options().isEmpty() && (inf.options().get(0).service() == Service.EC2
                        || inf.options().get(0).service() == Service.SAGEMAKER_ENDPOINT)) {
                    readers = inf.options().get(0).count();
                    readersBasis = "the best inference option's " + readers + " instances";
                }
                activeHours = w.inference().get().hoursPerDay() * HOURS_PER_MONTH / 24;
                var traffic = w.inference().get().traffic();
                double peak = traffic.peak().perSecond();
                double average = traffic.average().perSecond();
                if (peak > 0 && average > 0 && average < peak) {
                    averageToPeak = average / peak;
                    activeBasis = "the inference service's serving hours, at the traffic's average/peak " + Fmt.count(average) + "/"
                            + Fmt.count(peak) + " = " + Fmt.pct(averageToPeak) + " of the peak request rate";
                } else {
                    activeBasis = "the inference service's serving hours, at the peak rate (the traffic's average equals it)";
                }
            }
        }
        if (w.batch().isPresent()) {
            var batch = new BatchPlanner(ctx).plan(w.batch().get()).part();
            parts.add(batch);
            if (w.training().isEmpty() && w.inference().isEmpty() && !batch.options().isEmpty() && batch.options().get(0).hoursPerRun() != null) {
                Option best = batch.options().get(0);
                activeHours = best.hoursPerRun() * w.batch().get().runsPerMonth();
                computeRegion = Optional.ofNullable(best.region());
                activeBasis = "while the best batch option runs: " + Fmt.sig(w.batch().get().runsPerMonth()) + " runs × " + Fmt.hours(best.hoursPerRun());
            }
        }
        if (w.storage().isPresent()) {
            var s = w.storage().get();
            double readGb;
            String readBasis;
            if (w.training().isPresent()) {
                var t = w.training().get();
                readGb = t.dataset().size().gb() * t.epochs() * t.trialsPerMonth();
                readBasis = "dataset " + Fmt.sig(t.dataset().size().gb()) + " GB × " + Fmt.sig(t.epochs()) + " epochs × " + Fmt.sig(t.trialsPerMonth()) + " runs";
            } else if (s.throughput().isPresent()) {
                int n = Math.max(Math.max(1, s.sharedBy()), readers);
                readGb = s.throughput().get().bytesPerSecond() * n * activeHours * 3600 / 1e9;
                readBasis = "storage.throughput × " + n + " readers for " + Fmt.hours(activeHours) + "/month";
            } else {
                readGb = 0;
                readBasis = "no read volume given";
            }
            parts.add(new StoragePlanner(ctx, new StorageCost.Reading(activeHours, averageToPeak, activeBasis, readGb, readBasis), reader,
                    readers, readersBasis, computeRegion)
                    .plan(s).part());
        }
        for (PartPlan p : parts) {
            if (p.options().isEmpty()) {
                complete = false;
                warnings.add(p.part() + ": no feasible option; see the eliminations");
            } else {
                total += p.options().get(0).monthlyUsd();
            }
        }
        Double monthly = complete ? total : null;
        Budget budget = w.budget().isPresent() ? budget(w.budget().get(), monthly) : null;
        return new WorkloadPlan(w.name(), w.file(), w.description(), ctx.regions().size() > 8 ? List.of("any") : ctx.regions(),
                List.copyOf(parts), List.copyOf(breakEven), monthly, budget, List.copyOf(warnings));
    }

    private java.util.Optional<String> catalogAge() {
        try {
            long days = ChronoUnit.DAYS.between(java.time.LocalDate.parse(catalog.pricesAsOf()), today);
            if (days > CATALOG_MAX_AGE_DAYS) {
                return java.util.Optional.of("catalog " + catalog.id() + " has prices as of " + catalog.pricesAsOf() + ", " + days
                        + " days ago; run 'mlplan catalog refresh' for current prices");
            }
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.of("catalog " + catalog.id() + " has no valid date ('" + catalog.pricesAsOf() + "')");
        }
        return java.util.Optional.empty();
    }

    static Budget budget(Workload.Budget b, Double monthly) {
        double limit = b.monthly().value();
        double warnAt = limit * b.warnAt().fraction();
        if (monthly == null) {
            return new Budget(limit, warnAt, "fail", "a part has no feasible option, so the monthly cost is unknown");
        }
        if (monthly > limit) {
            return new Budget(limit, warnAt, "fail", Fmt.usd(monthly) + " a month is over the budget of " + Fmt.usd(limit)
                    + " by " + Fmt.usd(monthly - limit));
        }
        if (monthly > warnAt) {
            return new Budget(limit, warnAt, "warn", Fmt.usd(monthly) + " a month is " + Fmt.pct(monthly / limit)
                    + " of the budget of " + Fmt.usd(limit) + " (warns at " + Fmt.pct(b.warnAt().fraction()) + ")");
        }
        return new Budget(limit, warnAt, "pass", Fmt.usd(monthly) + " a month is " + Fmt.pct(monthly / limit) + " of the budget of " + Fmt.usd(limit));
    }

    /**
     * Break-even of the local machine against the best cloud options of the training part: the best
     * overall and the best on-demand and spot options, each compared per unit of work.
     */
    private List<BreakEvenResult> trainingBreakEven(Workload w, TrainingPlanner.Result r) {
        Workload.LocalMachine m = w.local().get();
        var training = w.training().get();
        List<BreakEvenResult> out = new ArrayList<>();
        TrainingEstimate local = r.local().orElse(null);
        Set<PricingModel> seenPricing = EnumSet.noneOf(PricingModel.class);
        for (PartCollector.Draft d : r.ranked()) {
            Option o = d.option();
            if (o.service() == Service.LOCAL || o.service() == Service.LAMBDA) {
                continue;
            }
            boolean first = out.isEmpty();
            if (!first && !seenPricing.add(o.pricing())) {
                continue;
            }
            if (!first && !(o.pricing() == PricingModel.ON_DEMAND || o.pricing() == PricingModel.SPOT)) {
                continue;
            }
            seenPricing.add(o.pricing());
            var detail = (TrainingPlanner.Detail) d.detail();
            String versus = o.instanceType() + (o.count() > 1 ? " × " + o.count() : "") + " " + o.pricing().id() + " (" + o.region() + ")";
            if (local == null || !local.fits()) {
                out.add(new BreakEvenResult(m.accelerator(), versus, null, null, null, null, null, o.monthlyUsd(), "cloud",
                        "the model does not fit on the local machine" + (local == null ? "" : " (needs " + Fmt.sig(local.neededGiBPerAccelerator())
                                + " GiB per accelerator, has " + Fmt.sig(local.availableGiBPerAccelerator()) + ")")));
            } else if (o.pricing().isCommitment()) {
                double localHours = local.hoursPerRun() * training.trialsPerMonth();
                double localMonthly = LocalCost.monthly(m, localHours).monthlyUsd();
                out.add(new BreakEvenResult(m.accelerator(), versus, null, null, Math.round(detail.hoursPerRun() / local.hoursPerRun() * 1000) / 1000.0, round(localHours),
                        round(localMonthly), round(o.monthlyUsd()), localMonthly < o.monthlyUsd() ? "local" : "cloud",
                        "a commitment costs the same at any use; compare the monthly figures"));
            } else {
                double ratio = detail.hoursPerRun() / local.hoursPerRun();
                OptionalDouble l = BreakEven.localHours(m, detail.usdPerHourAllInstances(), ratio);
                double localHours = local.hoursPerRun() * training.trialsPerMonth();
                double localMonthly = LocalCost.monthly(m, localHours).monthlyUsd();
                String formula = "fixed " + Fmt.usd(LocalCost.fixedMonthly(m)) + "/month ÷ (" + Fmt.sig(ratio) + " cloud h per local h × "
                        + Fmt.usd(detail.usdPerHourAllInstances()) + "/h − " + Fmt.usd(LocalCost.perWorkingHour(m)) + "/h power)";
                out.add(new BreakEvenResult(m.accelerator(), versus, l.isPresent() ? round(l.getAsDouble() * ratio) : null,
                        l.isPresent() ? round(l.getAsDouble()) : null, Math.round(ratio * 1000) / 1000.0, round(localHours), round(localMonthly), round(o.monthlyUsd()),
                        localMonthly < o.monthlyUsd() ? "local" : "cloud", formula));
            }
            if (out.size() >= 3) {
                break;
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
