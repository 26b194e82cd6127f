package dev.mlplan.plan;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.LambdaCost;
import dev.mlplan.cost.LocalCost;
import dev.mlplan.cost.SpotRework;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingEstimator;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans the training part: every accelerated instance type at the smallest node count (up to
 * {@code constraints.max_nodes}) whose memory and deadline work, in every region and pricing model;
 * Lambda; and the local machine when the workload has one.
 */
final class TrainingPlanner {
    /** Lambda's largest configuration: 10,240 MB gives 6 vCPUs (1 vCPU per 1,769 MB, capped at 6). */
    private static final double LAMBDA_MAX_MB = 10240;

    private final PlanContext ctx;
    private final TrainingEstimator estimator;

    TrainingPlanner(PlanContext ctx) {
        this.ctx = ctx;
        this.estimator = new TrainingEstimator(ctx.workload().assumptions().orElse(Workload.Assumptions.none()));
    }

    /** What break-even needs to know about a ranked option. */
    record Detail(double hoursPerRun, double usdPerHourAllInstances) {}

    record Result(PlanResult.PartPlan part, List<PartCollector.Draft> ranked, Optional<TrainingEstimate> local) {}

    Result plan(Training t) {
        Workload w = ctx.workload();
        TrainingRequirements req = estimator.requirements(t);
        PartCollector col = new PartCollector();
        int filtered = 0;
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            if (!it.hasAccelerator() || !it.currentGeneration()) {
                continue;
            }
            Optional<Accelerator> acc = ctx.catalog().accelerator(it.accelerators().name());
            if (acc.isEmpty() || "inferentia".equals(acc.get().kind())) {
                continue;
            }
            if (!w.constraints().allowsFamily(it.family())) {
                filtered++;
                continue;
            }
            planInstanceType(t, req, it, acc.get(), col);
        }
        planLambda(req, col);
        Optional<TrainingEstimate> local = w.local().map(m -> planLocal(t, req, m, col));
        List<PartCollector.Draft> ranked = col.ranked();
        List<Option> options = ranked.stream().limit(ctx.options().top()).map(PartCollector.Draft::option).toList();
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("model", req.model().name());
        requirements.put("parameters", req.model().parameters());
        requirements.put("method", t.method().name().toLowerCase(java.util.Locale.ROOT));
        requirements.put("acceleratorMemoryGiB", round1((req.shardableBytes() + req.replicatedBytesPerAccelerator()) / dev.mlplan.workload.DataSize.GIB));
        requirements.put("totalFlops", req.totalFlops());
        requirements.put("epochs", req.epochs());
        requirements.put("runsPerMonth", t.runsPerMonth());
        t.deadline().ifPresent(d -> requirements.put("deadlineHours", d.hours()));
        if (filtered > 0) {
            requirements.put("instanceTypesExcludedByFamilies", filtered);
        }
        var part = new PlanResult.PartPlan(Part.TRAINING.id(), requirements, options, col.eliminations(), req.steps(), col.considered(), col.feasible());
        return new Result(part, ranked, local);
    }

    private void planInstanceType(Training t, TrainingRequirements req, InstanceType it, Accelerator acc, PartCollector col) {
        Workload w = ctx.workload();
        int perNode = it.accelerators().count();
        boolean efa = it.efaInterfaces() > 0;
        List<Violation> last = List.of();
        Facts feasible = null;
        TrainingEstimate est = null;
        int maxNodes = w.constraints().maxNodes();
        for (int n = 1; n <= maxNodes; n++) {
            est = estimator.on(req, acc, perNode, n, efa);
            Facts f = facts(Candidate.ec2(Part.TRAINING, it, n), req, est, 0);
            last = ctx.engine().check(f);
            if (last.isEmpty()) {
                feasible = f;
                break;
            }
            if (onlyPriceMissing(last)) {
                last = last.stream().filter(v -> v.rule().equals(dev.mlplan.constraint.rules.PriceAvailabilityRule.ID)).toList();
                break;
            }
        }
        col.considered(1);
        if (feasible == null) {
            col.eliminateAll(Service.EC2.id(), it.name(), last, capability(it));
            return;
        }
        int n = feasible.candidate().count();
        double checkpointHours = t.checkpointEvery().map(c -> c.hours()).orElse(0.0);
        double restartHours = w.assumptions().flatMap(a -> a.spotRestart()).map(r -> r.hours()).orElse(SpotRework.DEFAULT_RESTART_HOURS);
        // the same for every region and pricing model: made once per type
        String nodesNote = n > 1 ? n + " nodes × " + perNode + " " + acc.name() + " (" + (efa ? "EFA" : "no EFA") + "), scaling efficiency "
                + Fmt.pct(est.scalingEfficiency()) : null;
        String largeSpotNote = n >= 8 ? "spot: " + n + " instances at once is a large spot request; capacity is not guaranteed" : null;
        String utilisationNote = "MFU " + Fmt.pct(est.mfu()) + ", " + Fmt.sig(est.neededGiBPerAccelerator()) + " of "
                + Fmt.sig(est.availableGiBPerAccelerator()) + " GiB per " + acc.name();
        for (String region : ctx.regions()) {
            for (PricingModel pm : ctx.options().pricing()) {
                Optional<Price> price = ctx.catalog().price(region, it.name(), pm);
                if (price.isEmpty()) {
                    continue;
                }
                col.considered(1);
                double hours = est.hoursPerRun();
                List<String> notes = new ArrayList<>();
                if (nodesNote != null) {
                    notes.add(nodesNote);
                }
                if (pm == PricingModel.SPOT && largeSpotNote != null) {
                    notes.add(largeSpotNote);
                }
                notes.add(utilisationNote);
                if (pm == PricingModel.SPOT) {
                    SpotInfo info = ctx.catalog().spot(region, it.name()).orElse(null);
                    var rework = SpotRework.estimate(info, n, hours, checkpointHours, restartHours);
                    hours = rework.hoursWithRework(hours);
                    notes.add("spot: " + rework.explanation());
                    if (info != null && info.minUsdPerHour() != null && info.minUsdPerHour() < price.get().usdPerHour()) {
                        notes.add("spot: best AZ " + Fmt.usd(info.minUsdPerHour()) + "/h vs regional average " + Fmt.usd(price.get().usdPerHour()) + "/h");
                    }
                }
                Facts offerFacts = facts(feasible.candidate(), req, est, hours);
                List<Violation> vs = ctx.engine().checkOffer(offerFacts, region, pm);
                if (!vs.isEmpty()) {
                    col.eliminateAll(Service.EC2.id(), it.name(), vs, capability(it));
                    continue;
                }
                var priced = InstanceCost.monthly(price.get(), n, hours * t.runsPerMonth());
                notes.addAll(priced.notes());
                sourceNote(price.get(), notes);
                double perRun = hours * n * price.get().usdPerHour();
                Option o = new Option(0, "training/ec2/" + it.name() + (n > 1 ? "x" + n : "") + "/" + pm.id() + "/" + region,
                        Service.EC2.id(), it.name(), n, region, pm.id(), round2(hours), null, null, null, perRun, priced.monthlyUsd(),
                        null, priced.components(), List.copyOf(notes));
                col.add(o, new Detail(hours, n * price.get().usdPerHour()));
            }
        }
    }

    private void sourceNote(Price p, List<String> notes) {
        ctx.catalog().source(p.source()).filter(s -> s.estimated()).ifPresent(s -> notes.add(p.pricing().id() + " rate is estimated: " + s.note()));
    }

    private static boolean onlyPriceMissing(List<Violation> vs) {
        return vs.stream().anyMatch(v -> v.rule().equals(dev.mlplan.constraint.rules.PriceAvailabilityRule.ID));
    }

    private void planLambda(TrainingRequirements req, PartCollector col) {
        double vcpus = Math.min(ctx.catalog().limit("lambda.vcpu.max").value(), LAMBDA_MAX_MB / ctx.catalog().limit("lambda.mb-per-vcpu").value());
        TrainingEstimate est = estimator.onCpu(req, vcpus, LAMBDA_MAX_MB / 1024);
        Candidate c = new Candidate(Part.TRAINING, Service.LAMBDA, null, "lambda-" + (int) LAMBDA_MAX_MB + "mb", 1, LAMBDA_MAX_MB);
        Facts f = facts(c, req, est, 0);
        List<Violation> vs = ctx.engine().check(f);
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LAMBDA.id(), null, vs);
            return;
        }
        Training t = ctx.workload().training().orElseThrow();
        for (String region : ctx.regions()) {
            var priced = LambdaCost.monthly(ctx.prices(), region, t.runsPerMonth(), est.hoursPerRun() * 3600, LAMBDA_MAX_MB);
            col.add(new Option(0, "training/lambda/" + c.resource() + "/per-request/" + region, Service.LAMBDA.id(), c.resource(), 1, region,
                    PricingModel.PER_REQUEST.id(), round2(est.hoursPerRun()), null, null, null, priced.monthlyUsd() / Math.max(1e-9, t.runsPerMonth()),
                    priced.monthlyUsd(), null, priced.components(), priced.notes()), new Detail(est.hoursPerRun(), 0));
        }
    }

    private TrainingEstimate planLocal(Training t, TrainingRequirements req, Workload.LocalMachine m, PartCollector col) {
        Accelerator acc = ctx.localAccelerator(m.accelerator());
        TrainingEstimate est = estimator.on(req, acc, m.count(), 1, false);
        Candidate c = new Candidate(Part.TRAINING, Service.LOCAL, null, m.accelerator(), m.count(), 0);
        Facts f = facts(c, req, est, 0);
        List<Violation> vs = ctx.engine().check(f);
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LOCAL.id(), m.accelerator(), vs);
            return est;
        }
        double hoursPerMonth = est.hoursPerRun() * t.runsPerMonth();
        var priced = LocalCost.monthly(m, hoursPerMonth);
        List<String> notes = new ArrayList<>(priced.notes());
        notes.add("owned: " + Fmt.hours(hoursPerMonth) + " of work a month; MFU " + Fmt.pct(est.mfu()));
        if (hoursPerMonth > InstanceCost.HOURS_PER_MONTH) {
            notes.add("needs " + Fmt.hours(hoursPerMonth) + " a month: more than one machine's 730 h");
        }
        col.add(new Option(0, "training/local/" + m.accelerator() + (m.count() > 1 ? "x" + m.count() : ""), Service.LOCAL.id(), m.accelerator(),
                m.count(), "local", PricingModel.LOCAL.id(), round2(est.hoursPerRun()), null, null, null,
                priced.monthlyUsd() / Math.max(1e-9, t.runsPerMonth()), priced.monthlyUsd(), m.hardwareCost().value(), priced.components(),
                List.copyOf(notes)), new Detail(est.hoursPerRun(), 0));
        return est;
    }

    private Facts facts(Candidate c, TrainingRequirements req, TrainingEstimate est, double effectiveHours) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.of(req), Optional.of(est), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, effectiveHours);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Orders eliminated types by what they offer: accelerator memory, then vCPUs. */
    private double capability(InstanceType it) {
        return (it.hasAccelerator() ? it.accelerators().memoryGiB() * 1e4 : 0) + it.vcpus();
    }
}
