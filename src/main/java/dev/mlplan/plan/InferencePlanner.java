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
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceEstimator;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Inference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the inference part: accelerated instance types (all of an instance's accelerators serving one
 * model replica), current-generation CPU instance types, Lambda at the cheapest memory size that
 * works, and the local machine when the workload has one.
 */
final class InferencePlanner {
    /** Lambda memory sizes tried, MB: whole and common vCPU steps (1 vCPU per 1,769 MB). */
    static final double[] LAMBDA_MEMORY_MB = {512, 1024, 1769, 2048, 3008, 3538, 4096, 5307, 6144, 7076, 8192, 8845, 10240};

    /**
     * CPU families considered for serving: current-generation general purpose, compute and memory
     * optimised (burstable t-types and previous generations are left out).
     */
    static final Set<String> CPU_FAMILIES = Set.of("c6i", "c6a", "c6g", "c7i", "c7a", "c7g", "c8g", "m6i", "m6a", "m6g", "m7i", "m7a",
            "m7g", "m8g", "r6i", "r7i", "r7g", "r8g");

    private final PlanContext ctx;
    private final InferenceEstimator estimator;
    private final double headroom;

    InferencePlanner(PlanContext ctx) {
        this.ctx = ctx;
        var assumptions = ctx.workload().assumptions().orElse(Workload.Assumptions.none());
        this.estimator = new InferenceEstimator(assumptions);
        this.headroom = assumptions.servingHeadroom().map(p -> p.fraction()).orElse(FleetSizing.DEFAULT_HEADROOM);
    }

    record Result(PlanResult.PartPlan part, List<PartCollector.Draft> ranked) {}

    Result plan(Inference inf) {
        InferenceRequirements req = estimator.requirements(inf);
        PartCollector col = new PartCollector();
        Workload w = ctx.workload();
        double hoursPerMonth = inf.hoursPerDay() * InstanceCost.HOURS_PER_MONTH / 24.0;
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            if (!w.constraints().allowsFamily(it.family()) || !it.currentGeneration()) {
                continue;
            }
            InferenceEstimate est;
            if (it.hasAccelerator()) {
                Optional<Accelerator> acc = ctx.catalog().accelerator(it.accelerators().name());
                if (acc.isEmpty()) {
                    continue;
                }
                est = estimator.on(req, acc.get(), it.accelerators().count());
            } else if (CPU_FAMILIES.contains(it.family()) && it.currentGeneration() && !it.name().contains("metal")) {
                est = estimator.onCpu(req, it.vcpus(), it.memoryGiB());
            } else {
                continue;
            }
            planInstanceType(inf, req, it, est, hoursPerMonth, col);
        }
        planLambda(inf, req, col);
        w.local().ifPresent(m -> planLocal(inf, req, m, hoursPerMonth, col));
        List<PartCollector.Draft> ranked = col.ranked();
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("model", req.model().name());
        requirements.put("parameters", req.model().parameters());
        requirements.put("precision", req.model().precision().yamlName());
        requirements.put("weightsGiB", TrainingPlanner.round1(req.weightBytes() / dev.mlplan.workload.DataSize.GIB));
        requirements.put("peakRequestsPerSecond", req.peakRps());
        requirements.put("averageRequestsPerSecond", req.averageRps());
        if (req.latencyTargetMs() > 0) {
            requirements.put("latencyTargetMsP99", req.latencyTargetMs());
        }
        requirements.put("availability", inf.availability().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        requirements.put("hoursPerMonth", TrainingPlanner.round1(hoursPerMonth));
        var part = new PlanResult.PartPlan(Part.INFERENCE.id(), requirements,
                ranked.stream().limit(ctx.options().top()).map(PartCollector.Draft::option).toList(), col.eliminations(), req.steps(),
                col.considered(), col.feasible());
        return new Result(part, ranked);
    }

    private void planInstanceType(Inference inf, InferenceRequirements req, InstanceType it, InferenceEstimate est, double hoursPerMonth, PartCollector col) {
        FleetSizing fleet = est.fits() ? FleetSizing.of(inf, est.requestsPerSecond(), headroom) : new FleetSizing(1, 1, "");
        Candidate c = Candidate.ec2(Part.INFERENCE, it, fleet.peak());
        Facts f = facts(c, req, est, fleet.peak());
        List<Violation> vs = ctx.engine().check(f);
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.EC2.id(), it.name(), vs, capability(it));
            return;
        }
        // the same for every region and pricing model: made once per type
        String fleetNote = "fleet: " + fleet.explanation();
        String instanceNote = describe(req, est, it);
        for (String region : ctx.regions()) {
            for (PricingModel pm : ctx.options().pricing()) {
                Optional<Price> price = ctx.catalog().price(region, it.name(), pm);
                if (price.isEmpty()) {
                    continue;
                }
                col.considered(1);
                List<Violation> ov = ctx.engine().checkOffer(f, region, pm);
                if (!ov.isEmpty()) {
                    col.eliminateAll(Service.EC2.id(), it.name(), ov, capability(it));
                    continue;
                }
                List<String> notes = new ArrayList<>();
                notes.add(fleetNote);
                notes.add(instanceNote);
                InstanceCost.Priced priced;
                if (pm.isCommitment()) {
                    priced = InstanceCost.monthly(price.get(), fleet.peak(), hoursPerMonth);
                    notes.add("commitment covers the peak fleet of " + fleet.peak() + " for every hour");
                } else {
                    priced = InstanceCost.monthly(price.get(), 1, fleet.mean() * hoursPerMonth);
                }
                if (pm == PricingModel.SPOT) {
                    SpotInfo info = ctx.catalog().spot(region, it.name()).orElse(null);
                    notes.add("spot: interruption bucket " + (info == null || info.interruptionBucket() == null ? "unknown" : info.interruptionBucket())
                            + "; keep on-demand capacity to absorb reclaimed instances (2-minute notice)");
                }
                notes.addAll(priced.notes());
                ctx.catalog().source(price.get().source()).filter(s -> s.estimated())
                        .ifPresent(s -> notes.add(pm.id() + " rate is estimated: " + s.note()));
                col.add(new Option(0, "inference/ec2/" + it.name() + "/" + pm.id() + "/" + region, Service.EC2.id(), it.name(), fleet.peak(), region,
                        pm.id(), null, round(est.requestsPerSecond()), round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null,
                        null, priced.monthlyUsd(), null, priced.components(), List.copyOf(notes)), null);
            }
        }
    }

    private static String describe(InferenceRequirements req, InferenceEstimate est, InstanceType it) {
        String where = it.hasAccelerator() ? it.accelerators().count() + " × " + it.accelerators().name() : it.vcpus() + " vCPUs";
        return "per instance (" + where + "): batch " + est.batch() + ", " + Fmt.sig(est.requestsPerSecond()) + " requests/s"
                + (req.llm() ? ", " + Fmt.sig(est.tokensPerSecond()) + " tokens/s" : "") + ", p99 " + Fmt.millis(est.latencyMsP99())
                + ", memory " + Fmt.sig(est.neededGiB()) + " of " + Fmt.sig(est.availableGiB()) + " GiB";
    }

    private void planLambda(Inference inf, InferenceRequirements req, PartCollector col) {
        double mbPerVcpu = ctx.catalog().limit("lambda.mb-per-vcpu").value();
        double maxVcpu = ctx.catalog().limit("lambda.vcpu.max").value();
        double hoursPerMonth = inf.hoursPerDay() * InstanceCost.HOURS_PER_MONTH / 24.0;
        double requestsPerMonth = inf.traffic().average().perSecond() * 3600 * hoursPerMonth;
        List<Violation> last = List.of();
        String cheapestRegion = null;
        for (String region : ctx.regions()) {
            Option best = null;
            for (double mb : LAMBDA_MEMORY_MB) {
                InferenceEstimate warm = estimator.onCpu(req, Math.min(maxVcpu, mb / mbPerVcpu), mb / 1024);
                InferenceEstimate est = withColdStart(inf, req, warm);
                Candidate c = new Candidate(Part.INFERENCE, Service.LAMBDA, null, "lambda-" + (int) mb + "mb", 1, mb);
                List<Violation> vs = ctx.engine().check(facts(c, req, est, 0));
                col.considered(1);
                if (!vs.isEmpty()) {
                    last = vs;
                    continue;
                }
                var priced = LambdaCost.monthly(ctx.prices(), region, requestsPerMonth, warm.latencyMsP99() / 1000.0 / 1.5, mb);
                List<String> notes = new ArrayList<>(priced.notes());
                if (est != warm) {
                    notes.add("p99 includes a cold start: sporadic traffic finds no warm function");
                }
                Option o = new Option(0, "inference/lambda/" + c.resource() + "/per-request/" + region, Service.LAMBDA.id(), c.resource(), 1, region,
                        PricingModel.PER_REQUEST.id(), null, round(est.requestsPerSecond()), round(est.latencyMsP99()),
                        req.llm() ? round(est.tokensPerSecond()) : null, null, priced.monthlyUsd(), null, priced.components(), List.copyOf(notes));
                if (best == null || o.monthlyUsd() < best.monthlyUsd()) {
                    best = o;
                }
            }
            if (best != null) {
                col.add(best, null);
                cheapestRegion = region;
            }
        }
        if (cheapestRegion == null) {
            col.eliminateAll(Service.LAMBDA.id(), null, last);
        }
    }

    /**
     * Sporadic traffic mostly meets cold functions: the p99 then includes a cold start, about 1 s of
     * runtime start plus 2.5 s per GB of model to load (LIMITS.md: 1 GB ≈ 2–3 s).
     */
    private static InferenceEstimate withColdStart(Inference inf, InferenceRequirements req, InferenceEstimate warm) {
        if (inf.traffic().pattern() != Workload.Pattern.SPORADIC) {
            return warm;
        }
        double coldMs = 1000 + 2500 * req.weightBytes() / 1e9;
        return new InferenceEstimate(warm.fits(), warm.neededGiB(), warm.availableGiB(), warm.batch(), warm.tokensPerSecond(),
                warm.requestsPerSecond(), warm.latencyMsP99() + coldMs, warm.steps());
    }

    private void planLocal(Inference inf, InferenceRequirements req, Workload.LocalMachine m, double hoursPerMonth, PartCollector col) {
        Accelerator acc = ctx.localAccelerator(m.accelerator());
        InferenceEstimate est = estimator.on(req, acc, m.count());
        FleetSizing fleet = est.fits() ? FleetSizing.of(inf, est.requestsPerSecond(), headroom) : new FleetSizing(1, 1, "");
        Candidate c = new Candidate(Part.INFERENCE, Service.LOCAL, null, m.accelerator(), m.count(), 0);
        List<Violation> vs = ctx.engine().check(facts(c, req, est, fleet.peak()));
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LOCAL.id(), m.accelerator(), vs);
            return;
        }
        var priced = LocalCost.monthly(m, hoursPerMonth);
        col.add(new Option(0, "inference/local/" + m.accelerator(), Service.LOCAL.id(), m.accelerator(), m.count(), "local", PricingModel.LOCAL.id(),
                null, round(est.requestsPerSecond()), round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null, null,
                priced.monthlyUsd(), m.hardwareCost().value(), priced.components(), List.of("owned machine serving " + Fmt.hours(hoursPerMonth) + " a month")), null);
    }

    private Facts facts(Candidate c, InferenceRequirements req, InferenceEstimate est, int instancesNeeded) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.empty(), Optional.empty(), Optional.of(req), Optional.of(est),
                Optional.empty(), instancesNeeded, 0);
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Orders eliminated types by what they offer: accelerator memory, then vCPUs. */
    private double capability(InstanceType it) {
        return (it.hasAccelerator() ? it.accelerators().memoryGiB() * 1e4 : 0) + it.vcpus();
    }
}
