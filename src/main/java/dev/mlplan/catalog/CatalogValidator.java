package dev.mlplan.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a {@link CatalogDocument} before mlplan uses it: format version, identity, referential
 * integrity (instance types, accelerators, sources), positive finite prices, no duplicate
 * (region, type, pricing), and the limits and us-east-1 service prices the rules rely on.
 */
public final class CatalogValidator {
    /** Limit ids mlplan's rules read with {@link Catalog#limit(String)}. */
    public static final List<String> REQUIRED_LIMITS = List.of(
            "lambda.memory.min", "lambda.memory.max", "lambda.timeout", "lambda.ephemeral.max", "lambda.package.zip",
            "lambda.package.unzipped", "lambda.image.max", "lambda.payload.sync", "lambda.payload.async",
            "lambda.concurrency.default", "lambda.mb-per-vcpu", "lambda.vcpu.max", "lambda.model-load-factor",
            "sagemaker-serverless.memory.min", "sagemaker-serverless.memory.max", "sagemaker-serverless.concurrency.max",
            "sagemaker-serverless.payload", "sagemaker-serverless.timeout", "fargate.vcpu.max", "fargate.memory.max",
            "fargate.ephemeral.max", "s3.prefix.get-rate", "s3.prefix.put-rate", "s3.object.max", "efs.elastic.read.max",
            "efs.elastic.write.max", "efs.client.max", "spot.notice", "ebs.multi-attach.max");

    /** Service price ids every catalog has in us-east-1 (other regions fall back to us-east-1). */
    public static final List<String> REQUIRED_US_EAST_1_SERVICE_PRICES = List.of(
            "lambda.x86.gb-second", "lambda.arm.gb-second", "lambda.requests",
            "fargate.x86.vcpu-hour", "fargate.x86.gb-hour", "fargate.arm.vcpu-hour", "fargate.arm.gb-hour",
            "s3.standard.gb-month", "s3.standard.gb-month.next-450tb", "s3.standard.gb-month.over-500tb",
            "s3.standard-ia.gb-month", "s3.onezone-ia.gb-month", "s3.glacier-ir.gb-month", "s3.glacier-flexible.gb-month",
            "s3.deep-archive.gb-month", "s3.put.per-1k", "s3.get.per-1k",
            "ebs.gp3.gb-month", "ebs.gp3.iops-month", "ebs.gp3.mibps-month", "ebs.gp2.gb-month", "ebs.io1.gb-month",
            "ebs.io1.iops-month", "ebs.io2.gb-month", "ebs.io2.iops-month", "ebs.io2.iops-month.32k-64k",
            "ebs.io2.iops-month.over-64k", "ebs.st1.gb-month", "ebs.sc1.gb-month", "efs.standard.gb-month",
            "fsx-lustre.persistent-2-125.gb-month", "transfer.cross-az.gb", "transfer.cross-region.gb", "transfer.internet.gb");

    /** EBS volume types the storage rules compare. */
    public static final List<String> REQUIRED_EBS_VOLUME_TYPES = List.of("gp2", "gp3", "io1", "io2", "st1", "sc1");

    private static final int EXAMPLES_PER_PROBLEM = 3;
    private static final int PROBLEMS_SHOWN = 8;

    private CatalogValidator() {}

    /**
     * @param name how to name the catalog in the message (resource or path)
     * @throws CatalogException listing the first problems, each with its count and examples
     */
    public static void validate(CatalogDocument doc, String name) {
        List<String> problems = problems(doc);
        if (!problems.isEmpty()) {
            throw new CatalogException("catalog " + name + " is inconsistent: " + String.join("; ", problems));
        }
    }

    /** Like {@link #validate(CatalogDocument, String)}, naming the catalog by its id. */
    public static void validate(CatalogDocument doc) {
        validate(doc, doc == null || doc.id() == null ? "(no id)" : doc.id());
    }

    /** The problems found, grouped by kind ("3 prices ≤ 0 or not a number, e.g. …"); empty when valid. */
    public static List<String> problems(CatalogDocument doc) {
        return check(doc).summary();
    }

    /**
     * How many problems of each kind ("required limits missing" → 29); empty when valid. Lets a caller
     * that starts from a catalog it did not load itself ask whether a change added problems.
     */
    public static Map<String, Integer> problemCounts(CatalogDocument doc) {
        return Map.copyOf(check(doc).counts);
    }

    private static Problems check(CatalogDocument doc) {
        Problems p = new Problems();
        if (doc == null) {
            p.add("document", "the catalog is empty");
            return p;
        }
        if (doc.formatVersion() != CatalogDocument.FORMAT_VERSION) {
            p.add("format version", "format version " + doc.formatVersion() + ", expected " + CatalogDocument.FORMAT_VERSION);
        }
        if (blank(doc.id())) {
            p.add("id", "no catalog id");
        }
        if (blank(doc.pricesAsOf())) {
            p.add("pricesAsOf", "no pricesAsOf date");
        }
        Set<String> sources = new HashSet<>();
        for (Source s : list(doc.sources())) {
            if (s == null || blank(s.id())) {
                p.add("source without an id", String.valueOf(s));
            } else if (!sources.add(s.id())) {
                p.add("duplicate source ids", s.id());
            }
        }
        Map<String, Accelerator> accelerators = index(list(doc.accelerators()), Accelerator::name, p, "accelerators");
        for (Accelerator a : accelerators.values()) {
            checkSource(p, sources, a.source(), "accelerator " + a.name());
            checkSpecs(p, a);
        }
        Map<String, InstanceType> types = index(list(doc.instanceTypes()), InstanceType::name, p, "instance types");
        for (InstanceType t : types.values()) {
            checkSource(p, sources, t.source(), "instance type " + t.name());
            if (t.accelerators() != null) {
                String acc = t.accelerators().name();
                if (acc == null || !accelerators.containsKey(acc)) {
                    p.add("instance types whose accelerator has no specs in 'accelerators'", t.name() + " (" + acc + ")");
                }
                if (t.accelerators().count() <= 0 || !positive(t.accelerators().memoryGiB())) {
                    p.add("instance types with accelerators but no count or memory", t.name() + " (" + t.accelerators().count() + " x, "
                            + t.accelerators().memoryGiB() + " GiB)");
                }
            }
        }
        Set<String> priceKeys = new HashSet<>();
        for (Price pr : list(doc.prices())) {
            String where = pr.region() + "/" + pr.instanceType() + "/" + (pr.pricing() == null ? "?" : pr.pricing().id());
            if (!types.containsKey(pr.instanceType())) {
                p.add("prices for an unknown instance type", where);
            }
            if (blank(pr.region()) || pr.pricing() == null) {
                p.add("prices without region or pricing model", where);
            }
            if (!(pr.usdPerHour() > 0) || Double.isInfinite(pr.usdPerHour())) {
                p.add("prices <= 0 or not a number", where + " = " + pr.usdPerHour());
            }
            if (!(pr.upfrontUsd() >= 0) || Double.isInfinite(pr.upfrontUsd())) {
                p.add("negative or non-numeric upfront payments", where + " = " + pr.upfrontUsd());
            }
            checkSource(p, sources, pr.source(), "price " + where);
            if (!priceKeys.add(where)) {
                p.add("duplicate (region, type, pricing) prices", where);
            }
        }
        Set<String> spotKeys = new HashSet<>();
        for (SpotInfo s : list(doc.spot())) {
            String where = s.region() + "/" + s.instanceType();
            if (!types.containsKey(s.instanceType())) {
                p.add("spot infos for an unknown instance type", where);
            }
            if (!spotKeys.add(where)) {
                p.add("duplicate (region, type) spot infos", where);
            }
            for (Double d : new Double[] {s.avgUsdPerHour(), s.minUsdPerHour()}) {
                if (d != null && (!(d > 0) || d.isInfinite())) {
                    p.add("spot prices <= 0 or not a number", where + " = " + d);
                }
            }
            if (s.avgUsdPerHour() != null || s.minUsdPerHour() != null) {
                checkSource(p, sources, s.priceSource(), "spot price " + where);
            }
            if (s.interruptionBucket() != null) {
                checkSource(p, sources, s.interruptionSource(), "spot interruption " + where);
            }
        }
        Map<String, Limit> limits = index(list(doc.limits()), Limit::id, p, "limits");
        for (Limit l : limits.values()) {
            checkSource(p, sources, l.source(), "limit " + l.id());
            if (!(l.value() > 0) || Double.isInfinite(l.value())) {
                p.add("limits <= 0 or not a number", l.id() + " = " + l.value());
            }
        }
        for (String id : REQUIRED_LIMITS) {
            if (!limits.containsKey(id)) {
                p.add("required limits missing", id);
            }
        }
        Set<String> serviceKeys = new HashSet<>();
        for (ServicePrice s : list(doc.servicePrices())) {
            String where = s.id() + "@" + s.region();
            if (!serviceKeys.add(s.id() + "|" + s.region())) {
                p.add("duplicate (id, region) service prices", where);
            }
            if (!(s.usd() > 0) || Double.isInfinite(s.usd())) {
                p.add("service prices <= 0 or not a number", where + " = " + s.usd());
            }
            checkSource(p, sources, s.source(), "service price " + where);
        }
        for (String id : REQUIRED_US_EAST_1_SERVICE_PRICES) {
            if (!serviceKeys.contains(id + "|us-east-1")) {
                p.add("required us-east-1 service prices missing", id);
            }
        }
        Map<String, EbsVolumeType> ebs = index(list(doc.ebsVolumeTypes()), EbsVolumeType::name, p, "EBS volume types");
        for (EbsVolumeType e : ebs.values()) {
            checkSource(p, sources, e.source(), "EBS volume type " + e.name());
        }
        for (String name : REQUIRED_EBS_VOLUME_TYPES) {
            if (!ebs.containsKey(name)) {
                p.add("required EBS volume types missing", name);
            }
        }
        return p;
    }

    /** Kinds of accelerator the estimators know. */
    public static final List<String> ACCELERATOR_KINDS = List.of("gpu", "trainium", "inferentia");

    /** The figures the estimators divide by are positive, utilisations are fractions, the rest are not negative. */
    private static void checkSpecs(Problems p, Accelerator a) {
        String kind = "accelerators without complete specs (memory, bandwidth, BF16 TFLOPS > 0; MFU, MBU in (0, 1]; others >= 0)";
        List<String> bad = new ArrayList<>();
        if (a.kind() == null || !ACCELERATOR_KINDS.contains(a.kind())) {
            bad.add("kind=" + a.kind());
        }
        Map<String, Double> positive = new LinkedHashMap<>();
        positive.put("memoryGiB", a.memoryGiB());
        positive.put("bandwidthGBs", a.bandwidthGBs());
        positive.put("bf16Tflops", a.bf16Tflops());
        positive.forEach((k, v) -> {
            if (!positive(v)) {
                bad.add(k + "=" + v);
            }
        });
        if (!fraction(a.defaultMfu())) {
            bad.add("defaultMfu=" + a.defaultMfu());
        }
        if (!fraction(a.defaultMbu())) {
            bad.add("defaultMbu=" + a.defaultMbu());
        }
        Map<String, Double> notNegative = new LinkedHashMap<>();
        notNegative.put("fp32Tflops", a.fp32Tflops());
        notNegative.put("fp8Tflops", a.fp8Tflops());
        notNegative.put("int8Tops", a.int8Tops());
        notNegative.put("tdpWatts", a.tdpWatts());
        notNegative.forEach((k, v) -> {
            if (!notNegative(v)) {
                bad.add(k + "=" + v);
            }
        });
        if (!bad.isEmpty()) {
            p.add(kind, a.name() + " (" + String.join(", ", bad) + ")");
        }
    }

    private static boolean positive(double d) {
        return d > 0 && !Double.isInfinite(d);
    }

    private static boolean notNegative(double d) {
        return d >= 0 && !Double.isInfinite(d);
    }

    private static boolean fraction(double d) {
        return d > 0 && d <= 1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static void checkSource(Problems p, Set<String> sources, String id, String what) {
        if (blank(id)) {
            p.add("figures without a source", what);
        } else if (!sources.contains(id)) {
            p.add("references to unknown source ids", what + " -> " + id);
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key, Problems p, String what) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T item : items) {
            String k = item == null ? null : key.apply(item);
            if (blank(k)) {
                p.add(what + " without a name", String.valueOf(item));
            } else if (m.putIfAbsent(k, item) != null) {
                p.add("duplicate " + what, k);
            }
        }
        return m;
    }

    /** Problems grouped by kind, keeping a count and the first few examples of each. */
    private static final class Problems {
        private final Map<String, List<String>> examples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String kind, String example) {
            counts.merge(kind, 1, Integer::sum);
            List<String> ex = examples.computeIfAbsent(kind, k -> new ArrayList<>());
            if (ex.size() < EXAMPLES_PER_PROBLEM) {
                ex.add(example);
            }
        }

        List<String> summary() {
            List<String> out = examples.entrySet().stream()
                    .limit(PROBLEMS_SHOWN)
                    .map(e -> counts.get(e.getKey()) + " " + e.getKey() + ", e.g. " + String.join(", ", e.getValue())
                            + (counts.get(e.getKey()) > e.getValue().size() ? ", …" : ""))
                    .collect(Collectors.toCollection(ArrayList::new));
            if (examples.size() > PROBLEMS_SHOWN) {
                out.add("and " + (examples.size() - PROBLEMS_SHOWN) + " more kinds of problem");
            }
            return out;
        }
    }
}
