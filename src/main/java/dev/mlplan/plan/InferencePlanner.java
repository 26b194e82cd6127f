package dev.mlplan.plan;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.Source;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.CostCategory;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.LambdaCost;
import dev.mlplan.cost.LocalCost;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceEstimator;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Inference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

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
        this.estimator = new InferenceEstimator(assumptions, ctx.catalog());
        this.headroom = assumptions.servingHeadroom().isPresent() ? assumptions.servingHeadroom().get().fraction() : FleetSizing.DEFAULT_HEADROOM;
    }

    record Result(PlanResult.PartPlan part, List<PartCollector.Draft> ranked) {}

    /**
     * The estimate of one request shape on an instance type, or empty when the type is no candidate for
     * serving or offline inference: a family the workload leaves out, a previous generation, an
     * accelerator the catalog does not know, a CPU type outside {@link #CPU_FAMILIES}, or a metal size.
     * The inference and batch planners share it.
     */
    static Optional<InferenceEstimate> servingEstimate(PlanContext ctx, InferenceEstimator estimator, InferenceRequirements req, InstanceType it) {
        if (!ctx.workload().constraints().allowsFamily(it.family()) || !it.currentGeneration()) {
            return Optional.empty();
        }
        if (it.hasAccelerator()) {
            return ctx.catalog().accelerator(it.accelerators().name()).map(acc -> estimator.on(req, acc, it.accelerators().count()));
        }
        if (CPU_FAMILIES.contains(it.family()) && !it.name().contains("metal")) {
            return Optional.of(estimator.onCpu(req, it.vcpus(), it.memoryGiB()));
        }
        return Optional.empty();
    }

    Result plan(Inference inf) {
        InferenceRequirements req = estimator.requirements(inf);
        PartCollector col = ctx.computeCollector();
        Workload w = ctx.workload();
        double hoursPerMonth = inf.hoursPerDay() * HOURS_PER_MONTH / 24.0;
        col.surround(Surround.inference(ctx, inf, hoursPerMonth, req.weightBytes())); // issue 20: front door, S3 access
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            servingEstimate(ctx, estimator, req, it).ifPresent(est -> planInstanceType(inf, req, it, est, hoursPerMonth, col));
        }
        planLambda(inf, req, col);
        planSageMakerServerless(inf, req, col);
        planFargate(inf, req, hoursPerMonth, col);
        if (w.local().isPresent()) {
            planLocal(inf, req, w.local().get(), hoursPerMonth, col);
        }
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
        if (req.ttftTargetMs() > 0) {
            requirements.put("ttftTargetMsP99", req.ttftTargetMs());
        }
        if (req.tpotTargetMs() > 0) {
            requirements.put("tpotTargetMsP99", req.tpotTargetMs());
        }
        requirements.put("availability", inf.availability().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        requirements.put("hoursPerMonth", TrainingPlanner.round1(hoursPerMonth));
        var lambdaBreakEven = lambdaBreakEven(inf, ranked, hoursPerMonth);
        if (lambdaBreakEven.isPresent()) {
            requirements.put("lambdaBreakEvenRequestsPerDay", lambdaBreakEven.get().requestsPerDay());
            requirements.put("lambdaBreakEvenVersus", lambdaBreakEven.get().versus());
        }
        ctx.pricingPolicy().describe(servicePricing()).ifPresent(p -> requirements.put("pricing", p));
        var part = new PlanResult.PartPlan(Part.INFERENCE.id(), requirements,
                col.top(ranked, ctx.options().top()), col.eliminations(), req.steps(),
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
            col.eliminateAll(Service.EC2, it.name(), vs, capability(it));
            return;
        }
        // the same for every region and pricing model: made once per type, and only if one of its options is shown
        Lazy<List<String>> notesFirst = Lazy.of(() -> List.of("fleet: " + fleet.explanation(), describe(req, est, it), ORCHESTRATION_NOTE));
        col.offers(Service.EC2, it.name(), fleet.peak(), capability(it), ctx.regions(), servicePricing(), new PartCollector.Offers<>(
                (region, pm) -> ctx.price(region, it.name(), pm),
                (region, pm, p) -> ctx.engine().checkOffer(f, region, pm),
                (region, pm, p) -> {
                    Optional<Price> onDemand = pm == PricingModel.SPOT ? ctx.price(region, it.name(), PricingModel.ON_DEMAND) : Optional.empty();
                    if (pm == PricingModel.SPOT && onDemand.isEmpty()) {
                        return Optional.empty();
                    }
                    double monthly = pm.isCommitment() ? InstanceCost.monthlyUsd(p, fleet.peak(), hoursPerMonth)
                            : pm == PricingModel.SPOT ? InstanceCost.monthlyUsd(onDemand.get(), base(fleet), hoursPerMonth)
                                    + InstanceCost.monthlyUsd(p, 1, Math.max(0, fleet.mean() - base(fleet)) * hoursPerMonth)
                            : InstanceCost.monthlyUsd(p, 1, fleet.mean() * hoursPerMonth);
                    String id = "inference/ec2/" + it.name() + "/" + pm.id() + "/" + region;
                    return Optional.of(new PartCollector.Offer(id, monthly, null, round(est.latencyMsP99()), () -> {
                        List<String> notes = new ArrayList<>(notesFirst.get());
                        InstanceCost.Priced priced;
                        if (pm.isCommitment()) {
                            priced = InstanceCost.monthly(p, fleet.peak(), hoursPerMonth);
                            notes.add("commitment covers the peak fleet of " + fleet.peak() + " for every hour");
                        } else if (pm == PricingModel.SPOT) {
                            priced = spotMix(fleet, p, onDemand.get(), hoursPerMonth);
                            SpotInfo info = ctx.catalog().spot(region, it.name()).orElse(null);
                            notes.add(0, "spot mix: " + base(fleet) + " on-demand always, the rest (" + Fmt.sig(fleet.mean() - base(fleet))
                                    + " on average) on spot, interruption bucket " + (info == null || info.interruptionBucket() == null ? "unknown"
                                            : info.interruptionBucket()) + " (2-minute notice)");
                        } else {
                            priced = InstanceCost.monthly(p, 1, fleet.mean() * hoursPerMonth);
                        }
                        notes.addAll(priced.notes());
                        ctx.commitmentBreakEven(p).ifPresent(notes::add);
                        ctx.estimatedRateNote(p).ifPresent(notes::add);
                        notes.addAll(ctx.spotRealism(p));
                        return new Option(0, id, Service.EC2, it.name(), fleet.peak(), region, pm, null, round(est.requestsPerSecond()),
                                round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null, null, priced.monthlyUsd(),
                                upfront(InstanceCost.upfrontUsd(p, fleet.peak(), hoursPerMonth)),
                                priced.components(), List.copyOf(notes), List.of(), OptionSteps.after(req.steps(), est.steps()))
                                .withTokenTimes(ttft(req, est), tpot(req, est));
                    }, null));
                }));
        planSageMakerEndpoint(req, it, est, fleet, hoursPerMonth, col);
    }

    /**
     * The same fleet as a SageMaker real-time endpoint: ml.* instances at the catalog's
     * {@code sagemaker.hosting.ml.TYPE.hour} (estimated from EC2 unless refreshed), autoscaled like EC2.
     */
    private void planSageMakerEndpoint(InferenceRequirements req, InstanceType it, InferenceEstimate est, FleetSizing fleet, double hoursPerMonth,
            PartCollector col) {
        String priceId = "sagemaker.hosting.ml." + it.name() + ".hour";
        String resource = "ml." + it.name();
        double hours = fleet.mean() * hoursPerMonth;
        // no rule looks at an endpoint's offers: every priced region is feasible
        col.offers(Service.SAGEMAKER_ENDPOINT, resource, fleet.peak(), capability(it), ctx.regions(), List.of(PricingModel.ON_DEMAND),
                new PartCollector.Offers<>((region, pm) -> ctx.catalog().servicePrice(priceId, region), (region, pm, hourly) -> List.of(),
                        (region, pm, hourly) -> {
                            String id = "inference/sagemaker-endpoint/" + resource + "/on-demand/" + region;
                            return Optional.of(new PartCollector.Offer(id, hours * hourly.usd(), null, round(est.latencyMsP99()), () -> {
                                var component = CostComponent.of(CostCategory.COMPUTE, "Endpoint instance hours [" + resource + ", SageMaker]", "hours", hours, hourly.usd(),
                                        hourly.source());
                                List<String> notes = new ArrayList<>();
                                notes.add("fleet: " + fleet.explanation());
                                notes.add("managed endpoint: SageMaker runs, patches and autoscales the instances");
                                ctx.estimatedSageMakerNote(hourly).ifPresent(notes::add);
                                return new Option(0, id, Service.SAGEMAKER_ENDPOINT, resource, fleet.peak(), region, PricingModel.ON_DEMAND, null,
                                        round(est.requestsPerSecond()), round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null, null,
                                        component.monthlyUsd(), null, List.of(component), List.copyOf(notes), List.of(),
                                        OptionSteps.after(req.steps(), est.steps())).withTokenTimes(ttft(req, est), tpot(req, est));
                            }, null));
                        }));
    }

    /**
     * A serving fleet on spot keeps its minimum (1, or 2 for multi-AZ) on on-demand so that a reclaimed
     * spot instance never takes the service down; only the instances above it run on spot.
     */
    static int base(FleetSizing fleet) {
        return (int) Math.min(Math.floor(fleet.mean()), Math.max(1, fleet.peak() > 1 ? Math.min(2, fleet.peak()) : 1));
    }

    private static InstanceCost.Priced spotMix(FleetSizing fleet, Price spot, Price onDemand, double hoursPerMonth) {
        int base = base(fleet);
        var od = InstanceCost.monthly(onDemand, base, hoursPerMonth);
        var sp = InstanceCost.monthly(spot, 1, Math.max(0, fleet.mean() - base) * hoursPerMonth);
        List<dev.mlplan.cost.CostComponent> all = new ArrayList<>(od.components());
        all.addAll(sp.components());
        return new InstanceCost.Priced(List.copyOf(all), od.monthlyUsd() + sp.monthlyUsd(), spot.usdPerHour(), List.of());
    }

    private static String describe(InferenceRequirements req, InferenceEstimate est, InstanceType it) {
        String where = it.hasAccelerator() ? it.accelerators().count() + " × " + it.accelerators().name() : it.vcpus() + " vCPUs";
        String layout = req.llm() && it.hasAccelerator()
                ? est.replicas() + (est.replicas() == 1 ? " replica" : " replicas") + " × TP " + est.tensorParallel() + ", batch " + est.batch()
                        + (est.replicas() > 1 ? " each" : "")
                : "batch " + est.batch();
        return "per instance (" + where + "): " + layout + ", " + Fmt.sig(est.requestsPerSecond()) + " requests/s"
                + (req.llm() ? ", " + Fmt.sig(est.tokensPerSecond()) + " tokens/s" : "") + ", p99 " + Fmt.millis(est.latencyMsP99())
                + (req.llm() ? " (first token " + Fmt.millis(est.ttftMsP99()) + ", " + Fmt.millis(est.tpotMsP99()) + " per output token)" : "")
                + ", memory " + Fmt.sig(est.neededGiB()) + " of " + Fmt.sig(est.availableGiB()) + " GiB";
    }

    /** An option's upfront cash: null when there is none (pay-as-you-go), so that the JSON leaves it out. */
    static Double upfront(double usd) {
        return usd > 0 ? usd : null;
    }

    /** The pricing models a service is compared under: capacity blocks (whole days booked ahead) are for training runs. */
    private List<PricingModel> servicePricing() {
        return ctx.options().pricing().stream().filter(pm -> pm != PricingModel.CAPACITY_BLOCK).toList();
    }

    /** An LLM's p99 time to first token for the option, null for other models. */
    private static Double ttft(InferenceRequirements req, InferenceEstimate est) {
        return req.llm() && est.ttftMsP99() > 0 ? round(est.ttftMsP99()) : null;
    }

    /** An LLM's p99 time per output token for the option, null for other models. */
    private static Double tpot(InferenceRequirements req, InferenceEstimate est) {
        return req.llm() && est.tpotMsP99() > 0 ? round(est.tpotMsP99()) : null;
    }

    private void planLambda(Inference inf, InferenceRequirements req, PartCollector col) {
        double mbPerVcpu = ctx.catalog().limit("lambda.mb-per-vcpu").value();
        double maxVcpu = ctx.catalog().limit("lambda.vcpu.max").value();
        double hoursPerMonth = inf.hoursPerDay() * HOURS_PER_MONTH / 24.0;
        double requestsPerMonth = inf.traffic().average().perSecond() * 3600 * hoursPerMonth;
        // the estimate of a memory size is the same in every region: made once
        List<Sized> sizes = new ArrayList<>();
        for (double mb : LAMBDA_MEMORY_MB) {
            // a function invocation serves one request: no batching, each request billed its own duration
            InferenceEstimate warm = estimator.onCpuAt(req, Math.min(maxVcpu, mb / mbPerVcpu), mb / 1024, 1);
            InferenceEstimate est = withColdStart(inf, req, warm);
            Candidate c = new Candidate(Part.INFERENCE, Service.LAMBDA, null, "lambda-" + (int) mb + "mb", 1, mb);
            sizes.add(new Sized(mb, warm, est, c, ctx.engine().check(facts(c, req, est, 0))));
        }
        cheapestSizePerRegion(Service.LAMBDA, PricingModel.PER_REQUEST, sizes, Sized::violations, region -> true, (region, z) -> {
            var priced = LambdaCost.monthly(ctx.prices(), region, requestsPerMonth, z.warm().meanLatencyMs() / 1000.0, z.mb());
            InferenceEstimate est = z.est();
            String id = "inference/lambda/" + z.candidate().resource() + "/per-request/" + region;
            return new SizeOffer(z.candidate().resource(), 1, new PartCollector.Offer(id, priced.monthlyUsd(), null, round(est.latencyMsP99()), () -> {
                List<String> notes = new ArrayList<>(priced.notes());
                if (z.est() != z.warm()) {
                    notes.add("p99 includes a cold start: sporadic traffic finds no warm function");
                }
                return new Option(0, id, Service.LAMBDA, z.candidate().resource(), 1, region, PricingModel.PER_REQUEST, null,
                        round(est.requestsPerSecond()), round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null, null,
                        priced.monthlyUsd(), null, priced.components(), List.copyOf(notes), List.of(), OptionSteps.after(req.steps(), est.steps()));
            }, null));
        }, col);
    }

    /** A size's offer in a region: the resource it is offered as, how many, and its figures with how to build its option. */
    private record SizeOffer(String resource, int count, PartCollector.Offer offer) {}

    /**
     * A serverless or container service at its cheapest feasible size in each region where it is
     * priced; when no size works, the violations of the last size are reported once. Only the sizes'
     * figures are compared: the option of the cheapest is built if it is shown.
     */
    private <Z> void cheapestSizePerRegion(Service service, PricingModel pricing, List<Z> sizes, Function<Z, List<Violation>> violations,
            Predicate<String> priced, BiFunction<String, Z, SizeOffer> offer, PartCollector col) {
        List<Violation> last = List.of();
        boolean any = false;
        for (String region : ctx.regions()) {
            if (!priced.test(region)) {
                continue;
            }
            SizeOffer best = null;
            for (Z z : sizes) {
                col.considered(1);
                if (!violations.apply(z).isEmpty()) {
                    last = violations.apply(z);
                    continue;
                }
                SizeOffer o = offer.apply(region, z);
                if (best == null || o.offer().monthlyUsd() < best.offer().monthlyUsd()) {
                    best = o;
                }
            }
            if (best != null) {
                col.offer(new PartCollector.Group(service, best.resource(), best.count(), pricing), region, best.offer());
                any = true;
            }
        }
        if (!any) {
            col.eliminateAll(service, null, last);
        }
    }

    /** Requests per day at which Lambda costs as much as the cheapest always-on option. */
    record LambdaBreakEven(double requestsPerDay, String versus) {}

    /**
     * The request rate at which Lambda's per-request cost adds up to the monthly cost of the cheapest
     * always-on option (an instance, task or endpoint fleet at on-demand prices): below it Lambda is
     * cheaper. Lambda's cost per request is taken at this workload's request shape.
     */
    static Optional<LambdaBreakEven> lambdaBreakEven(Inference inf, List<PartCollector.Draft> ranked, double hoursPerMonth) {
        double requestsPerMonth = inf.traffic().average().perSecond() * 3600 * hoursPerMonth;
        Option lambda = null;
        Option alwaysOn = null;
        // against the cheapest Lambda and always-on options whatever the plan is ranked by (--objective)
        for (PartCollector.Draft d : Objective.COST.rank(ranked, PartCollector.Draft::option)) {
            Option o = d.option();
            if (lambda == null && o.service() == Service.LAMBDA) {
                lambda = o;
            }
            if (alwaysOn == null && o.pricing() == PricingModel.ON_DEMAND && o.service() != Service.LAMBDA) {
                alwaysOn = o;
            }
            if (lambda != null && alwaysOn != null) {
                break;
            }
        }
        if (lambda == null || alwaysOn == null || requestsPerMonth <= 0 || lambda.monthlyUsd() <= 0) {
            return Optional.empty();
        }
        double perRequest = lambda.monthlyUsd() / requestsPerMonth;
        double perDay = alwaysOn.monthlyUsd() / perRequest / (HOURS_PER_MONTH / 24.0);
        return Optional.of(new LambdaBreakEven(Math.round(perDay), alwaysOn.count() + " × " + alwaysOn.instanceType() + " " + alwaysOn.service().id()
                + " on-demand (" + alwaysOn.region() + ")"));
    }

    /**
     * Containers on EC2: ECS adds no charge for its control plane; EKS charges USD 0.10 per cluster
     * per hour in standard support (AWS EKS pricing page), shared by every service in the cluster.
     */
    static final String ORCHESTRATION_NOTE = "on ECS the fleet costs the same; on EKS the cluster's control plane, $0.10/h ($73/month) shared by its services,"
            + " is a workload line (orchestration: eks)";

    /** One configuration of a serverless service, estimated and checked once for all regions. */
    private record Sized(double mb, InferenceEstimate warm, InferenceEstimate est, Candidate candidate, List<Violation> violations) {}

    /** SageMaker Serverless Inference memory sizes, MB (1 GB steps, API_ProductionVariantServerlessConfig). */
    static final double[] SERVERLESS_MEMORY_MB = {1024, 2048, 3072, 4096, 5120, 6144};

    /**
     * SageMaker Serverless Inference at the cheapest memory size that works. SageMaker does not publish
     * the CPU share of a memory size; mlplan assumes Lambda's (1 vCPU per 1,769 MB, at most 6).
     */
    private void planSageMakerServerless(Inference inf, InferenceRequirements req, PartCollector col) {
        double mbPerVcpu = ctx.catalog().limit("lambda.mb-per-vcpu").value();
        double hoursPerMonth = inf.hoursPerDay() * HOURS_PER_MONTH / 24.0;
        double requestsPerMonth = inf.traffic().average().perSecond() * 3600 * hoursPerMonth;
        List<Sized> serverlessSizes = new ArrayList<>();
        for (double mb : SERVERLESS_MEMORY_MB) {
            // one request per invocation, as for Lambda
            InferenceEstimate warm = estimator.onCpuAt(req, Math.min(6, mb / mbPerVcpu), mb / 1024, 1);
            InferenceEstimate est = withColdStart(inf, req, warm);
            Candidate c = new Candidate(Part.INFERENCE, Service.SAGEMAKER_SERVERLESS, null, "serverless-" + (int) mb + "mb", 1, mb);
            serverlessSizes.add(new Sized(mb, warm, est, c, ctx.engine().check(facts(c, req, est, 0))));
        }
        String priceId = "sagemaker-serverless.gb-second";
        cheapestSizePerRegion(Service.SAGEMAKER_SERVERLESS, PricingModel.PER_REQUEST, serverlessSizes, Sized::violations,
                region -> ctx.prices().find(priceId, region).isPresent(), (region, z) -> {
                    var gbs = ctx.prices().find(priceId, region).orElseThrow();
                    double mb = z.mb();
                    double seconds = z.warm().meanLatencyMs() / 1000.0;
                    var component = CostComponent.of(CostCategory.COMPUTE, "Serverless compute [" + Fmt.count(mb) + " MB]", "GB-seconds",
                            requestsPerMonth * seconds * mb / 1024, gbs.usd(), gbs.source());
                    InferenceEstimate est = z.est();
                    String id = "inference/sagemaker-serverless/" + z.candidate().resource() + "/per-request/" + region;
                    return new SizeOffer(z.candidate().resource(), 1, new PartCollector.Offer(id, component.monthlyUsd(), null, round(est.latencyMsP99()), () -> {
                    List<String> notes = new ArrayList<>();
                    notes.add("per request " + Fmt.usd(component.monthlyUsd() / Math.max(1e-9, requestsPerMonth) * 1000) + " per 1,000 ("
                            + Fmt.sig(seconds * 1000) + " ms at " + Fmt.count(mb) + " MB; CPU share assumed as Lambda's)");
                    if (gbs.fallback()) {
                        notes.add("Serverless Inference price for " + region + " not in the catalog; us-east-1 price used");
                    }
                    ctx.catalog().source(gbs.source()).filter(Source::estimated).ifPresent(source -> notes.add("price is estimated: " + source.note()));
                    return new Option(0, id, Service.SAGEMAKER_SERVERLESS, z.candidate().resource(), 1, region, PricingModel.PER_REQUEST, null,
                            round(est.requestsPerSecond()), round(est.latencyMsP99()), null, null, component.monthlyUsd(), null, List.of(component),
                            List.copyOf(notes), List.of(), OptionSteps.after(req.steps(), est.steps()));
                    }, null));
                }, col);
    }

    private record FargateSize(double[] size, InferenceEstimate est, FleetSizing fleet, String resource, List<Violation> violations) {}

    private static final String FARGATE_VCPU = "fargate.x86.vcpu-hour";
    private static final String FARGATE_GB = "fargate.x86.gb-hour";

    /** Fargate task sizes tried: vCPU and GB (ECS task-size table, Linux). */
    static final double[][] FARGATE_SIZES = {{1, 2}, {2, 4}, {4, 8}, {4, 16}, {8, 16}, {8, 32}, {16, 32}, {16, 64}, {16, 120}};

    /** Fargate (x86, on-demand) at the cheapest task size that works, sized as a fleet like EC2. */
    private void planFargate(Inference inf, InferenceRequirements req, double hoursPerMonth, PartCollector col) {
        // a task size's estimate and fleet are the same in every region: made once
        List<FargateSize> sizes = new ArrayList<>();
        for (double[] size : FARGATE_SIZES) {
            InferenceEstimate est = estimator.onCpu(req, size[0], size[1] * 1e9 / dev.mlplan.workload.DataSize.GIB);
            FleetSizing fleet = est.fits() ? FleetSizing.of(inf, est.requestsPerSecond(), headroom) : new FleetSizing(1, 1, "");
            String resource = "fargate-" + Fmt.count(size[0]) + "vcpu-" + Fmt.count(size[1]) + "gb";
            Candidate c = new Candidate(Part.INFERENCE, Service.FARGATE, null, resource, fleet.peak(), size[1] * 1000);
            sizes.add(new FargateSize(size, est, fleet, resource, ctx.engine().check(facts(c, req, est, fleet.peak()))));
        }
        cheapestSizePerRegion(Service.FARGATE, PricingModel.ON_DEMAND, sizes, FargateSize::violations,
                region -> ctx.prices().find(FARGATE_VCPU, region).isPresent() && ctx.prices().find(FARGATE_GB, region).isPresent(), (region, z) -> {
                    var vcpuPrice = ctx.prices().find(FARGATE_VCPU, region).orElseThrow();
                    var gbPrice = ctx.prices().find(FARGATE_GB, region).orElseThrow();
                    double[] size = z.size();
                    FleetSizing fleet = z.fleet();
                    String resource = z.resource();
                    double taskHours = fleet.mean() * hoursPerMonth;
                    var cpu = CostComponent.of(CostCategory.COMPUTE, "Task vCPU hours [" + resource + "]", "vCPU-hours", taskHours * size[0], vcpuPrice.usd(), vcpuPrice.source());
                    var mem = CostComponent.of(CostCategory.COMPUTE, "Task memory hours [" + resource + "]", "GB-hours", taskHours * size[1], gbPrice.usd(), gbPrice.source());
                    String id = "inference/fargate/" + resource + "/on-demand/" + region;
                    return new SizeOffer(resource, fleet.peak(), new PartCollector.Offer(id, cpu.monthlyUsd() + mem.monthlyUsd(), null,
                            round(z.est().latencyMsP99()), () -> {
                                List<String> notes = List.of("fleet: " + fleet.explanation(), describeCpu(req, z.est(), (int) size[0]));
                                return new Option(0, id, Service.FARGATE, resource, fleet.peak(), region, PricingModel.ON_DEMAND, null,
                                        round(z.est().requestsPerSecond()), round(z.est().latencyMsP99()), null, null, cpu.monthlyUsd() + mem.monthlyUsd(),
                                        null, List.of(cpu, mem), notes, List.of(), OptionSteps.after(req.steps(), z.est().steps()));
                            }, null));
                }, col);
    }

    private static String describeCpu(InferenceRequirements req, InferenceEstimate est, int vcpus) {
        return "per task (" + vcpus + " vCPUs): batch " + est.batch() + ", " + Fmt.sig(est.requestsPerSecond()) + " requests/s, p99 "
                + Fmt.millis(est.latencyMsP99()) + ", memory " + Fmt.sig(est.neededGiB()) + " of " + Fmt.sig(est.availableGiB()) + " GiB";
    }

    /**
     * Sporadic traffic mostly meets cold functions: the p99 then includes a cold start, about 1 s of
     * runtime start plus 2.5 s per GB of model to load (docs/limits.md, Lambda: 1 GB ≈ 2–3 s).
     */
    private static InferenceEstimate withColdStart(Inference inf, InferenceRequirements req, InferenceEstimate warm) {
        if (inf.traffic().pattern() != Workload.Pattern.SPORADIC) {
            return warm;
        }
        double coldMs = 1000 + 2500 * req.weightBytes() / 1e9;
        return warm.plusLatency(coldMs);
    }

    private void planLocal(Inference inf, InferenceRequirements req, Workload.LocalMachine m, double hoursPerMonth, PartCollector col) {
        Accelerator acc = ctx.localAccelerator(m.accelerator());
        InferenceEstimate est = estimator.on(req, acc, m.count());
        FleetSizing fleet = est.fits() ? FleetSizing.of(inf, est.requestsPerSecond(), headroom) : new FleetSizing(1, 1, "");
        Candidate c = new Candidate(Part.INFERENCE, Service.LOCAL, null, m.accelerator(), m.count(), 0);
        List<Violation> vs = ctx.engine().check(facts(c, req, est, fleet.peak()));
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LOCAL, m.accelerator(), vs);
            return;
        }
        var priced = LocalCost.monthly(m, hoursPerMonth);
        col.add(new Option(0, "inference/local/" + m.accelerator(), Service.LOCAL, m.accelerator(), m.count(), "local", PricingModel.LOCAL,
                null, round(est.requestsPerSecond()), round(est.latencyMsP99()), req.llm() ? round(est.tokensPerSecond()) : null, null,
                priced.monthlyUsd(), m.hardwareCost().value(), priced.components(), List.of("owned machine serving " + Fmt.hours(hoursPerMonth) + " a month"), List.of(), OptionSteps.after(req.steps(), est.steps()))
                .withTokenTimes(ttft(req, est), tpot(req, est)), null);
    }

    private Facts facts(Candidate c, InferenceRequirements req, InferenceEstimate est, int instancesNeeded) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.empty(), Optional.empty(), Optional.of(req), Optional.of(est),
                Optional.empty(), instancesNeeded, 0, Optional.empty());
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Orders eliminated types by what they offer: accelerator compute, then memory, then vCPUs. */
    private double capability(InstanceType it) {
        return PlanContext.capability(ctx.catalog(), it);
    }
}
