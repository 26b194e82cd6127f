package dev.mlplan.plan;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.constraint.rules.PriceAvailabilityRule;
import dev.mlplan.cost.CostCategory;
import dev.mlplan.cost.CheckpointCost;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.CapacityBlock;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.LambdaCost;
import dev.mlplan.cost.LocalCost;
import dev.mlplan.cost.SpotRework;
import dev.mlplan.estimate.Step;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingEstimator;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.util.Lazy;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Plans the training part: every accelerated instance type at the smallest node count (up to
 * {@code constraints.max_nodes}) whose memory and deadline work, in every region and pricing model;
 * Lambda; and the local machine when the workload has one.
 */
final class TrainingPlanner {
    /**
     * Billed time per run that is not training: launching the instances, pulling the container and
     * loading the model and data, about 10 minutes (mlplan's assumption; charged on every run in the
     * cloud, not on an owned machine that stays on).
     */
    static final double SETUP_HOURS_PER_RUN = 10.0 / 60;

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
        if (t.tabular().isPresent()) {
            return new TabularTrainingPlanner(ctx, this).plan(t);
        }
        Workload w = ctx.workload();
        TrainingRequirements req = estimator.requirements(t);
        PartCollector col = ctx.computeCollector().surround(Surround.training(ctx, t)); // issue 20: S3 access path
        int filtered = 0;
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            if (!it.hasAccelerator() || !it.currentGeneration()) {
                continue;
            }
            Optional<Accelerator> acc = ctx.catalog().accelerator(it.accelerators().name());
            if (acc.isEmpty() || "inferentia".equals(acc.get().kind()) || acc.get().fractional()) {
                continue;
            }
            if (!w.constraints().allowsFamily(it.family())) {
                filtered++;
                continue;
            }
            planInstanceType(t, req, it, acc.get(), col);
        }
        planLambda(req, col);
        Optional<TrainingEstimate> local = w.local().isPresent() ? Optional.of(planLocal(t, req, w.local().get(), col)) : Optional.empty();
        List<PartCollector.Draft> ranked = col.ranked();
        List<Option> options = col.top(ranked, ctx.options().top());
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("model", req.model().name());
        requirements.put("parameters", req.model().parameters());
        requirements.put("method", t.method().name().toLowerCase(java.util.Locale.ROOT));
        requirements.put("acceleratorMemoryGiB", round1((req.shardableBytes() + req.replicatedBytesPerAccelerator()) / dev.mlplan.workload.DataSize.GIB));
        requirements.put("totalFlops", req.totalFlops());
        requirements.put("epochs", req.epochs());
        requirements.put("runsPerMonth", t.runsPerMonth());
        if (t.deadline().isPresent()) {
            requirements.put("deadlineHours", t.deadline().get().hours());
        }
        if (t.isSweep()) {
            requirements.put("trials", t.trials());
            requirements.put("concurrency", t.concurrency());
            requirements.put("waves", t.waves());
        }
        if (filtered > 0) {
            requirements.put("instanceTypesExcludedByFamilies", filtered);
        }
        ctx.pricingPolicy().describe(ctx.options().pricing()).ifPresent(p -> requirements.put("pricing", p));
        var part = new PlanResult.PartPlan(Part.TRAINING.id(), requirements, options, col.eliminations(), req.steps(), col.considered(), col.feasible());
        return new Result(part, ranked, local);
    }

    private void planInstanceType(Training t, TrainingRequirements req, InstanceType it, Accelerator acc, PartCollector col) {
        int perNode = it.accelerators().count();
        boolean efa = it.efaInterfaces() > 0;
        planNodes(t, req, it, col, ctx.workload().constraints().maxNodes(), n -> estimator.on(req, acc, perNode, n, efa),
                n -> n + " nodes × " + perNode + " " + acc.name() + " (" + (efa ? "EFA" : "no EFA") + ")",
                est -> "MFU " + Fmt.pct(est.mfu()) + ", " + Fmt.sig(est.neededGiBPerAccelerator()) + " of "
                        + Fmt.sig(est.availableGiBPerAccelerator()) + " GiB per " + acc.name() + "; h/run includes " + Fmt.hours(SETUP_HOURS_PER_RUN)
                        + " of setup");
    }

    /**
     * An instance type at the smallest node count, up to {@code maxNodes}, that the rules accept, then
     * its offers in every region and pricing model; the estimate at n nodes comes from {@code estimateAt}
     * (accelerated neural training, or a tree or linear model: {@link TabularTrainingPlanner}).
     *
     * @param nodesLabel how n nodes are described in the option's notes
     * @param utilisation the option's note on how busy and how full the chosen shape is
     */
    void planNodes(Training t, TrainingRequirements req, InstanceType it, PartCollector col, int maxNodes,
            java.util.function.IntFunction<TrainingEstimate> estimateAt, java.util.function.IntFunction<String> nodesLabel,
            java.util.function.Function<TrainingEstimate, String> utilisation) {
        Workload w = ctx.workload();
        Accelerator acc = it.accelerators() == null ? null : ctx.catalog().accelerator(it.accelerators().name()).orElse(null);
        List<Violation> last = List.of();
        Facts feasible = null;
        TrainingEstimate est = null;
        // a sweep runs concurrency trials at once: together they must fit max_nodes
        int nodesCap = Math.max(1, maxNodes / t.concurrency());
        boolean ioBound = false;
        boolean inputBound = false;
        for (int n = 1; n <= nodesCap; n++) {
            TrainingEstimate accelerators = estimateAt.apply(n);
            // per-sample models: the CPUs' decode rate may bind before the accelerators (a no-op for models costed per token and for trees)
            TrainingEstimate compute = estimator.withInputPipeline(req, accelerators, acc, it.vcpus(), n);
            inputBound = compute.hoursPerRun() > accelerators.hoursPerRun(); // the CPUs cannot decode samples as fast
            TrainingEstimate loaded = withDataLoading(req, compute, it, n, t.dataset().location());
            ioBound = loaded.hoursPerRun() > compute.hoursPerRun(); // the run takes the loading time
            est = withSetup(loaded);
            Facts f = facts(Candidate.ec2(Part.TRAINING, it, n), req, est, 0);
            last = ctx.engine().check(f);
            if (last.isEmpty()) {
                feasible = f;
                break;
            }
            Optional<Violation> priceMissing = priceMissing(last);
            if (priceMissing.isPresent()) {
                last = List.of(priceMissing.get());
                break;
            }
        }
        col.considered(1);
        if (feasible == null) {
            col.eliminateAll(Service.EC2, it.name(), last, capability(it));
            return;
        }
        int n = feasible.candidate().count();
        double checkpointHours = t.checkpointEvery().map(TimeSpan::hours).orElse(0.0);
        double restartHours = SpotRework.restartHours(w);
        // the same for every region and pricing model: made once per type
        List<String> nodesNotes = new ArrayList<>();
        if (n > 1) {
            nodesNotes.add(nodesLabel.apply(n) + ", scaling efficiency " + Fmt.pct(est.scalingEfficiency()));
        }
        if (inputBound && !ioBound) {
            nodesNotes.add("input-bound: " + (n > 1 ? n + " × " : "") + it.vcpus() + " vCPUs cannot decode and augment samples as fast as the"
                    + " accelerators compute; the run takes the pipeline's time"
                    + (acc != null && "gpu".equals(acc.kind()) ? " (training.data_pipeline: gpu decodes on the GPUs with DALI)" : ""));
        }
        if (ioBound) {
            boolean onEbs = "ebs".equals(t.dataset().location()) && it.ebs() != null && it.ebs().baselineMbps() > 0;
            nodesNotes.add("I/O-bound: " + (onEbs ? ReadPath.of("ebs", it, n).text() : n + " × " + Fmt.sig(it.networkGbps()) + " Gbps") + " cannot stream the dataset as fast as the accelerators compute;"
                    + " the run takes the loading time");
        }
        String largeSpotNote = n >= 8 ? "spot: " + n + " instances at once is a large spot request; capacity is not guaranteed" : null;
        String utilisationNote = utilisation.apply(est);
        TrainingEstimate chosen = est;
        Candidate candidate = feasible.candidate();
        // on spot, the run takes longer by the rework its interruptions cause
        BiFunction<String, PricingModel, SpotRun> run = (region, pm) -> {
            if (pm != PricingModel.SPOT) {
                return new SpotRun(chosen.hoursPerRun(), null, null);
            }
            SpotInfo info = ctx.catalog().spot(region, it.name()).orElse(null);
            SpotRework.Estimate rework = SpotRework.estimate(info, n, chosen.hoursPerRun(), checkpointHours, restartHours);
            return new SpotRun(rework.hoursWithRework(chosen.hoursPerRun()), info, rework);
        };
        col.offers(Service.EC2, it.name(), n, capability(it), ctx.regions(), ctx.options().pricing(), new PartCollector.Offers<>(
                (region, pm) -> ctx.price(region, it.name(), pm),
                (region, pm, p) -> ctx.engine().checkOffer(facts(candidate, req, chosen, run.apply(region, pm).hours()), region, pm),
                (region, pm, p) -> {
                    SpotRun spotRun = run.apply(region, pm);
                    double runHours = spotRun.hours();
                    String id = "training/ec2/" + it.name() + (n > 1 ? "x" + n : "") + "/" + pm.id() + "/" + region;
                    // a capacity block bills whole days (the rule has checked that one exists); a sweep books one block for its
                    // concurrent trials' instances over all its waves, which reuse them
                    Optional<CapacityBlock> block = pm == PricingModel.CAPACITY_BLOCK ? CapacityBlock.forRun(t.sweepHours(runHours)) : Optional.empty();
                    int billedInstances = block.isPresent() ? n * t.concurrency() : n;
                    double billedHoursPerMonth = block.isPresent() ? block.get().hours() * t.runsPerMonth() : runHours * t.trialsPerMonth();
                    // issue 20 item 4: checkpoints on S3 (empty without training.checkpoint_every)
                    var checkpoints = CheckpointCost.monthly(ctx.prices(), region, t, req, runHours);
                    double monthly = InstanceCost.monthlyUsd(p, billedInstances, billedHoursPerMonth) + checkpoints.monthlyUsd();
                    return Optional.of(new PartCollector.Offer(id, monthly, round2(runHours), () -> {
                        List<String> notes = new ArrayList<>();
                        // one trial's share: a block's price spread over the sweep's trials
                        double perRunUsd = block.isPresent() ? block.get().hours() * billedInstances * p.usdPerHour() / t.trials()
                                : runHours * n * p.usdPerHour();
                        sweepNote(t, runHours, perRunUsd, n).ifPresent(notes::add);
                        notes.addAll(nodesNotes);
                        if (pm == PricingModel.SPOT && largeSpotNote != null) {
                            notes.add(largeSpotNote);
                        }
                        notes.add(utilisationNote);
                        if (spotRun.rework() != null) {
                            notes.add("spot: " + spotRun.rework().explanation());
                            SpotInfo spot = spotRun.spot();
                            if (spot != null && spot.minUsdPerHour() != null && spot.minUsdPerHour() < p.usdPerHour()) {
                                notes.add("spot: best AZ " + Fmt.usd(spot.minUsdPerHour()) + "/h vs regional average " + Fmt.usd(p.usdPerHour()) + "/h");
                            }
                            oneInterruptionPastDeadline(t, n, runHours, checkpointHours, restartHours).ifPresent(notes::add);
                        }
                        notes.addAll(ctx.spotRealism(p));
                        var priced = InstanceCost.monthly(p, billedInstances, billedHoursPerMonth);
                        notes.addAll(priced.notes());
                        block.ifPresent(b -> notes.add(b.explanation(billedInstances, p.usdPerHour(), t.isSweep())));
                        ctx.commitmentBreakEven(p).ifPresent(notes::add);
                        ctx.estimatedRateNote(p).ifPresent(notes::add);
                        double perRun = perRunUsd;
                        Double upfront = block.isPresent() ? Double.valueOf(block.get().hours() * billedInstances * p.usdPerHour())
                                : InferencePlanner.upfront(InstanceCost.upfrontUsd(p, n, billedHoursPerMonth));
                        notes.addAll(checkpoints.notes());
                        return sweep(t, new Option(0, id, Service.EC2, it.name(), n, region, pm, round2(runHours), null, null, null, perRun,
                                priced.monthlyUsd() + checkpoints.monthlyUsd(), upfront, withLines(priced.components(), checkpoints), List.copyOf(notes), List.of(),
                                withSweepStep(t, OptionSteps.after(req.steps(), chosen.steps()), runHours, perRun, n)), runHours);
                    }, new Detail(runHours, n * p.usdPerHour())));
                }));
        planSageMaker(t, req, it, n, est, col);
    }

    /**
     * A multi-node spot run whose deadline margin cannot absorb one interruption
     * ({@link SpotRework.OneInterruption}): a warning on the option, unless {@code deadline_hard}
     * makes the {@code spot.deadline-margin} rule eliminate it.
     */
    static Optional<String> oneInterruptionPastDeadline(Workload.Training t, int nodes, double runHours, double checkpointHours,
            double restartHours) {
        if (nodes < 2 || t.deadline().isEmpty()) {
            return Optional.empty();
        }
        var one = SpotRework.OneInterruption.of(runHours, checkpointHours, restartHours);
        double deadline = t.deadline().get().hours() - (t.waves() - 1) * runHours; // a sweep's earlier waves use their share
        if (one.endHours() <= deadline) {
            return Optional.empty();
        }
        return Optional.of("spot: " + one.explanation() + ", past the " + Fmt.hours(deadline) + " deadline; on-demand, or checkpoints every "
                + Fmt.hours(Math.max(0, deadline - runHours - restartHours)) + ", keep it (training.deadline_hard: true rules such runs out)");
    }

    /**
     * For a sweep, "sweep: 24 trials, 6 at a time: 4 waves × 5.2 h = 20.8 h; 24 × $31.10 = $746 per sweep"
     * (one run's hours and cost as the option shows them); empty for a single run.
     */
    static Optional<String> sweepNote(Training t, double runHours, double usdPerRun, int nodes) {
        if (!t.isSweep()) {
            return Optional.empty();
        }
        return Optional.of("sweep: " + t.sweepText(runHours) + "; " + t.trials() + " × " + Fmt.usd(usdPerRun) + " = "
                + Fmt.usd(t.trials() * usdPerRun) + " per sweep, " + t.concurrency() * nodes + " instances at once");
    }

    /** The option's steps with the sweep's wall time and cost appended (unchanged for a single run). */
    private static List<Step> withSweepStep(Training t, List<Step> steps, double runHours, double usdPerRun, int nodes) {
        if (!t.isSweep()) {
            return steps;
        }
        List<Step> out = new ArrayList<>(steps);
        out.add(new Step("sweep wall time", Fmt.sig(t.sweepHours(runHours)) + " h",
                t.sweepText(runHours) + " (ceil(trials ÷ concurrency) waves; training.trials, training.concurrency); "
                        + t.concurrency() + " trials × " + nodes + " node" + (nodes > 1 ? "s" : "") + " = " + t.concurrency() * nodes
                        + " instances at once" + (t.deadline().isPresent() ? "; the deadline " + Fmt.hours(t.deadline().get().hours())
                                + " applies to the whole sweep" : "")));
        out.add(new Step("sweep cost", Fmt.usd(t.trials() * usdPerRun),
                t.trials() + " trials × " + Fmt.usd(usdPerRun) + " per run (each trial pays its own setup and spot rework)"));
        return List.copyOf(out);
    }

    /** The option with its sweep figures (wall time and cost of one sweep) when the job is a sweep. */
    private static Option sweep(Training t, Option o, double runHours) {
        if (!t.isSweep()) {
            return o;
        }
        return o.withSweep(round2(t.sweepHours(runHours)), round2(t.trials() * o.usdPerRun()));
    }

    /** A training run's billed hours in one region and, on spot, the interruption figures behind them. */
    private record SpotRun(double hours, SpotInfo spot, SpotRework.Estimate rework) {}

    /**
     * The same shape as a SageMaker training job: on-demand ml.* instances, billed for the job's
     * time; the price is the catalog's {@code sagemaker.training.ml.TYPE.hour} (estimated from EC2
     * unless refreshed).
     */
    private void planSageMaker(Training t, TrainingRequirements req, InstanceType it, int n, TrainingEstimate est, PartCollector col) {
        String priceId = "sagemaker.training.ml." + it.name() + ".hour";
        Candidate c = new Candidate(Part.TRAINING, Service.SAGEMAKER_TRAINING, it, "ml." + it.name(), n, 0);
        Facts f = facts(c, req, est, est.hoursPerRun());
        double hours = est.hoursPerRun();
        double instanceHours = hours * n * t.trialsPerMonth();
        col.offers(Service.SAGEMAKER_TRAINING, c.resource(), n, capability(it), ctx.regions(), List.of(PricingModel.ON_DEMAND), new PartCollector.Offers<>(
                (region, pm) -> ctx.catalog().servicePrice(priceId, region),
                (region, pm, hourly) -> ctx.engine().checkOffer(f, region, pm),
                (region, pm, hourly) -> {
                    String id = "training/sagemaker-training/ml." + it.name() + (n > 1 ? "x" + n : "") + "/on-demand/" + region;
                    var checkpoints = CheckpointCost.monthly(ctx.prices(), region, t, req, hours);
                    return Optional.of(new PartCollector.Offer(id, instanceHours * hourly.usd() + checkpoints.monthlyUsd(), round2(hours), () -> {
                        var component = CostComponent.of(CostCategory.COMPUTE, "Training instance hours [" + c.resource() + ", SageMaker]", "hours", instanceHours,
                                hourly.usd(), hourly.source());
                        List<String> notes = new ArrayList<>();
                        sweepNote(t, hours, hours * n * hourly.usd(), n).ifPresent(notes::add);
                        notes.add("managed training job: no instances to run or stop" + (n > 1 || est.mfu() > 0 ? "; " : "") + (n > 1 ? n + " instances" : "")
                                + (n > 1 && est.mfu() > 0 ? ", " : "") + (est.mfu() > 0 ? "MFU " + Fmt.pct(est.mfu()) : ""));
                        ctx.estimatedSageMakerNote(hourly).ifPresent(notes::add);
                        notes.add("managed spot training can cut this by up to 90% (not priced)");
                        notes.addAll(checkpoints.notes());
                        return sweep(t, new Option(0, id, Service.SAGEMAKER_TRAINING, c.resource(), n, region, PricingModel.ON_DEMAND, round2(hours),
                                null, null, null, hours * n * hourly.usd(), component.monthlyUsd() + checkpoints.monthlyUsd(), null,
                                withLines(List.of(component), checkpoints), List.copyOf(notes),
                                List.of(), withSweepStep(t, OptionSteps.after(req.steps(), est.steps()), hours, hours * n * hourly.usd(), n)), hours);
                    }, new Detail(hours, n * hourly.usd())));
                }));
    }

    /** Share of an instance's network bandwidth mlplan assumes data loading can use. */
    static final double NETWORK_SHARE_FOR_DATA = 0.8;

    /**
     * Where one node reads its training data from, and how fast: a dataset on EBS
     * ({@code dataset.location: ebs}) at the instance's EBS-optimised baseline bandwidth; anything else
     * (S3, EFS, FSx) over the network at {@link #NETWORK_SHARE_FOR_DATA} of its bandwidth.
     *
     * @param ebs whether it reads from EBS (else over the network)
     */
    private record ReadPath(double bytesPerSecond, boolean ebs, InstanceType it, int nodes) {
        static ReadPath of(String location, InstanceType it, int nodes) {
            double ebsMbps = it.ebs() == null ? 0 : it.ebs().baselineMbps();
            if ("ebs".equals(location) && ebsMbps > 0) {
                return new ReadPath(nodes * ebsMbps * 1e6 / 8, true, it, nodes);
            }
            if (it.networkGbps() <= 0) {
                return new ReadPath(0, false, it, nodes);
            }
            return new ReadPath(nodes * it.networkGbps() * 1e9 / 8 * NETWORK_SHARE_FOR_DATA, false, it, nodes);
        }

        /** How the divisor reads in the step, "1 × 100 Gbps × 80% of the network": made when shown, as most estimates are not. */
        String text() {
            if (ebs) {
                return nodes + " × " + Fmt.count(it.ebs().baselineMbps()) + " Mbps EBS baseline bandwidth";
            }
            return bytesPerSecond <= 0 ? "" : nodes + " × " + Fmt.sig(it.networkGbps()) + " Gbps × " + Fmt.pct(NETWORK_SHARE_FOR_DATA) + " of the network";
        }
    }

    /**
     * Data loading against compute: one run reads the dataset once per epoch; the nodes can stream it
     * no faster than their network bandwidth (80% of it, mlplan's assumption), or their EBS bandwidth
     * when the dataset is on EBS. When loading takes longer than computing, the run is I/O-bound and
     * takes the loading time.
     */
    static TrainingEstimate withDataLoading(TrainingRequirements req, TrainingEstimate e, InstanceType it, int nodes, String location) {
        ReadPath path = ReadPath.of(location, it, nodes);
        double ioHours = loadingHours(req, path);
        if (Double.isNaN(ioHours)) {
            return e;
        }
        double bytes = req.datasetBytes() * req.epochs();
        boolean ioBound = ioHours > e.hoursPerRun();
        // the steps (formatted numbers) only when asked for: most estimates are never shown
        Lazy<List<Step>> steps = Lazy.of(() -> {
            List<Step> s = new ArrayList<>(e.steps());
            double needMBps = bytes / (e.hoursPerRun() * 3600) / nodes / 1e6;
            s.add(new Step("data loading", Fmt.hours(ioHours),
                    "dataset × epochs = " + Fmt.sig(bytes / 1e9) + " GB ÷ (" + path.text() + "); compute alone needs " + Fmt.count(needMBps)
                            + " MB/s per node" + storageSamples(req, path)));
            if (ioBound) {
                s.add(new Step("hours per run (I/O-bound)", Fmt.sig(ioHours) + " h",
                        "loading the data takes longer than computing (" + Fmt.hours(e.hoursPerRun()) + "): the accelerators wait for data"));
            }
            return List.copyOf(s);
        });
        return new TrainingEstimate(e.fits(), e.neededGiBPerAccelerator(), e.availableGiBPerAccelerator(), ioBound ? ioHours : e.hoursPerRun(),
                e.mfu(), e.scalingEfficiency(), steps);
    }

    /**
     * For per-sample models, the storage ceiling in samples per second: the nodes' read rate ÷ bytes
     * per sample (dataset size ÷ samples); empty for models costed per token.
     */
    private static String storageSamples(TrainingRequirements req, ReadPath path) {
        if (req.samplesPerRun() <= 0) {
            return "";
        }
        double bytesPerSample = req.datasetBytes() * req.epochs() / req.samplesPerRun();
        return "; storage: " + Fmt.count(path.bytesPerSecond() / 1e6) + " MB/s ÷ " + Fmt.sig(bytesPerSample / 1e6)
                + " MB per sample (dataset.size ÷ samples) = " + Fmt.count(path.bytesPerSecond() / bytesPerSample) + " samples/s";
    }

    /**
     * Hours to read the dataset once per epoch along {@code path}; NaN when its bandwidth or the
     * dataset's size is unknown.
     */
    private static double loadingHours(TrainingRequirements req, ReadPath path) {
        double bytes = req.datasetBytes() * req.epochs();
        if (path.bytesPerSecond() <= 0 || bytes <= 0) {
            return Double.NaN;
        }
        return bytes / path.bytesPerSecond() / 3600;
    }

    /** The estimate with the per-run setup time added, as a step of its own. */
    static TrainingEstimate withSetup(TrainingEstimate e) {
        return new TrainingEstimate(e.fits(), e.neededGiBPerAccelerator(), e.availableGiBPerAccelerator(), e.hoursPerRun() + SETUP_HOURS_PER_RUN,
                e.mfu(), e.scalingEfficiency(), Lazy.of(() -> {
                    List<Step> steps = new ArrayList<>(e.steps());
                    steps.add(new Step("billed hours per run", Fmt.sig(e.hoursPerRun() + SETUP_HOURS_PER_RUN) + " h",
                            "training " + Fmt.hours(e.hoursPerRun()) + " + " + Fmt.hours(SETUP_HOURS_PER_RUN)
                                    + " to launch instances, pull the container and load the model (mlplan assumption)"));
                    return List.copyOf(steps);
                }));
    }

    /** The catalog.price violation among these, if any: more nodes cannot buy a type that has no price. */
    private static Optional<Violation> priceMissing(List<Violation> vs) {
        return vs.stream().filter(v -> v.rule().equals(PriceAvailabilityRule.ID)).findFirst();
    }

    private void planLambda(TrainingRequirements req, PartCollector col) {
        double vcpus = Math.min(ctx.catalog().limit("lambda.vcpu.max").value(), LAMBDA_MAX_MB / ctx.catalog().limit("lambda.mb-per-vcpu").value());
        TrainingEstimate est = estimator.onCpu(req, vcpus, LAMBDA_MAX_MB / 1024);
        Candidate c = new Candidate(Part.TRAINING, Service.LAMBDA, null, "lambda-" + (int) LAMBDA_MAX_MB + "mb", 1, LAMBDA_MAX_MB);
        Facts f = facts(c, req, est, 0);
        List<Violation> vs = ctx.engine().check(f);
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LAMBDA, null, vs);
            return;
        }
        Training t = ctx.workload().training().orElseThrow();
        for (String region : ctx.regions()) {
            var priced = LambdaCost.monthly(ctx.prices(), region, t.trialsPerMonth(), est.hoursPerRun() * 3600, LAMBDA_MAX_MB);
            col.add(new Option(0, "training/lambda/" + c.resource() + "/per-request/" + region, Service.LAMBDA, c.resource(), 1, region,
                    PricingModel.PER_REQUEST, round2(est.hoursPerRun()), null, null, null, priced.monthlyUsd() / Math.max(1e-9, t.trialsPerMonth()),
                    priced.monthlyUsd(), null, priced.components(), priced.notes(), List.of(), OptionSteps.after(req.steps(), est.steps())), new Detail(est.hoursPerRun(), 0));
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
            col.eliminateAll(Service.LOCAL, m.accelerator(), vs);
            return est;
        }
        double hoursPerMonth = est.hoursPerRun() * t.trialsPerMonth();
        var priced = LocalCost.monthly(m, hoursPerMonth);
        List<String> notes = new ArrayList<>(priced.notes());
        notes.add("owned: " + Fmt.hours(hoursPerMonth) + " of work a month; MFU " + Fmt.pct(est.mfu()));
        if (hoursPerMonth > HOURS_PER_MONTH) {
            notes.add("needs " + Fmt.hours(hoursPerMonth) + " a month: more than one machine's " + Fmt.count(HOURS_PER_MONTH) + " h");
        }
        col.add(new Option(0, "training/local/" + m.accelerator() + (m.count() > 1 ? "x" + m.count() : ""), Service.LOCAL, m.accelerator(),
                m.count(), "local", PricingModel.LOCAL, round2(est.hoursPerRun()), null, null, null,
                priced.monthlyUsd() / Math.max(1e-9, t.trialsPerMonth()), priced.monthlyUsd(), m.hardwareCost().value(), priced.components(),
                List.copyOf(notes), List.of(), OptionSteps.after(req.steps(), est.steps())), new Detail(est.hoursPerRun(), 0));
        return est;
    }

    Facts facts(Candidate c, TrainingRequirements req, TrainingEstimate est, double effectiveHours) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.of(req), Optional.of(est), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, effectiveHours, Optional.empty());
    }

    /** The option's cost lines followed by {@code extra}'s (checkpoints). */
    static List<CostComponent> withLines(List<CostComponent> lines, InstanceCost.Priced extra) {
        if (extra.components().isEmpty()) {
            return lines;
        }
        List<CostComponent> all = new ArrayList<>(lines);
        all.addAll(extra.components());
        return List.copyOf(all);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Orders eliminated types by what they offer: accelerator compute, then memory, then vCPUs. */
    private double capability(InstanceType it) {
        return PlanContext.capability(ctx.catalog(), it);
    }
}
