package dev.mlplan.plan;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.constraint.BatchRun;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.constraint.rules.LambdaConcurrencyRule;
import dev.mlplan.cost.CostCategory;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.LambdaCost;
import dev.mlplan.cost.SpotRework;
import dev.mlplan.estimate.EstimationDefaults;
import dev.mlplan.estimate.InferenceEstimate;
import dev.mlplan.estimate.InferenceEstimator;
import dev.mlplan.estimate.InferenceRequirements;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans one batch (offline inference) job: a function of one {@link Batch}. Each candidate's
 * throughput is the inference estimator's for one instance at the largest batch its memory allows
 * (no latency target applies offline); the job's items are split over as many instances as its
 * deadline needs (at most {@code constraints.max_nodes}), each billed for the run plus the training
 * planner's setup time. No fleet stays on between runs and no availability-zone minimum applies.
 * Candidates: accelerated instances (GPU, Inferentia), CPU instances, SageMaker Batch Transform on
 * the same ml.* shapes, and Lambda (one request per invocation, within its limits).
 *
 * <p>On spot, the instances work independently: an interrupted instance is replaced and redoes its
 * unfinished shard from the start (mlplan's assumption: no checkpoint inside a shard), so the
 * expected rework is {@link SpotRework#estimate} for one instance over the run without checkpoints.
 */
final class BatchPlanner {
    private final PlanContext ctx;
    private final InferenceEstimator estimator;

    BatchPlanner(PlanContext ctx) {
        this.ctx = ctx;
        this.estimator = new InferenceEstimator(ctx.workload().assumptions().orElse(Workload.Assumptions.none()), ctx.catalog());
    }

    record Result(PlanResult.PartPlan part, List<PartCollector.Draft> ranked) {}

    /**
     * One job's work: the requirements of one request, how many requests an item is (30 s windows
     * of audio for speech, else 1), and the bytes read and written per item. A speech model's
     * requirements carry the estimator's speech calibration, so its estimates are calibrated already.
     */
    record Job(Batch batch, InferenceRequirements req, int requestsPerItem, double inputBytesPerItem, double outputBytesPerItem,
            List<Step> steps) {
        /** Items per second of an instance whose estimate serves {@code requestsPerSecond}. */
        double itemsPerSecond(double requestsPerSecond) {
            return requestsPerSecond / requestsPerItem;
        }

        double requests() {
            return batch.items() * requestsPerItem;
        }

        double inputGbPerRun() {
            return batch.items() * inputBytesPerItem / 1e9;
        }

        double outputGbPerRun() {
            return batch.items() * outputBytesPerItem / 1e9;
        }
    }

    Result plan(Batch b) {
        Job job = job(b);
        PartCollector col = ctx.computeCollector().surround(Surround.batch(ctx, b, job.inputGbPerRun())); // issue 20: S3 access path
        Workload w = ctx.workload();
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            InferencePlanner.servingEstimate(ctx, estimator, job.req(), it).ifPresent(est -> planInstanceType(job, it, est, col));
        }
        planLambda(job, col);
        List<PartCollector.Draft> ranked = col.ranked();
        InferenceRequirements req = job.req();
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("model", req.model().name());
        requirements.put("parameters", req.model().parameters());
        requirements.put("precision", req.model().precision().yamlName());
        requirements.put("weightsGiB", TrainingPlanner.round1(req.weightBytes() / dev.mlplan.workload.DataSize.GIB));
        requirements.put("itemsPerRun", b.items());
        if (job.requestsPerItem() > 1) {
            requirements.put("requestsPerItem", job.requestsPerItem());
        }
        requirements.put("inputGBPerRun", TrainingPlanner.round1(job.inputGbPerRun()));
        requirements.put("outputGBPerRun", TrainingPlanner.round1(job.outputGbPerRun()));
        b.deadline().ifPresent(d -> requirements.put("deadlineHours", d.hours()));
        requirements.put("runsPerMonth", b.runsPerMonth());
        ctx.pricingPolicy().describe(ctx.options().pricing()).ifPresent(p -> requirements.put("pricing", p));
        var part = new PlanResult.PartPlan(Part.BATCH.id(), requirements, col.top(ranked, ctx.options().top()), col.eliminations(), job.steps(),
                col.considered(), col.feasible());
        return new Result(part, ranked);
    }

    // ---- the job ----------------------------------------------------------------------------------

    /** The job's per-item figures, each with the step that says where it comes from. */
    Job job(Batch b) {
        ModelPresets.Shape shape = ModelPresets.shape(b.model());
        if (b.audioSeconds().isPresent() && shape.kind() != ModelPresets.Kind.SPEECH) {
            throw new IllegalArgumentException("batch.audio_seconds applies only to speech presets (whisper-*); the model is not one");
        }
        if (shape.kind() == ModelPresets.Kind.SPEECH && b.audioSeconds().isEmpty()) {
            throw new IllegalArgumentException("batch: a speech model needs batch.audio_seconds, the audio length per item (such as 3600)");
        }
        List<Step> itemSteps = new ArrayList<>();
        int requestsPerItem = 1;
        Optional<Integer> tokensOut = b.tokensOut();
        if (shape.kind() == ModelPresets.Kind.SPEECH) {
            double seconds = b.audioSeconds().get();
            requestsPerItem = (int) Math.ceil(seconds / EstimationDefaults.SPEECH_WINDOW_SECONDS - 1e-9);
            itemSteps.add(new Step("windows per item", String.valueOf(requestsPerItem), "ceil(batch.audio_seconds " + Fmt.sig(seconds) + " ÷ "
                    + Fmt.sig(EstimationDefaults.SPEECH_WINDOW_SECONDS) + " s): Whisper transcribes 30 s windows, each one request"));
            int perWindow = b.tokensOut().isPresent()
                    ? (int) Math.ceil((double) b.tokensOut().get() / requestsPerItem)
                    : (int) Math.round(EstimationDefaults.SPEECH_TOKENS_PER_SECOND * Math.min(seconds, EstimationDefaults.SPEECH_WINDOW_SECONDS));
            tokensOut = Optional.of(Math.max(1, perWindow));
            itemSteps.add(new Step("transcript tokens per window", String.valueOf(tokensOut.get()), b.tokensOut().isPresent()
                    ? "batch.tokens_out " + b.tokensOut().get() + " ÷ " + requestsPerItem + " windows"
                    : "not given: 150 words a minute (US conversational average) × 4/3 tokens per word × 30 s"));
        } else if (shape.kind() == ModelPresets.Kind.TEXT_ENCODER) {
            tokensOut = Optional.empty();
        }
        String section = "batch";
        double deadlineSeconds = b.deadline().map(d -> d.hours() * 3600).orElse(0.0);
        double rate = deadlineSeconds > 0 ? b.items() * requestsPerItem / deadlineSeconds : 0;
        String tokensOutSource = shape.kind() == ModelPresets.Kind.SPEECH ? "per 30 s window: see transcript tokens per window" : section + ".tokens_out";
        InferenceRequirements req = estimator.offline(new InferenceEstimator.Request(b.model(), b.tokensIn(), tokensOut, b.steps(), b.resolution(),
                section, tokensOutSource), rate);
        List<Step> steps = new ArrayList<>(req.steps());
        steps.add(new Step("items per run", Fmt.count(b.items()), "batch.items; " + Fmt.sig(b.runsPerMonth()) + " runs a month (batch.runs_per_month)"));
        steps.addAll(itemSteps);
        steps.add(new Step("throughput", "the largest batch memory allows", "offline: no latency target applies"));
        double input = b.inputPerItem().map(s -> s.bytes()).orElseGet(() -> defaultInput(shape, b, req));
        int windows = requestsPerItem;
        double output = b.outputPerItem().map(s -> s.bytes()).orElseGet(() -> defaultOutput(shape, b, req, windows));
        steps.add(new Step("read per item", Fmt.sig(input / 1e3) + " kB", b.inputPerItem().isPresent() ? "batch.input_per_item" : inputRule(shape, b, req)));
        steps.add(new Step("written per item", Fmt.sig(output / 1e3) + " kB", b.outputPerItem().isPresent() ? "batch.output_per_item"
                : outputRule(shape, b, req, windows)));
        steps.add(new Step("data per run", Fmt.sig(b.items() * input / 1e9) + " GB read, " + Fmt.sig(b.items() * output / 1e9) + " GB written",
                "items × bytes per item"));
        return new Job(b, req, requestsPerItem, input, output, List.copyOf(steps));
    }

    private static double defaultInput(ModelPresets.Shape shape, Batch b, InferenceRequirements req) {
        return switch (shape.kind()) {
            case SPEECH -> b.audioSeconds().orElse(0.0) * EstimationDefaults.AUDIO_BYTES_PER_SECOND;
            case IMAGE_GENERATOR -> EstimationDefaults.IMAGE_PROMPT_TOKENS * EstimationDefaults.standard().bytesPerToken();
            case TEXT_ENCODER, TEXT_GENERATOR -> req.tokensIn() * EstimationDefaults.standard().bytesPerToken();
            case OTHER -> 0;
        };
    }

    private static String inputRule(ModelPresets.Shape shape, Batch b, InferenceRequirements req) {
        return switch (shape.kind()) {
            case SPEECH -> "not given: " + Fmt.sig(b.audioSeconds().orElse(0.0)) + " s × 32 kB/s (16 kHz 16-bit mono PCM, Whisper's input; compressed audio is smaller)";
            case IMAGE_GENERATOR -> "not given: a prompt of " + EstimationDefaults.IMAGE_PROMPT_TOKENS + " tokens (CLIP's context) × 4 B";
            case TEXT_ENCODER, TEXT_GENERATOR -> "not given: " + req.tokensIn() + " tokens × 4 B (English text, ~4 characters a token)";
            case OTHER -> "not given: not counted (give batch.input_per_item)";
        };
    }

    private static double defaultOutput(ModelPresets.Shape shape, Batch b, InferenceRequirements req, int requestsPerItem) {
        double bytesPerToken = EstimationDefaults.standard().bytesPerToken();
        return switch (shape.kind()) {
            case TEXT_ENCODER -> shape.hidden() * EstimationDefaults.EMBEDDING_BYTES_PER_VALUE;
            case TEXT_GENERATOR -> req.tokensOut() * bytesPerToken;
            case SPEECH -> (double) req.tokensOut() * requestsPerItem * bytesPerToken;
            case IMAGE_GENERATOR -> {
                double side = b.resolution().orElse(shape.nativeResolution());
                yield side * side * EstimationDefaults.IMAGE_BYTES_PER_PIXEL;
            }
            case OTHER -> 0;
        };
    }

    private static String outputRule(ModelPresets.Shape shape, Batch b, InferenceRequirements req, int requestsPerItem) {
        return switch (shape.kind()) {
            case TEXT_ENCODER -> "not given: an embedding of " + shape.hidden() + " values (the hidden size) × 4 B (fp32)";
            case TEXT_GENERATOR -> "not given: " + req.tokensOut() + " tokens out × 4 B";
            case SPEECH -> "not given: " + requestsPerItem + " windows × " + req.tokensOut() + " tokens × 4 B of transcript";
            case IMAGE_GENERATOR -> {
                int side = b.resolution().orElse(shape.nativeResolution());
                yield "not given: " + side + " × " + side + " px × 3 B (uncompressed RGB, an upper bound; PNG is smaller)";
            }
            case OTHER -> "not given: not counted (give batch.output_per_item)";
        };
    }

    // ---- sizing -----------------------------------------------------------------------------------

    /** Instances the deadline needs at {@code itemsPerSecond} each: all items within the deadline less setup; 1 without a deadline. */
    static int nodesNeeded(Batch b, double itemsPerSecond) {
        if (b.deadline().isEmpty() || itemsPerSecond <= 0) {
            return 1;
        }
        double hoursOfWork = b.deadline().get().hours() - TrainingPlanner.SETUP_HOURS_PER_RUN;
        if (hoursOfWork <= 0) {
            return Integer.MAX_VALUE;
        }
        double n = Math.ceil(b.items() / (itemsPerSecond * 3600 * hoursOfWork) - 1e-9);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
    }

    /** Billed hours of one run on {@code n} instances: their share of the items, plus the setup. */
    static double runHours(Batch b, double itemsPerSecond, int n) {
        return b.items() / (n * itemsPerSecond) / 3600 + TrainingPlanner.SETUP_HOURS_PER_RUN;
    }

    /** A run's hours in one region under one pricing model: on spot, with the rework of its interruptions. */
    private record Run(double hours, SpotRework.Estimate rework) {}

    private Run run(String region, PricingModel pm, InstanceType it, double hours) {
        if (pm != PricingModel.SPOT) {
            return new Run(hours, null);
        }
        SpotInfo info = ctx.catalog().spot(region, it.name()).orElse(null);
        // each instance is interrupted on its own and redoes its own shard: one instance, no checkpoints
        SpotRework.Estimate rework = SpotRework.estimate(info, 1, hours, 0, SpotRework.restartHours(ctx.workload()));
        return new Run(rework.hoursWithRework(hours), rework);
    }

    private void planInstanceType(Job job, InstanceType it, InferenceEstimate est, PartCollector col) {
        Batch b = job.batch();
        double itemsPerSecond = est.fits() ? job.itemsPerSecond(est.requestsPerSecond()) : 0;
        int needed = nodesNeeded(b, itemsPerSecond);
        int n = Math.max(1, Math.min(needed, ctx.workload().constraints().maxNodes()));
        double hours = itemsPerSecond > 0 ? runHours(b, itemsPerSecond, n) : 0;
        Candidate c = Candidate.ec2(Part.BATCH, it, n);
        BatchRun batchRun = new BatchRun(b, itemsPerSecond, needed);
        List<Violation> vs = ctx.engine().check(facts(c, job, est, batchRun, hours));
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.EC2, it.name(), vs, PlanContext.capability(ctx.catalog(), it));
            return;
        }
        String perInstance = perInstance(job, est, it, itemsPerSecond);
        List<PricingModel> pricings = ctx.options().pricing().stream().filter(pm -> pm != PricingModel.CAPACITY_BLOCK).toList();
        List<PricingModel> steady = pricings.stream().filter(pm -> pm != PricingModel.SPOT).toList();
        ec2Offers(job, it, est, perInstance, itemsPerSecond, needed, n, ctx.regions(), steady, col);
        if (pricings.contains(PricingModel.SPOT)) {
            // spot rework lengthens the run: a region may need more instances to keep the deadline
            for (String region : ctx.regions()) {
                int spotNodes = spotNodes(region, it, b, itemsPerSecond, n);
                ec2Offers(job, it, est, perInstance, itemsPerSecond, Math.max(needed, spotNodes), spotNodes, List.of(region),
                        List.of(PricingModel.SPOT), col);
            }
        }
        planBatchTransform(job, it, est, batchRun, n, hours, itemsPerSecond, col);
    }

    /**
     * The smallest count from {@code n} up (at most {@code constraints.max_nodes}) whose run, with the
     * expected rework of spot interruptions in {@code region}, keeps the deadline; {@code n} when none
     * does (the spot.deadline rule then eliminates the offer) or there is no deadline.
     */
    private int spotNodes(String region, InstanceType it, Batch b, double itemsPerSecond, int n) {
        if (b.deadline().isEmpty() || itemsPerSecond <= 0) {
            return n;
        }
        double deadline = b.deadline().get().hours();
        for (int k = n; k <= ctx.workload().constraints().maxNodes(); k++) {
            if (run(region, PricingModel.SPOT, it, runHours(b, itemsPerSecond, k)).hours() <= deadline) {
                return k;
            }
        }
        return n;
    }

    /** EC2 offers of {@code n} instances of a type in these regions under these pricing models. */
    private void ec2Offers(Job job, InstanceType it, InferenceEstimate est, String perInstance, double itemsPerSecond, int needed, int n,
            List<String> regions, List<PricingModel> pricings, PartCollector col) {
        Batch b = job.batch();
        double hours = runHours(b, itemsPerSecond, n);
        Candidate c = Candidate.ec2(Part.BATCH, it, n);
        BatchRun batchRun = new BatchRun(b, itemsPerSecond, needed);
        col.offers(Service.EC2, it.name(), n, PlanContext.capability(ctx.catalog(), it), regions, pricings, new PartCollector.Offers<>(
                (region, pm) -> ctx.price(region, it.name(), pm),
                (region, pm, p) -> ctx.engine().checkOffer(facts(c, job, est, batchRun, run(region, pm, it, hours).hours()), region, pm),
                (region, pm, p) -> {
                    Run r = run(region, pm, it, hours);
                    String id = "batch/ec2/" + it.name() + (n > 1 ? "x" + n : "") + "/" + pm.id() + "/" + region;
                    S3Requests s3 = s3Requests(job, region);
                    double monthly = InstanceCost.monthlyUsd(p, n, r.hours() * b.runsPerMonth()) + s3.monthlyUsd();
                    return Optional.of(new PartCollector.Offer(id, monthly, TrainingPlanner.round2(r.hours()), () -> {
                        var priced = InstanceCost.monthly(p, n, r.hours() * b.runsPerMonth());
                        List<String> notes = new ArrayList<>();
                        notes.add(n + " × " + it.name() + " at " + Fmt.sig(itemsPerSecond) + " items/s each: " + Fmt.hours(r.hours()) + " a run"
                                + b.deadline().map(d -> " (deadline " + Fmt.hours(d.hours()) + ")").orElse(" (no deadline: one instance)"));
                        notes.add(perInstance);
                        if (r.rework() != null) {
                            notes.add("spot: " + r.rework().explanation() + " (an interrupted instance redoes its unfinished shard)");
                            if (n >= 8) {
                                notes.add("spot: " + n + " instances at once is a large spot request; capacity is not guaranteed");
                            }
                        }
                        notes.addAll(ctx.spotRealism(p));
                        notes.addAll(priced.notes());
                        ctx.commitmentBreakEven(p).ifPresent(notes::add);
                        ctx.estimatedRateNote(p).ifPresent(notes::add);
                        notes.add(storageNote(job));
                        List<CostComponent> costs = new ArrayList<>(priced.components());
                        costs.addAll(s3.components());
                        double perRun = n * r.hours() * p.usdPerHour() + s3.perRunUsd();
                        List<Step> steps = sizingSteps(job, est, itemsPerSecond, needed, n, hours, r, p.usdPerHour(), s3, it.name());
                        return new Option(0, id, Service.EC2, it.name(), n, region, pm, TrainingPlanner.round2(r.hours()), null, null,
                                job.req().llm() ? round(est.tokensPerSecond()) : null, perRun, priced.monthlyUsd() + s3.monthlyUsd(),
                                null, List.copyOf(costs), List.copyOf(notes), List.of(), OptionSteps.after(job.steps(), steps));
                    }, null));
                }));
    }

    /**
     * The same shape as a SageMaker Batch Transform job: on-demand ml.* instances for the job's
     * hours, at the catalog's {@code sagemaker.hosting.ml.TYPE.hour} (mlplan's assumption: Batch
     * Transform bills an ml.* instance-hour at the real-time inference rate; estimated from EC2
     * unless refreshed). SageMaker splits the S3 input over the instances and stops them when done.
     */
    private void planBatchTransform(Job job, InstanceType it, InferenceEstimate est, BatchRun batchRun, int n, double hours, double itemsPerSecond,
            PartCollector col) {
        Batch b = job.batch();
        String priceId = "sagemaker.hosting.ml." + it.name() + ".hour";
        String resource = "ml." + it.name();
        Candidate c = new Candidate(Part.BATCH, Service.SAGEMAKER_BATCH_TRANSFORM, it, resource, n, 0);
        Facts f = facts(c, job, est, batchRun, hours);
        double instanceHours = hours * n * b.runsPerMonth();
        col.offers(Service.SAGEMAKER_BATCH_TRANSFORM, resource, n, PlanContext.capability(ctx.catalog(), it), ctx.regions(),
                List.of(PricingModel.ON_DEMAND), new PartCollector.Offers<>(
                        (region, pm) -> ctx.catalog().servicePrice(priceId, region),
                        (region, pm, hourly) -> ctx.engine().checkOffer(f, region, pm),
                        (region, pm, hourly) -> {
                            String id = "batch/sagemaker-batch-transform/" + resource + (n > 1 ? "x" + n : "") + "/on-demand/" + region;
                            S3Requests s3 = s3Requests(job, region);
                            return Optional.of(new PartCollector.Offer(id, instanceHours * hourly.usd() + s3.monthlyUsd(), TrainingPlanner.round2(hours),
                                    () -> {
                                        var component = CostComponent.of(CostCategory.COMPUTE, "Batch Transform instance hours [" + resource + ", SageMaker]", "hours",
                                                instanceHours, hourly.usd(), hourly.source());
                                        List<String> notes = new ArrayList<>();
                                        notes.add(n + " × " + resource + " at " + Fmt.sig(itemsPerSecond) + " items/s each: " + Fmt.hours(hours) + " a run");
                                        notes.add("managed Batch Transform: SageMaker splits the S3 input over the instances and stops them when done;"
                                                + " priced at the ml.* real-time inference rate (mlplan assumption); no spot");
                                        ctx.estimatedSageMakerNote(hourly).ifPresent(notes::add);
                                        notes.add(storageNote(job));
                                        List<CostComponent> costs = new ArrayList<>(List.of(component));
                                        costs.addAll(s3.components());
                                        List<Step> steps = sizingSteps(job, est, itemsPerSecond, batchRun.nodesNeeded(), n, hours, new Run(hours, null),
                                                hourly.usd(), s3, resource);
                                        return new Option(0, id, Service.SAGEMAKER_BATCH_TRANSFORM, resource, n, region, PricingModel.ON_DEMAND,
                                                TrainingPlanner.round2(hours), null, null,
                                                job.req().llm() ? round(est.tokensPerSecond()) : null,
                                                hours * n * hourly.usd() + s3.perRunUsd(), component.monthlyUsd() + s3.monthlyUsd(), null,
                                                List.copyOf(costs), List.copyOf(notes), List.of(), OptionSteps.after(job.steps(), steps));
                                    }, null));
                        }));
    }

    /** Lambda's largest configuration: 10,240 MB (6 vCPUs), one request (a document, a 30 s window, an image) per invocation. */
    private static final double LAMBDA_MB = 10240;

    /**
     * Lambda: each request an invocation at 10,240 MB, run at the regional concurrency limit; the
     * Lambda rules check one request's time against the 15-minute timeout and the concurrency the
     * deadline needs against the limit.
     */
    private void planLambda(Job job, PartCollector col) {
        Batch b = job.batch();
        double vcpus = Math.min(ctx.catalog().limit("lambda.vcpu.max").value(), LAMBDA_MB / ctx.catalog().limit("lambda.mb-per-vcpu").value());
        InferenceEstimate est = estimator.onCpuAt(job.req(), vcpus, LAMBDA_MB / 1024, 1);
        double secondsEach = est.meanLatencyMs() / 1000;
        int concurrency = (int) ctx.catalog().limit(LambdaConcurrencyRule.LIMIT).value();
        double itemsPerSecondEach = est.fits() && secondsEach > 0 ? job.itemsPerSecond(1 / secondsEach) : 0;
        double hours = itemsPerSecondEach > 0 ? b.items() / itemsPerSecondEach / concurrency / 3600 : 0;
        Candidate c = new Candidate(Part.BATCH, Service.LAMBDA, null, "lambda-" + (int) LAMBDA_MB + "mb", concurrency, LAMBDA_MB);
        BatchRun batchRun = new BatchRun(b, itemsPerSecondEach, 1);
        List<Violation> vs = ctx.engine().check(facts(c, job, est, batchRun, hours));
        col.considered(1);
        if (!vs.isEmpty()) {
            col.eliminateAll(Service.LAMBDA, null, vs);
            return;
        }
        double requestsPerMonth = job.requests() * b.runsPerMonth();
        for (String region : ctx.regions()) {
            var priced = LambdaCost.monthly(ctx.prices(), region, requestsPerMonth, secondsEach, LAMBDA_MB);
            S3Requests s3 = s3Requests(job, region);
            List<CostComponent> costs = new ArrayList<>(priced.components());
            costs.addAll(s3.components());
            List<String> notes = new ArrayList<>();
            notes.add(Fmt.count(job.requests()) + " invocations a run of " + Fmt.sig(secondsEach) + " s each, " + concurrency
                    + " at a time (the default regional concurrency): " + Fmt.hours(hours) + " a run");
            notes.addAll(priced.notes());
            notes.add(storageNote(job));
            double monthly = priced.monthlyUsd() + s3.monthlyUsd();
            col.add(new Option(0, "batch/lambda/" + c.resource() + "/per-request/" + region, Service.LAMBDA, c.resource(), concurrency, region,
                    PricingModel.PER_REQUEST, TrainingPlanner.round2(hours), null, null, null, monthly / Math.max(1e-9, b.runsPerMonth()), monthly, null,
                    List.copyOf(costs), List.copyOf(notes), List.of(), OptionSteps.after(job.steps(), est.steps())), null);
        }
    }

    // ---- explanation and storage ------------------------------------------------------------------

    private static String perInstance(Job job, InferenceEstimate est, InstanceType it, double itemsPerSecond) {
        String where = it.hasAccelerator() ? it.accelerators().count() + " × " + it.accelerators().name() : it.vcpus() + " vCPUs";
        String layout = job.req().llm() && it.hasAccelerator()
                ? est.replicas() + (est.replicas() == 1 ? " replica" : " replicas") + " × TP " + est.tensorParallel() + ", batch " + est.batch()
                : "batch " + est.batch();
        return "per instance (" + where + "): " + layout + ", " + Fmt.sig(est.requestsPerSecond()) + " requests/s"
                + (job.req().calibration() != 1 ? " (speech calibration × " + Fmt.sig(job.req().calibration()) + " included)" : "")
                + (job.requestsPerItem() > 1 ? " = " + Fmt.sig(itemsPerSecond) + " items/s (" + job.requestsPerItem() + " requests an item)" : "")
                + ", memory " + Fmt.sig(est.neededGiB()) + " of " + Fmt.sig(est.availableGiB()) + " GiB";
    }

    private List<Step> sizingSteps(Job job, InferenceEstimate est, double itemsPerSecond, int needed, int n, double hours, Run r, double usdPerHour,
            S3Requests s3, String resource) {
        Batch b = job.batch();
        List<Step> steps = new ArrayList<>(est.steps());
        steps.add(new Step("items per second per instance", Fmt.sig(itemsPerSecond), job.requestsPerItem() > 1
                ? "requests per second ÷ " + job.requestsPerItem() + " requests per item = " + Fmt.sig(est.requestsPerSecond()) + " ÷ "
                        + job.requestsPerItem()
                : "requests per second: one request per item"));
        int forDeadline = nodesNeeded(b, itemsPerSecond);
        String nodesRule = b.deadline().isPresent()
                ? "ceil(items ÷ (items/s × 3,600 × (deadline − setup))) = ceil(" + Fmt.count(b.items()) + " ÷ (" + Fmt.sig(itemsPerSecond) + " × 3,600 × ("
                        + Fmt.hours(b.deadline().get().hours()) + " − " + Fmt.hours(TrainingPlanner.SETUP_HOURS_PER_RUN) + "))) = " + forDeadline
                        + (forDeadline > n ? "; capped by constraints.max_nodes" : "")
                        + (forDeadline < n ? "; " + (n - forDeadline) + " more on spot, so that the run with its expected rework keeps the deadline" : "")
                : "no deadline: one instance, however long the run takes";
        steps.add(new Step("instances", String.valueOf(n), nodesRule));
        steps.add(new Step("hours per run", Fmt.sig(hours) + " h", "items ÷ (instances × items/s) ÷ 3,600 + setup = " + Fmt.count(b.items()) + " ÷ (" + n
                + " × " + Fmt.sig(itemsPerSecond) + ") ÷ 3,600 + " + Fmt.hours(TrainingPlanner.SETUP_HOURS_PER_RUN)
                + " to launch the instances and load the model (mlplan assumption, as for training)"));
        if (r.rework() != null) {
            steps.add(new Step("hours per run on spot", Fmt.sig(r.hours()) + " h", r.rework().explanation()
                    + "; each instance is interrupted on its own and redoes its unfinished shard (mlplan assumption: no checkpoint inside a shard)"));
        }
        steps.add(new Step("$ per run", Fmt.usd(n * r.hours() * usdPerHour + s3.perRunUsd()), n + " × " + Fmt.sig(r.hours()) + " h × " + Fmt.usd(usdPerHour)
                + "/h (" + resource + ") + S3 requests " + Fmt.usd(s3.perRunUsd())));
        steps.add(new Step("$ per month", "× " + Fmt.sig(b.runsPerMonth()) + " runs", "batch.runs_per_month"));
        return List.copyOf(steps);
    }

    /** S3 requests of one run and a month: one GET per input object, one PUT per output object. */
    private record S3Requests(List<CostComponent> components, double perRunUsd, double monthlyUsd) {}

    private S3Requests s3Requests(Job job, String region) {
        Batch b = job.batch();
        double gets = objects(b.items(), job.inputBytesPerItem());
        double puts = objects(b.items(), job.outputBytesPerItem());
        var get = ctx.prices().get("s3.get.per-1k", region);
        var put = ctx.prices().get("s3.put.per-1k", region);
        List<CostComponent> c = new ArrayList<>();
        if (gets > 0) {
            c.add(CostComponent.of(CostCategory.STORAGE, "S3 GET requests [" + Fmt.count(gets) + " input objects a run]", "1k requests", gets * b.runsPerMonth() / 1000,
                    get.usd(), get.source()));
        }
        if (puts > 0) {
            c.add(CostComponent.of(CostCategory.STORAGE, "S3 PUT requests [" + Fmt.count(puts) + " output objects a run]", "1k requests", puts * b.runsPerMonth() / 1000,
                    put.usd(), put.source()));
        }
        double perRun = gets / 1000 * get.usd() + puts / 1000 * put.usd();
        return new S3Requests(List.copyOf(c), perRun, perRun * b.runsPerMonth());
    }

    /** Objects for {@code items} of {@code bytes} each: one per item from 8 MB up, smaller items packed into 8 MB objects. */
    static double objects(double items, double bytes) {
        if (bytes <= 0) {
            return 0;
        }
        if (bytes >= EstimationDefaults.BATCH_OBJECT_BYTES) {
            return items;
        }
        return Math.ceil(items * bytes / EstimationDefaults.BATCH_OBJECT_BYTES);
    }

    private String storageNote(Job job) {
        String moved = "reads " + Fmt.sig(job.inputGbPerRun()) + " GB and writes " + Fmt.sig(job.outputGbPerRun())
                + " GB a run from S3 in the same region (no transfer charge; requests priced, small items packed into 8 MB objects)";
        return ctx.workload().storage().isPresent() ? moved + "; keeping the data is priced in the storage part"
                : moved + "; keeping the data in S3 is not priced here: add a storage part";
    }

    private Facts facts(Candidate c, Job job, InferenceEstimate est, BatchRun run, double hours) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.empty(), Optional.empty(), Optional.of(job.req()), Optional.of(est),
                Optional.empty(), run.nodesNeeded(), hours, Optional.empty(), Optional.of(run));
    }

    private static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
