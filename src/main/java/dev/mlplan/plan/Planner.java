package dev.mlplan.plan;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Part;
import dev.mlplan.cost.BreakEven;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.ModelArtefactCost;
import dev.mlplan.cost.OperationsCost;
import dev.mlplan.cost.S3AccessCost;
import dev.mlplan.cost.ServicePrices;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.cost.LocalCost;
import dev.mlplan.cost.StorageCost;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Budget;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.util.Fmt;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Batch;
import dev.mlplan.workload.Workload.Inference;
import dev.mlplan.workload.Workload.Named;
import dev.mlplan.workload.Workload.Storage;
import dev.mlplan.workload.Workload.Training;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** The warning that the catalog is old, if it is: the same for every plan, so worked out once. */
    private final Optional<String> catalogAge;

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
        this.catalogAge = catalogAge();
    }

    public PlanResult plan(List<Workload> workloads) {
        List<WorkloadPlan> plans = new ArrayList<>();
        for (Workload w : workloads) {
            plans.add(plan(w));
        }
        // several workloads (files) also get their portfolio total
        PlanResult head = head();
        return new PlanResult(head.schemaVersion(), head.mlplanVersion(), head.catalog(), List.copyOf(plans),
                plans.size() > 1 ? PlanResult.Portfolio.of(plans) : null, head.objective());
    }

    /**
     * A plan's head without its workloads: versions, catalog and objective, what a plan streamed one
     * workload at a time ({@link #plan(Workload)}) writes before the first.
     */
    public PlanResult head() {
        return new PlanResult(PlanResult.SCHEMA_VERSION, options.mlplanVersion(),
                new PlanResult.CatalogRef(catalog.id(), catalog.pricesAsOf(), catalog.description()), List.of(), null,
                options.objective() == Objective.COST ? null : options.objective().id());
    }

    /**
     * When constraints.residency allows none of the regions the workload may use, every cloud option
     * (or every storage option, when compute need not follow the data) is eliminated by residency.region:
     * said once, as a warning, rather than left to the eliminations.
     */
    static Optional<String> residencyConflict(Workload w, List<String> regions) {
        var c = w.constraints();
        if (c.residency().isEmpty() || regions.stream().anyMatch(r -> dev.mlplan.workload.Geography.allows(c.residency(), r))) {
            return Optional.empty();
        }
        boolean compute = c.computeFollowsData() && (!w.trainings().isEmpty() || !w.inferences().isEmpty() || !w.batches().isEmpty());
        if (!compute && w.storages().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("constraints.residency " + c.residency() + " allows none of regions " + regions + ": every "
                + (compute ? "cloud" : "storage") + " option there is eliminated by " + dev.mlplan.constraint.rules.ResidencyRule.ID
                + "; list a region inside the residency under regions" + (compute ? " (or set constraints.compute_follows_data: false"
                        + " to let compute run outside it)" : ""));
    }

    public WorkloadPlan plan(Workload w) {
        PlanContext ctx = PlanContext.of(w, catalog, engine, options, building, today);
        List<PartPlan> parts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<String> age = catalogAge;
        if (age.isPresent()) {
            warnings.add(age.get());
        }
        residencyConflict(w, ctx.regions()).ifPresent(warnings::add);
        List<BreakEvenResult> breakEven = new ArrayList<>();
        double total = 0;
        boolean complete = true;
        // what a storage item takes from the compute item it follows, by that item's name ("" for an unnamed one)
        Map<String, ComputeLink> links = new HashMap<>();
        ComputeLink firstTraining = null;
        ComputeLink firstInference = null;
        for (Named<Training> item : w.trainings()) {
            var r = new TrainingPlanner(ctx.focus(w.withParts(List.of(item), w.inferences(), w.storages()))).plan(item.value());
            parts.add(withFrontier(r.part(), r.ranked()).named(item.name().orElse(null)));
            // break-even compares the owned machine with the first training item only
            if (w.local().isPresent() && firstTraining == null) {
                breakEven.addAll(trainingBreakEven(w, item.value(), r));
            }
            ComputeLink link = ComputeLink.training(item.value(), r.part(), catalog);
            links.put(item.name().orElse(""), link);
            firstTraining = firstTraining == null ? link : firstTraining;
        }
        for (Named<Inference> item : w.inferences()) {
            var inf = new InferencePlanner(ctx.focus(w.withParts(w.trainings(), List.of(item), w.storages()))).plan(item.value()).part();
            parts.add(inf.named(item.name().orElse(null)));
            ComputeLink link = ComputeLink.inference(item.value(), inf, catalog);
            links.put(item.name().orElse(""), link);
            firstInference = firstInference == null ? link : firstInference;
        }
        ComputeLink firstBatch = null;
        for (Named<Batch> item : w.batches()) {
            var batchResult = new BatchPlanner(ctx.focus(w.withBatches(List.of(item)))).plan(item.value());
            var batch = batchResult.part();
            parts.add(withFrontier(batch, batchResult.ranked()).named(item.name().orElse(null)));
            ComputeLink link = ComputeLink.batch(item.value(), batch);
            links.put(item.name().orElse(""), link);
            firstBatch = firstBatch == null ? link : firstBatch;
        }
        // a storage item follows the compute item it serves; by default the first training item, else the first inference item, else the first batch job
        ComputeLink defaultLink = firstTraining != null ? firstTraining : firstInference != null ? firstInference
                : firstBatch != null ? firstBatch : ComputeLink.NONE;
        for (Named<Storage> item : w.storages()) {
            Storage s = item.value();
            ComputeLink link = s.serves().map(links::get).orElse(defaultLink);
            double readGb;
            String readBasis;
            if (link.training().isPresent()) {
                var t = link.training().get();
                readGb = t.dataset().size().gb() * t.epochs() * t.trialsPerMonth();
                readBasis = "dataset " + Fmt.sig(t.dataset().size().gb()) + " GB × " + Fmt.sig(t.epochs()) + " epochs × " + Fmt.sig(t.trialsPerMonth()) + " runs";
            } else if (s.throughput().isPresent()) {
                int n = Math.max(Math.max(1, s.sharedBy()), link.readers());
                readGb = s.throughput().get().bytesPerSecond() * n * link.activeHours() * 3600 / 1e9;
                readBasis = "storage.throughput × " + n + " readers for " + Fmt.hours(link.activeHours()) + "/month";
            } else {
                readGb = 0;
                readBasis = "no read volume given";
            }
            PlanContext focused = ctx.focus(w.withParts(w.trainings(), w.inferences(), List.of(item)));
            parts.add(new StoragePlanner(focused, new StorageCost.Reading(link.activeHours(), link.averageToPeak(), link.activeBasis(), readGb,
                    readBasis), link.reader(), link.readers(), link.readersBasis(), link.computeRegion())
                    .plan(s).part().named(item.name().orElse(null)));
        }
        for (PartPlan p : parts) {
            if (p.options().isEmpty()) {
                complete = false;
                // offers the pricing policy leaves out are not eliminations, so say when it may be why nothing is left
                Object policy = p.requirements().get("pricing");
                warnings.add(p.label() + ": no feasible option; see the eliminations" + (policy == null ? ""
                        : " (constraints.pricing allows only " + String.valueOf(policy).split(";")[0] + "; the offers it removes are not listed there)"));
            } else {
                total += p.options().get(0).monthlyUsd();
            }
        }
        // issue 20 item 3: lines of the workload as a whole, the same whichever option each part takes
        List<CostComponent> workloadLines = workloadLines(w, ctx, parts);
        total += CostComponent.total(workloadLines);
        gatewayEndpointSaving(w, parts, workloadLines).ifPresent(warnings::add);
        Double monthly = complete ? total : null;
        Budget budget = w.budget().isPresent() ? budget(w.budget().get(), monthly) : null;
        Map<String, Double> split = complete
                ? CategorySplit.of(parts.stream().filter(p -> !p.options().isEmpty()).map(p -> p.options().get(0)).toList(), workloadLines)
                : null;
        return new WorkloadPlan(w.name(), w.file(), w.description(), ctx.regions().size() > 8 ? List.of("any") : ctx.regions(),
                List.copyOf(parts), List.copyOf(breakEven), monthly, budget, List.copyOf(warnings), workloadLines, split);
    }

    /**
     * The EKS control plane (orchestration: eks), once per workload file whatever its parts, and for
     * each inference item its model's weights in S3 and the CloudWatch Logs of its requests
     * (observability), priced in the region of the item's rank-1 option (docs/bill.md). Neither depends on which option a part takes, so they are
     * workload lines, not option lines, and rank nothing.
     */
    private static List<CostComponent> workloadLines(Workload w, PlanContext ctx, List<PartPlan> parts) {
        List<CostComponent> lines = new ArrayList<>();
        String firstRegion = parts.stream().filter(p -> !p.options().isEmpty()).map(p -> p.options().get(0).region())
                .filter(r -> !"local".equals(r)).findFirst().orElse(ctx.regions().isEmpty() ? ServicePrices.FALLBACK_REGION : ctx.regions().get(0));
        if (w.platform().orchestration() == Workload.Orchestration.EKS) {
            lines.add(OperationsCost.eksControlPlane(ctx.prices(), firstRegion));
        }
        // the NAT gateway or S3 interface endpoint is the VPC's: its hours once per file, when a rank-1 option reads through it
        String viaRegion = parts.stream().filter(p -> !p.options().isEmpty()).map(p -> p.options().get(0))
                .filter(o -> o.costs().stream().anyMatch(Planner::isS3Processing)).map(Option::region).findFirst().orElse(null);
        if (viaRegion != null) {
            S3AccessCost.hours(ctx.prices(), viaRegion, w.platform().s3Access(), Surround.zones(w)).ifPresent(lines::add);
        }
        var platform = w.platform();
        int i = 0;
        for (PartPlan p : parts) {
            if (!Part.INFERENCE.id().equals(p.part())) {
                continue;
            }
            Inference inf = w.inferences().get(i++).value();
            if (p.options().isEmpty()) {
                continue;
            }
            Option best = p.options().get(0);
            String region = "local".equals(best.region()) ? firstRegion : best.region();
            // the served model's weights in S3 (not for Lambda, whose model is in its image, nor an owned machine)
            if (p.requirements().get("weightsGiB") instanceof Number gib) {
                ModelArtefactCost.monthly(ctx.prices(), region, best.service().id(), p.label(), gib.doubleValue() * dev.mlplan.workload.DataSize.GIB)
                        .ifPresent(lines::add);
            }
            if (platform.logBytesPerRequest().bytes() > 0) {
                double requests = inf.traffic().average().perSecond() * 3600 * inf.hoursPerDay() * TimeSpan.HOURS_PER_MONTH / 24.0;
                lines.addAll(OperationsCost.logs(ctx.prices(), region, p.label(), requests, platform.logBytesPerRequest().bytes(),
                        platform.logRetention()));
            }
        }
        return List.copyOf(lines);
    }

    private static boolean isS3Processing(CostComponent c) {
        return S3AccessCost.NAT_PROCESSED.equals(c.name()) || S3AccessCost.INTERFACE_PROCESSED.equals(c.name());
    }

    /**
     * What a gateway endpoint would save the workload, when its S3 reads go through a NAT gateway: the NAT processing
     * of each part's rank-1 option and the NAT gateway's hours (a workload line); empty otherwise.
     */
    static Optional<String> gatewayEndpointSaving(Workload w, List<PartPlan> parts, List<CostComponent> workloadLines) {
        if (w.platform().s3Access() != Workload.S3Access.NAT_GATEWAY) {
            return Optional.empty();
        }
        double processing = parts.stream().filter(p -> !p.options().isEmpty()).flatMap(p -> p.options().get(0).costs().stream())
                .filter(Planner::isS3Processing).mapToDouble(CostComponent::monthlyUsd).sum();
        double hours = workloadLines.stream().filter(c -> c.name().startsWith("NAT gateway hours")).mapToDouble(CostComponent::monthlyUsd).sum();
        if (processing + hours <= 0) {
            return Optional.empty();
        }
        return Optional.of("network.s3_access nat-gateway: a gateway endpoint (gateway-endpoint, free) would save " + Fmt.usd(processing + hours)
                + " a month: " + Fmt.usd(processing) + " of NAT processing on the best options and " + Fmt.usd(hours) + " of NAT gateway hours");
    }

    /** The part with its cost/time frontier when the plan asks for it ({@code --frontier}; training and batch parts). */
    private PartPlan withFrontier(PartPlan part, List<PartCollector.Draft> ranked) {
        return options.frontier() ? part.withFrontier(PartCollector.frontier(ranked)) : part;
    }

    /**
     * What a storage item takes from the compute item it follows: the instance type that reads it
     * (block storage's attach limits), how many instances read it, the region, and the hours a month
     * it is read.
     *
     * @param training the training item, whose dataset reads give the read volume; empty for inference
     */
    record ComputeLink(Optional<InstanceType> reader, int readers, String readersBasis, Optional<String> computeRegion, double activeHours,
            double averageToPeak, String activeBasis, Optional<Training> training) {

        /** No training or inference part: read around the clock at the peak rate. */
        static final ComputeLink NONE = new ComputeLink(Optional.empty(), 1, "", Optional.empty(), HOURS_PER_MONTH, 1,
                "no training or inference part: around the clock at the peak rate, an upper bound", Optional.empty());

        static ComputeLink training(Training t, PartPlan part, Catalog catalog) {
            if (part.options().isEmpty() || part.options().get(0).hoursPerRun() == null) {
                return new ComputeLink(NONE.reader, NONE.readers, NONE.readersBasis, NONE.computeRegion, NONE.activeHours, NONE.averageToPeak,
                        NONE.activeBasis, Optional.of(t));
            }
            Option best = part.options().get(0);
            Optional<InstanceType> reader = best.service() == Service.EC2 ? catalog.instanceType(best.instanceType()) : Optional.empty();
            int readers = 1;
            String readersBasis = "";
            if (best.service() == Service.EC2 || best.service() == Service.SAGEMAKER_TRAINING) {
                readers = best.count() * t.concurrency();
                readersBasis = t.concurrency() > 1 ? t.concurrency() + " concurrent trials × the best training option's " + best.count() + " nodes"
                        : "the best training option's " + best.count() + " nodes";
            }
            String activeBasis = "while the best training option runs: " + Fmt.sig(t.trialsPerMonth()) + " runs × "
                    + Fmt.hours(best.hoursPerRun()) + "; a data loader reads at a steady rate, so the average is the peak";
            return new ComputeLink(reader, readers, readersBasis, Optional.ofNullable(best.region()), best.hoursPerRun() * t.trialsPerMonth(), 1,
                    activeBasis, Optional.of(t));
        }

        /** A batch job: its instances read while a run lasts, runs_per_month times. */
        static ComputeLink batch(Batch b, PartPlan part) {
            if (part.options().isEmpty() || part.options().get(0).hoursPerRun() == null) {
                return NONE;
            }
            Option best = part.options().get(0);
            return new ComputeLink(Optional.empty(), 1, "", Optional.ofNullable(best.region()), best.hoursPerRun() * b.runsPerMonth(), 1,
                    "while the best batch option runs: " + Fmt.sig(b.runsPerMonth()) + " runs × " + Fmt.hours(best.hoursPerRun()), Optional.empty());
        }

        static ComputeLink inference(Inference inference, PartPlan inf, Catalog catalog) {
            Optional<InstanceType> reader = Optional.empty();
            Optional<String> computeRegion = Optional.empty();
            int readers = 1;
            String readersBasis = "";
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
            double activeHours = inference.hoursPerDay() * HOURS_PER_MONTH / 24;
            var traffic = inference.traffic();
            double peak = traffic.peak().perSecond();
            double average = traffic.average().perSecond();
            double averageToPeak = 1;
            String activeBasis;
            if (peak > 0 && average > 0 && average < peak) {
                averageToPeak = average / peak;
                activeBasis = "the inference service's serving hours, at the traffic's average/peak " + Fmt.count(average) + "/"
                        + Fmt.count(peak) + " = " + Fmt.pct(averageToPeak) + " of the peak request rate";
            } else {
                activeBasis = "the inference service's serving hours, at the peak rate (the traffic's average equals it)";
            }
            return new ComputeLink(reader, readers, readersBasis, computeRegion, activeHours, averageToPeak, activeBasis, Optional.empty());
        }
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
    private List<BreakEvenResult> trainingBreakEven(Workload w, Training training, TrainingPlanner.Result r) {
        Workload.LocalMachine m = w.local().get();
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
