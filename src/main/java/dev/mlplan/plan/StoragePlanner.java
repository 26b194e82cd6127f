package dev.mlplan.plan;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.cost.InstanceCost;
import dev.mlplan.cost.LifecycleCost;
import dev.mlplan.cost.StorageCost;
import dev.mlplan.estimate.StorageEstimator;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Workload.Access;
import dev.mlplan.workload.Workload.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans the storage part: S3 storage classes that suit the access pattern (sharded over as many
 * prefixes as the request rate needs, and paired with a staging volume when block IOPS are asked
 * for), EBS volume types, EFS, and FSx for Lustre throughput tiers. Data transfer is added to every
 * option alike.
 */
final class StoragePlanner {
    static final int[] FSX_TIERS = {125, 250, 500, 1000};

    private final PlanContext ctx;
    private final StorageCost cost;
    private final StorageCost.Reading reading;
    private final int computeReaders;
    private final Optional<String> computeRegion;
    private final String readersBasis;
    private final Optional<dev.mlplan.catalog.InstanceType> reader;

    /**
     * @param reading when and how much the data is read: hours a month, average-to-peak request rate,
     *     GB read (for per-GB read and retrieval charges), each with its basis for the notes
     * @param reader the instance type that reads the data, when a training or inference part names one
     * @param computeReaders instances of the best training or inference option, which all read the data
     *     (1 when none is known); more than {@code storage.shared_by} raises the readers to it
     * @param readersBasis where that figure comes from, for the estimate's steps
     * @param computeRegion the region of the best training or inference option, when there is one: EBS,
     *     EFS and FSx are offered only there (they attach or mount inside one region's network); S3 in
     *     another region pays cross-region transfer on the data read
     */
    StoragePlanner(PlanContext ctx, StorageCost.Reading reading, Optional<dev.mlplan.catalog.InstanceType> reader, int computeReaders,
            String readersBasis, Optional<String> computeRegion) {
        this.computeRegion = computeRegion;
        this.reader = reader;
        this.computeReaders = computeReaders;
        this.readersBasis = readersBasis;
        this.ctx = ctx;
        this.cost = new StorageCost(ctx.prices());
        this.reading = reading;
    }

    record Result(PlanResult.PartPlan part, List<PartCollector.Draft> ranked) {}

    Result plan(Storage s) {
        StorageRequirements req = withComputeReaders(new StorageEstimator().requirements(s, ctx.catalog()));
        PartCollector col = ctx.collector();
        for (String cls : s3Classes(s.access())) {
            planS3(s, req, cls, col);
        }
        if (!s.lifecycle().isEmpty()) {
            planS3(s, req, LIFECYCLE, col);
        }
        List<String> driveNote = driverNote(req);
        for (EbsVolumeType t : ctx.catalog().ebsVolumeTypes()) {
            int stripe = stripeNeeded(t, req);
            Candidate c = new Candidate(Part.STORAGE, Service.EBS, null, t.name(), stripe, 0);
            List<String> notes = new ArrayList<>();
            if (t.multiAttachMax() > 1 && req.sharedBy() > 1) {
                notes.add("one " + t.name() + " volume Multi-Attached to " + req.sharedBy() + " instances in one AZ (needs a cluster-aware file system)");
            }
            if ("gp3".equals(t.name()) && req.iops() > 16000) {
                notes.add("gp3 reaches " + Fmt.count(req.iops()) + " IOPS only since the 2025 limit rise (80,000; 16,000 before)");
            }
            notes.addAll(driveNote);
            plan(c, req, col, region -> cost.ebs(t, 1, stripe, req, region), notes);
        }
        plan(new Candidate(Part.STORAGE, Service.EFS, null, "efs-standard", 1, 0), req, col, region -> cost.efs(req, region, reading.gb(), reading.gbBasis()),
                List.of());
        for (int tier : FSX_TIERS) {
            if (ctx.prices().find("fsx-lustre.persistent-2-" + tier + ".gb-month", ctx.regions().get(0)).isEmpty()) {
                continue;
            }
            plan(new Candidate(Part.STORAGE, Service.FSX_LUSTRE, null, "fsx-lustre-persistent-2-" + tier, 1, 0), req, col,
                    region -> cost.fsxLustre(tier, req, region), List.of());
        }
        List<PartCollector.Draft> ranked = col.ranked();
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("dataGB", TrainingPlanner.round1(req.dataBytes() / DataSize.GB));
        requirements.put("readsPerSecond", req.readsPerSecond());
        requirements.put("writesPerSecond", req.writesPerSecond());
        requirements.put("prefixes", req.prefixes());
        requirements.put("prefixesNeeded", req.prefixesNeeded());
        if (req.iops() > 0) {
            requirements.put("iops", req.iops());
        }
        if (req.throughputBytesPerSecond() > 0) {
            requirements.put("throughputMiBps", TrainingPlanner.round1(req.throughputBytesPerSecond() / DataSize.MIB));
        }
        requirements.put("sharedBy", req.sharedBy());
        months(s, ranked).ifPresent(m -> requirements.put("months", m));
        var part = new PlanResult.PartPlan(Part.STORAGE.id(), requirements,
                col.top(ranked, ctx.options().top()), col.eliminations(), req.steps(),
                col.considered(), col.feasible());
        return new Result(part, ranked);
    }

    /**
     * Every instance of the compute part reads the data: when they outnumber {@code storage.shared_by},
     * they are the readers (a single-attach volume cannot serve a 4-node training run).
     */
    private StorageRequirements withComputeReaders(StorageRequirements req) {
        if (computeReaders <= req.sharedBy()) {
            return req;
        }
        List<dev.mlplan.estimate.Step> steps = new ArrayList<>(req.steps());
        steps.add(new dev.mlplan.estimate.Step("instances reading the data", String.valueOf(computeReaders), readersBasis
                + ", more than storage.shared_by " + req.sharedBy()));
        return new StorageRequirements(req.dataBytes(), req.averageDataBytes(), req.readsPerSecond(), req.writesPerSecond(), req.prefixes(),
                req.prefixesNeeded(), req.iops(), req.throughputBytesPerSecond(), computeReaders, List.copyOf(steps));
    }

    /** Volumes striped together at most (RAID 0); beyond a few the instance's own EBS cap binds first. */
    static final int MAX_STRIPE = 8;

    /**
     * Volumes of type {@code t} to stripe so that their size, IOPS and throughput add up to the need
     * (1 when one volume suffices or the volume is shared by Multi-Attach), at most {@link #MAX_STRIPE};
     * the rules then judge the stripe, and the instance-cap rule the instance behind it. A volume holds
     * at most the type's maximum size (st1, sc1, gp2, io1 16 TiB), and an HDD volume sustains only its
     * per-TiB baseline at that size (sc1: 12 MiB/s × 16 TiB = 192 MiB/s, below its 250 MiB/s burst).
     */
    static int stripeNeeded(EbsVolumeType t, StorageRequirements req) {
        if (req.sharedBy() > 1) {
            return 1;
        }
        double bySize = t.maxGiB() > 0 ? req.averageDataBytes() / DataSize.GIB / t.maxGiB() : 1;
        double byIops = t.maxIops() > 0 ? req.iops() / t.maxIops() : 1;
        double sustained = StorageCost.sustainedMiBps(t);
        double byThroughput = sustained > 0 ? req.throughputBytesPerSecond() / DataSize.MIB / sustained : 1;
        return (int) Math.max(1, Math.min(MAX_STRIPE, Math.ceil(Math.max(bySize, Math.max(byIops, byThroughput)) - 1e-9)));
    }

    /**
     * With no reading instance known, which instance types can drive the block I/O asked for: the
     * per-instance EBS cap limits any volume or stripe.
     */
    private List<String> driverNote(StorageRequirements req) {
        if (reader.isPresent() || (req.iops() <= 0 && req.throughputBytesPerSecond() <= 0)) {
            return List.of();
        }
        double needMbps = req.throughputBytesPerSecond() * 8 / 1e6;
        String region = ctx.regions().get(0);
        // the cheapest on-demand price, ties by type name
        dev.mlplan.catalog.Price best = null;
        for (dev.mlplan.catalog.InstanceType t : ctx.catalog().instanceTypes()) {
            if (!t.currentGeneration() || t.hasAccelerator() || t.ebs() == null || t.ebs().maxIops() < req.iops() || t.ebs().maxMbps() < needMbps) {
                continue;
            }
            Optional<dev.mlplan.catalog.Price> p = ctx.catalog().price(region, t.name(), dev.mlplan.catalog.PricingModel.ON_DEMAND);
            if (p.isPresent() && (best == null || Double.compare(p.get().usdPerHour(), best.usdPerHour()) < 0
                    || (Double.compare(p.get().usdPerHour(), best.usdPerHour()) == 0 && p.get().instanceType().compareTo(best.instanceType()) < 0))) {
                best = p.get();
            }
        }
        if (best == null) {
            return List.of("no instance type in the catalog drives " + Fmt.count(req.iops()) + " IOPS to EBS");
        }
        return List.of("the reading instance must drive " + Fmt.count(req.iops()) + " IOPS and " + Fmt.count(needMbps)
                + " Mbps to EBS; the cheapest CPU type the catalog knows can, in " + region + ", is " + best.instanceType() + " (" + Fmt.usd(best.usdPerHour()) + "/h)");
    }

    static List<String> s3Classes(Access access) {
        return switch (access) {
            case FREQUENT -> List.of("standard");
            case INFREQUENT -> List.of("standard", "standard-ia", "onezone-ia");
            case ARCHIVE -> List.of("glacier-ir", "glacier-flexible", "deep-archive");
        };
    }

    private void planS3(Storage s, StorageRequirements req, String cls, PartCollector col) {
        String resource = "s3-" + cls;
        int prefixes = Math.max(1, req.prefixes());
        Candidate asGiven = new Candidate(Part.STORAGE, Service.S3, null, resource, prefixes, 0);
        List<Violation> vs = ctx.engine().check(facts(asGiven, req));
        List<String> notes = new ArrayList<>();
        int use = prefixes;
        if (!vs.isEmpty()) {
            col.considered(ctx.regions().size());
            col.eliminateAll(Service.S3, resource, vs);
            use = Math.max(prefixes, req.prefixesNeeded());
            if (use != prefixes) {
                notes.add("keys spread over " + use + " prefixes (" + Fmt.count(req.readsPerSecond()) + " GET/s at up to "
                        + Fmt.count(ctx.catalog().limit("s3.prefix.get-rate").value()) + " per prefix)");
            }
        }
        Optional<EbsVolumeType> staging = Optional.empty();
        StorageRequirements perInstance = onOneInstance(req);
        if (req.iops() > 0 || req.throughputBytesPerSecond() > 0) {
            staging = cheapestFeasibleVolume(perInstance);
            if (staging.isEmpty()) {
                return;
            }
            resource = resource + "+ebs";
            int stripe = stripeNeeded(staging.get(), perInstance);
            notes.add("data staged from S3 to " + (stripe == 1 ? "one " + staging.get().name() + " volume"
                    : stripe + " striped " + staging.get().name() + " volumes") + " per instance (" + req.sharedBy()
                    + (req.sharedBy() == 1 ? " instance" : " instances, each with its own copy") + ") for the block IOPS and throughput asked for");
        }
        Candidate c = new Candidate(Part.STORAGE, Service.S3, null, resource, use, 0);
        Optional<EbsVolumeType> stage = staging;
        plan(c, req, col, region -> {
            var s3 = LIFECYCLE.equals(cls) ? lifecycle(s, req, region)
                    : s.lifecycle().isEmpty() ? cost.s3(cls, req, region, reading) : overTwelveMonths(s, cls, cost.s3(cls, req, region, reading), region);
            if (stage.isEmpty()) {
                return s3;
            }
            // each reader has its own copy: priced as one reader per volume set, never as a Multi-Attached volume
            var vol = cost.ebs(stage.get(), Math.max(1, req.sharedBy()), stripeNeeded(stage.get(), perInstance), perInstance, region);
            List<CostComponent> all = new ArrayList<>(s3.components());
            all.addAll(vol.components());
            List<String> n = new ArrayList<>(s3.notes());
            n.addAll(vol.notes());
            return new InstanceCost.Priced(List.copyOf(all), s3.monthlyUsd() + vol.monthlyUsd(), 0, List.copyOf(n));
        }, notes);
    }

    /** The S3 "class" of the option that follows storage.lifecycle: written to S3 Standard, then moved as it ages. */
    static final String LIFECYCLE = "lifecycle";

    /**
     * S3 under storage.lifecycle: the 12-month average of its curve (LifecycleCost), with S3 Standard's request
     * lines; reads of data already in a colder class pay that class's request and retrieval prices, not priced here.
     */
    private InstanceCost.Priced lifecycle(Storage s, StorageRequirements req, String region) {
        var curve = new LifecycleCost(ctx.prices()).curve(s, region, "standard");
        var standard = cost.s3("standard", req, region, reading);
        List<CostComponent> all = new ArrayList<>(curve.average());
        standard.components().stream().filter(c -> !c.name().startsWith("Storage [")).forEach(all::add);
        List<String> notes = new ArrayList<>(curve.notes());
        notes.add("lifecycle: " + s.lifecycle().transitions().stream().map(t -> t.storageClass() + " after " + Fmt.count(t.afterDays()) + " days")
                .collect(java.util.stream.Collectors.joining(", ")) + "; requests at S3 Standard prices (reads of colder data pay more, not priced)");
        notes.addAll(standard.notes());
        return new InstanceCost.Priced(List.copyOf(all), CostComponent.total(all), 0, List.copyOf(notes));
    }

    /**
     * With a lifecycle to compare with, a class's storage lines as the 12-month average of its flat curve (the
     * same growth, no transitions), so that every S3 option is priced over the same year.
     */
    private InstanceCost.Priced overTwelveMonths(Storage s, String cls, InstanceCost.Priced s3, String region) {
        var curve = new LifecycleCost(ctx.prices()).flat(s, region, cls);
        List<CostComponent> all = new ArrayList<>(curve.average());
        s3.components().stream().filter(c -> !c.name().startsWith("Storage [")).forEach(all::add);
        List<String> notes = new ArrayList<>(curve.notes());
        notes.addAll(s3.notes());
        return new InstanceCost.Priced(List.copyOf(all), CostComponent.total(all), 0, List.copyOf(notes));
    }

    /**
     * The 12-month curve of the best option's data (issue 20 item 5), when it is on S3 and the data grows or
     * follows a lifecycle: [{month, dataGB, usd}, …], the storage lines only.
     */
    private Optional<List<Map<String, Object>>> months(Storage s, List<PartCollector.Draft> ranked) {
        if (ranked.isEmpty() || (s.lifecycle().isEmpty() && s.growth().bytesPerSecond() <= 0)) {
            return Optional.empty();
        }
        Option best = ranked.get(0).option();
        if (best.service() != Service.S3) {
            return Optional.empty();
        }
        String cls = best.instanceType().substring("s3-".length()).replace("+ebs", "");
        var lc = new LifecycleCost(ctx.prices());
        var curve = LIFECYCLE.equals(cls) ? lc.curve(s, best.region(), "standard") : lc.flat(s, best.region(), cls);
        return Optional.of(curve.json());
    }

    /** The storage needs of one reading instance with its own copy of the data (a staging volume). */
    private static StorageRequirements onOneInstance(StorageRequirements req) {
        return new StorageRequirements(req.dataBytes(), req.averageDataBytes(), 0, 0, 1, 1, req.iops(), req.throughputBytesPerSecond(), 1,
                req.steps());
    }

    /**
     * The cheapest volume type that can stage the data on one instance. A staging volume is read by its
     * own instance only, so {@code ebs.internet} (data served to the internet, which S3 does) does not
     * apply to it.
     */
    private Optional<EbsVolumeType> cheapestFeasibleVolume(StorageRequirements single) {
        EbsVolumeType best = null;
        double bestUsd = Double.MAX_VALUE;
        for (EbsVolumeType t : ctx.catalog().ebsVolumeTypes()) {
            int stripe = stripeNeeded(t, single);
            Candidate c = new Candidate(Part.STORAGE, Service.EBS, null, t.name(), stripe, 0);
            if (ctx.engine().check(facts(c, single)).stream().anyMatch(v -> !dev.mlplan.constraint.rules.EbsInternetRule.ID.equals(v.rule()))) {
                continue;
            }
            double usd = cost.ebs(t, 1, stripe, single, ctx.regions().get(0)).monthlyUsd();
            if (usd < bestUsd) {
                bestUsd = usd;
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    private void plan(Candidate c, StorageRequirements req, PartCollector col, Function<String, InstanceCost.Priced> pricing,
            List<String> extraNotes) {
        List<Violation> vs = ctx.engine().check(facts(c, req));
        List<String> regions = regionsFor(c.service());
        col.considered(regions.size());
        if (!vs.isEmpty()) {
            col.eliminateAll(c.service(), c.resource(), vs);
            return;
        }
        for (String region : regions) {
            // constraints.residency (residency.region): storage stays inside
            List<Violation> outside = ctx.engine().checkOffer(facts(c, req), region, PricingModel.ON_DEMAND);
            if (!outside.isEmpty()) {
                col.eliminateAll(c.service(), c.resource(), outside);
                continue;
            }
            var priced = pricing.apply(region);
            List<CostComponent> components = new ArrayList<>(priced.components());
            components.addAll(cost.transfer(ctx.workload().storage().orElseThrow().transfer(), region));
            List<String> notes = new ArrayList<>(extraNotes);
            if (computeRegion.isPresent() && !computeRegion.get().equals(region)) {
                components.addAll(cost.crossRegionReads(reading, region, computeRegion.get()));
                notes.add("in " + region + ", read from " + computeRegion.get() + " (the best compute option's region): cross-region transfer"
                        + (reading.gb() > 0 ? " on the data read" : "; no read volume given, not priced"));
            } else if (computeRegion.isPresent() && c.service() != Service.S3 && ctx.regions().size() > 1) {
                notes.add("in " + region + " with the best compute option (EBS attaches, EFS and FSx mount, only inside one region)");
            }
            double monthly = CostComponent.total(components);
            notes.addAll(priced.notes());
            col.add(new Option(0, "storage/" + c.service().id() + "/" + c.resource() + "/" + region, c.service(), c.resource(), c.count(), region,
                    PricingModel.ON_DEMAND, null, null, null, null, null, monthly, null, List.copyOf(components), List.copyOf(notes), List.of(), List.of()), null);
        }
    }

    /** EBS, EFS and FSx only in the compute's region when one is known; S3 in every region of the workload. */
    private List<String> regionsFor(Service service) {
        if (service == Service.S3 || computeRegion.isEmpty() || !ctx.regions().contains(computeRegion.get())) {
            return ctx.regions();
        }
        return List.of(computeRegion.get());
    }

    private Facts facts(Candidate c, StorageRequirements req) {
        return new Facts(ctx.workload(), ctx.catalog(), c, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(req), 0, 0, reader);
    }
}
