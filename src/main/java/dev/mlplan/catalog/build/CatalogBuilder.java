package dev.mlplan.catalog.build;

import static dev.mlplan.catalog.build.ReferenceCsv.number;
import static dev.mlplan.catalog.build.ReferenceCsv.text;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogJson;
import dev.mlplan.catalog.CatalogValidator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.SpotInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the embedded catalog ({@code aws-catalog.json}) from the reference CSVs in
 * {@code ../shared/reference}. Deterministic: the same input gives byte-identical output.
 *
 * <p>Precedence (newest first):
 *
 * <ul>
 *   <li>on-demand: Karpenter (2026-07-20; us-east-1, us-gov-east-1, us-gov-west-1) &gt;
 *       ec2instances.info platform linux (2025-11-30) &gt; aws-price-watcher (2025-11-20). Local
 *       and Wavelength Zones and China regions are skipped; prices &le; 0 are never written.
 *   <li>spot: ec2instances.info average and minimum; minimum falls back to the SkyPilot excerpt's
 *       lowest AZ; interruption bucket and savings from ec2instances.info's advisor (~2025-11-30),
 *       else spotinfo (2025-06-28). An advisor entry without a spot price gives an estimated
 *       average = on-demand &times; (1 &minus; savings).
 *   <li>reserved: ec2instances.info platform linux, effective hourly rate; upfront fee derived from it ({@link #upfrontUsd}).
 *   <li>savings plans: estimated from the no-upfront RI rates (see {@link Sources#EST_SAVINGS_PLANS}).
 *   <li>service prices: the reference price files per region; docs/limits.md fills us-east-1 gaps.
 * </ul>
 */
public final class CatalogBuilder {
    public static final String CATALOG_ID = "aws-2026-07";
    public static final String PRICES_AS_OF = "2026-07-20";
    public static final String DESCRIPTION = "AWS instance, spot, reserved and service prices and limits from public snapshots:"
            + " Karpenter pricing 2026-07-20 (us-east-1, us-gov), ec2instances.info 2025-11-30, AWS pricing-page JSON"
            + " 2024-07..2025-12 (aws-price-watcher, ec2.shop), Spot Instance Advisor 2025-06/2025-11, docs/limits.md; Savings Plans"
            + " and some spot averages estimated (rules in the sources)";

    /** Families AWS lists as previous generation (for types whose generation no source states). */
    static final Set<String> PREVIOUS_GENERATION_FAMILIES = Set.of("c1", "c3", "g2", "i2", "m1", "m2", "m3", "r3", "t1");

    /** Types left out on purpose, with the reason (see the source notes). */
    static final Map<String, String> EXCLUDED_TYPES = Map.of(
            "p6e-gb200.36xlarge", "ec2instances.info lists UltraServer-level figures (36 GPUs) for the instance, no price");

    private static final String US_EAST_1 = "us-east-1";

    private final Path ref;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> skipped = new TreeMap<>();

    public CatalogBuilder(Path referenceDir) {
        this.ref = referenceDir;
    }

    /** Things the builder noticed (disagreements, skipped rows); for the console, not the catalog. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        skipped.forEach((k, v) -> all.add("skipped " + v + " rows: " + k));
        return all;
    }

    private void skip(String why) {
        skipped.merge(why, 1, Integer::sum);
    }

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d+");

    /**
     * A commercial or GovCloud region code (us-east-1, us-gov-west-1); not a Local or Wavelength
     * Zone (us-east-1-atl-1, us-east-1-wl1), not China (CNY prices), not empty.
     */
    static boolean isRegion(String region) {
        return region != null && !region.startsWith("cn-") && REGION.matcher(region).matches();
    }

    private List<Map<String, String>> csv(String relative) {
        return ReferenceCsv.read(ref.resolve(relative));
    }

    public CatalogDocument build() {
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        StaticFacts.accelerators().forEach(a -> accelerators.put(a.name(), a));

        Map<String, InstanceType> types = instanceTypes(accelerators);
        Map<String, Price> prices = new HashMap<>();
        Map<String, Price> onDemand = onDemand(types.keySet());
        prices.putAll(onDemand);
        Map<String, Price> reserved = reserved(types.keySet());
        prices.putAll(reserved);
        prices.putAll(savingsPlans(reserved));
        List<SpotInfo> spot = new ArrayList<>();
        prices.putAll(spot(types.keySet(), onDemand, spot));
        for (Price block : StaticFacts.capacityBlockPrices()) {
            if (types.containsKey(block.instanceType())) {
                prices.put(block.region() + '|' + block.instanceType() + '|' + block.pricing().id(), block);
            }
        }

        List<Price> priceList = new ArrayList<>(prices.values());
        priceList.sort(Comparator.comparing(Price::instanceType)
                .thenComparing(Price::region)
                .thenComparing(p -> p.pricing().ordinal()));
        spot.sort(Comparator.comparing(SpotInfo::instanceType).thenComparing(SpotInfo::region));
        List<InstanceType> typeList = new ArrayList<>(types.values());
        typeList.sort(Comparator.comparing(InstanceType::name));

        return new CatalogDocument(
                CatalogDocument.FORMAT_VERSION,
                CATALOG_ID,
                PRICES_AS_OF,
                DESCRIPTION,
                Sources.all(),
                List.copyOf(accelerators.values()),
                typeList,
                priceList,
                spot,
                StaticFacts.limits(),
                withSageMaker(servicePrices(), onDemand),
                StaticFacts.ebsVolumeTypes());
    }

    /** Instance families SageMaker sells as ml.* for training and real-time hosting. */
    static final Set<String> SAGEMAKER_FAMILIES = Set.of("c5", "c6i", "c7i", "m5", "m6i", "m7i", "r5", "g4dn", "g5", "g6", "g6e", "p3", "p3dn",
            "p4d", "p4de", "p5", "p5e", "p5en", "trn1", "trn1n", "inf1", "inf2");

    /**
     * SageMaker training and hosting prices: the published us-east-1 price where one is known
     * ({@link Sources#SAGEMAKER_PUBLISHED}); for such a type in another region, that price scaled by the
     * region's EC2 price ({@link Sources#EST_SAGEMAKER_REGIONAL}); otherwise estimated (rule in
     * {@link Sources#EST_SAGEMAKER}): the EC2 on-demand price times SageMaker's markup, as the
     * Studio-notebook price list shows it for the same type and region, else the family's median
     * markup, else the median of all.
     */
    private List<ServicePrice> withSageMaker(List<ServicePrice> base, Map<String, Price> onDemand) {
        Map<String, Double> notebook = new HashMap<>();
        Set<String> smRegions = new java.util.TreeSet<>();
        for (Map<String, String> row : csv("aws-price-watcher/sagemaker_studio_notebook_prices.csv")) {
            Double usd = number(row, "usd_per_hour");
            String region = text(row, "region");
            if (usd != null && usd > 0 && isRegion(region)) {
                notebook.put(region + '|' + text(row, "instance_type"), usd);
                smRegions.add(region);
            }
        }
        Map<String, List<Double>> familyMarkups = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        for (var e : notebook.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Price ec2 = onDemand.get(k[0] + '|' + k[1].substring(3) + '|' + PricingModel.ON_DEMAND.id());
            if (ec2 != null && ec2.usdPerHour() > 0) {
                double m = e.getValue() / ec2.usdPerHour();
                familyMarkups.computeIfAbsent(k[1].substring(3, k[1].indexOf('.', 3)), f -> new ArrayList<>()).add(m);
                all.add(m);
            }
        }
        double globalMedian = median(all);
        List<ServicePrice> out = new ArrayList<>(base);
        for (Price p : onDemand.values()) {
            String family = p.instanceType().substring(0, p.instanceType().indexOf('.'));
            if (!SAGEMAKER_FAMILIES.contains(family) || !smRegions.contains(p.region()) || p.instanceType().contains("metal")) {
                continue;
            }
            Double published = StaticFacts.sageMakerUsEast1().get(p.instanceType());
            Price ec2UsEast1 = onDemand.get(US_EAST_1 + '|' + p.instanceType() + '|' + PricingModel.ON_DEMAND.id());
            double usd;
            String source;
            if (published != null && p.region().equals(US_EAST_1)) {
                usd = published;
                source = Sources.SAGEMAKER_PUBLISHED;
            } else if (published != null && ec2UsEast1 != null && ec2UsEast1.usdPerHour() > 0) {
                usd = round(published * p.usdPerHour() / ec2UsEast1.usdPerHour());
                source = Sources.EST_SAGEMAKER_REGIONAL;
            } else {
                Double own = notebook.get(p.region() + "|ml." + p.instanceType());
                double markup = own != null ? own / p.usdPerHour()
                        : familyMarkups.containsKey(family) ? median(familyMarkups.get(family)) : globalMedian;
                usd = round(p.usdPerHour() * Math.max(1.0, markup));
                source = Sources.EST_SAGEMAKER;
            }
            out.add(new ServicePrice("sagemaker.training.ml." + p.instanceType() + ".hour", p.region(), usd, "hour", source));
            out.add(new ServicePrice("sagemaker.hosting.ml." + p.instanceType() + ".hour", p.region(), usd, "hour", source));
        }
        out.add(new ServicePrice("sagemaker-serverless.gb-second", US_EAST_1, 0.00002, "GB-second", Sources.EST_SM_SERVERLESS));
        out.sort(Comparator.comparing(ServicePrice::id).thenComparing(ServicePrice::region));
        return out;
    }

    private static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return 1.0;
        }
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    // ---------------------------------------------------------------- instance types

    private Map<String, InstanceType> instanceTypes(Map<String, Accelerator> accelerators) {
        Map<String, Map<String, String>> ei = byType(csv("ec2instances-info-gpu/instance_types.csv"));
        Map<String, Map<String, String>> describe = byType(csv("karpenter-provider-aws/instance_types_detail_fake_describe.csv"));
        Map<String, InstanceType> types = new TreeMap<>();
        for (Map<String, String> row : csv("karpenter-provider-aws/instance_types.csv")) {
            String name = text(row, "instance_type");
            String family = text(row, "family");
            Map<String, String> eiRow = ei.get(name);
            boolean current = eiRow != null
                    ? "current".equals(text(eiRow, "generation"))
                    : !PREVIOUS_GENERATION_FAMILIES.contains(family);
            String source = text(row, "source_doc").startsWith("v1.12") ? Sources.KARPENTER_TYPES_V112 : Sources.KARPENTER_TYPES;
            types.put(name, new InstanceType(
                    name,
                    family,
                    arch(text(row, "arch")),
                    (int) number(row, "vcpus", 0),
                    number(row, "memory_mib", 0) / 1024.0,
                    karpenterAccelerators(name, row, accelerators),
                    ebs(name, describe.get(name), eiRow, number(row, "ebs_bandwidth_mbps", 0)),
                    number(row, "network_bandwidth_mbps", 0) / 1000.0,
                    (int) number(row, "efa_interfaces", 0),
                    current,
                    source));
        }
        for (Map.Entry<String, Map<String, String>> e : ei.entrySet()) {
            String name = e.getKey();
            if (types.containsKey(name)) {
                continue;
            }
            if (EXCLUDED_TYPES.containsKey(name)) {
                warnings.add("left out " + name + ": " + EXCLUDED_TYPES.get(name));
                continue;
            }
            Map<String, String> row = e.getValue();
            types.put(name, new InstanceType(
                    name,
                    name.substring(0, name.indexOf('.')),
                    arch(text(row, "arch")),
                    (int) number(row, "vcpus", 0),
                    number(row, "memory_gib", 0),
                    eiAccelerators(name, row, accelerators),
                    ebs(name, null, row, 0),
                    networkGbps(text(row, "network_performance")),
                    0,
                    "current".equals(text(row, "generation")),
                    Sources.EI_TYPES));
        }
        return types;
    }

    private static Map<String, Map<String, String>> byType(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> m = new TreeMap<>();
        rows.forEach(r -> m.put(text(r, "instance_type"), r));
        return m;
    }

    private static String arch(String a) {
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64" -> "arm64";
            default -> a;
        };
    }

    private static final Pattern GIGABIT = Pattern.compile("(\\d+(?:\\.\\d+)?) Gigabit");

    /** "25 Gigabit" gives 25; "High", "Moderate" give 0 (unknown). */
    static double networkGbps(String text) {
        Matcher m = GIGABIT.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private InstanceType.Accelerators karpenterAccelerators(String type, Map<String, String> row, Map<String, Accelerator> table) {
        String gpu = text(row, "gpu_name");
        if (!gpu.isEmpty()) {
            int count = (int) number(row, "gpu_count", 0);
            double perGpuMiB = number(row, "gpu_memory_mib_per_gpu", 0);
            String key = gpuKey(gpu, perGpuMiB);
            if (count <= 0) {
                // a fraction of a GPU (g6f, gr6f): Karpenter, like EC2, lists a GPU count of 0 and the fraction's memory
                var fraction = key == null ? java.util.Optional.<Accelerator>empty() : Accelerator.fractionOf(key, perGpuMiB, table.values());
                if (fraction.isEmpty()) {
                    warnings.add(type + ": " + gpu + " with " + (long) perGpuMiB + " MiB and a GPU count of 0 is no fraction in the accelerator"
                            + " table; type kept without an accelerator entry");
                    return null;
                }
                return new InstanceType.Accelerators(fraction.get().name(), 1, fraction.get().memoryGiB());
            }
            if (key == null) {
                warnings.add(type + ": GPU '" + gpu + "' has no accelerator specs; type kept without an accelerator entry");
                return null;
            }
            // the accelerator table is the one figure of a chip's memory; the reference must agree with it
            double tableMiB = table.get(key).memoryGiB() * 1024.0;
            if (perGpuMiB > 0 && Math.abs(perGpuMiB - tableMiB) > 0.5) {
                warnings.add(type + ": " + gpu + " reports " + (long) perGpuMiB + " MiB per GPU, the accelerator table "
                        + (long) tableMiB + " MiB; the table's figure is used");
            }
            return new InstanceType.Accelerators(key, count, count * table.get(key).memoryGiB());
        }
        String neuron = text(row, "accelerator_name");
        if (!neuron.isEmpty()) {
            int count = (int) number(row, "accelerator_count", 0);
            String key = switch (neuron) {
                case "inferentia" -> "Inferentia1";
                case "inferentia2" -> "Inferentia2";
                case "trainium" -> "Trainium1";
                case "trainium2" -> "Trainium2";
                default -> null;
            };
            if (key == null || count <= 0) {
                warnings.add(type + ": accelerator '" + neuron + "' has no accelerator specs; type kept without an accelerator entry");
                return null;
            }
            return new InstanceType.Accelerators(key, count, count * table.get(key).memoryGiB());
        }
        return null;
    }

    /** Karpenter GPU name (and per-GPU MiB, to tell memory variants apart) to the accelerator key. */
    static String gpuKey(String karpenterName, double perGpuMiB) {
        return switch (karpenterName) {
            case "v100" -> perGpuMiB >= 32768 ? "V100-32GB" : "V100";
            case "a100" -> perGpuMiB >= 81920 ? "A100-80GB" : "A100-40GB";
            case "t4" -> "T4";
            case "t4g" -> "T4G";
            case "a10g" -> "A10G";
            case "l4" -> "L4";
            case "l40s" -> "L40S";
            case "h100" -> "H100";
            case "h200" -> "H200";
            case "b200" -> "B200";
            case "b300" -> "B300";
            case "radeon-pro-v520" -> "Radeon-Pro-V520";
            case "rtx-pro-4500" -> "RTX-PRO-4500";
            case "rtx-pro-server-6000" -> "RTX-PRO-6000";
            default -> null; // gaudi-hl-205 (dl1) and anything new: no specs
        };
    }

    private InstanceType.Accelerators eiAccelerators(String type, Map<String, String> row, Map<String, Accelerator> table) {
        String model = text(row, "gpu_model");
        int count = (int) number(row, "gpu_count", 0);
        if (model.isEmpty() || count <= 0) {
            return null;
        }
        String key = switch (model) {
            case "NVIDIA Tesla K80" -> "K80";
            case "NVIDIA Tesla M60" -> "M60";
            case "NVIDIA GRID K520" -> "K520";
            default -> null;
        };
        if (key == null || !table.containsKey(key)) {
            warnings.add(type + ": GPU '" + model + "' has no accelerator specs; type kept without an accelerator entry");
            return null;
        }
        return new InstanceType.Accelerators(key, count, number(row, "gpu_memory_gib_total_as_listed", 0));
    }

    /** EBS caps that docs/limits.md (EBS) quotes from AWS's EBS-optimized page (baseline Mbps, max Mbps, baseline IOPS, max IOPS). */
    static final Map<String, InstanceType.Ebs> LIMITS_MD_EBS = Map.of(
            "p4d.24xlarge", new InstanceType.Ebs(19000, 19000, 80000, 80000),
            "p5.48xlarge", new InstanceType.Ebs(80000, 80000, 260000, 260000),
            "trn1.32xlarge", new InstanceType.Ebs(80000, 80000, 260000, 260000),
            "trn2.48xlarge", new InstanceType.Ebs(80000, 80000, 260000, 260000),
            "p6-b200.48xlarge", new InstanceType.Ebs(100000, 100000, 400000, 400000),
            "g5.xlarge", new InstanceType.Ebs(700, 3500, 3000, 15000),
            "g6.xlarge", new InstanceType.Ebs(1000, 5000, 4000, 20000),
            "inf2.xlarge", new InstanceType.Ebs(1250, 10000, 6000, 40000));

    private InstanceType.Ebs ebs(String type, Map<String, String> describe, Map<String, String> ei, double karpenterMaxMbps) {
        InstanceType.Ebs found = null;
        if (describe != null && number(describe, "ebs_max_bandwidth_mbps", 0) > 0) {
            found = new InstanceType.Ebs(
                    number(describe, "ebs_baseline_bandwidth_mbps", 0),
                    number(describe, "ebs_max_bandwidth_mbps", 0),
                    number(describe, "ebs_baseline_iops", 0),
                    number(describe, "ebs_max_iops", 0));
        } else if (ei != null && number(ei, "ebs_max_bandwidth_mbps", 0) > 0) {
            found = new InstanceType.Ebs(
                    number(ei, "ebs_baseline_bandwidth_mbps", 0),
                    number(ei, "ebs_max_bandwidth_mbps", 0),
                    number(ei, "ebs_baseline_iops", 0),
                    number(ei, "ebs_max_iops", 0));
        }
        InstanceType.Ebs limitsMd = LIMITS_MD_EBS.get(type);
        if (found != null && limitsMd != null && !found.equals(limitsMd)) {
            warnings.add(type + ": EBS caps " + found + " differ from docs/limits.md " + limitsMd + "; kept the reference file's");
        }
        if (found == null) {
            found = limitsMd;
        }
        if (found == null && karpenterMaxMbps > 0) {
            found = new InstanceType.Ebs(karpenterMaxMbps, karpenterMaxMbps, 0, 0);
        }
        return found;
    }

    // ---------------------------------------------------------------- prices

    private static String key(String region, String type) {
        return region + '|' + type;
    }

    private static String key(String region, String type, PricingModel pricing) {
        return region + '|' + type + '|' + pricing.id();
    }

    private Map<String, Price> onDemand(Set<String> types) {
        Map<String, Price> od = new HashMap<>();
        addOnDemand(od, types, csv("karpenter-provider-aws/ondemand_prices.csv"), null, Sources.KARPENTER_PRICES, "karpenter");
        addOnDemand(od, types, csv("ec2instances-info-gpu/ondemand_prices.csv"), "linux", Sources.EI_ONDEMAND, "ec2instances.info");
        addOnDemand(od, types, csv("aws-price-watcher/ec2_ondemand_linux_all_regions.csv"), null, Sources.PW_EC2, "aws-price-watcher");
        return od;
    }

    private void addOnDemand(Map<String, Price> od, Set<String> types, List<Map<String, String>> rows, String platform,
            String source, String label) {
        for (Map<String, String> row : rows) {
            if (platform != null && !platform.equals(text(row, "platform"))) {
                continue;
            }
            String region = text(row, "region");
            String type = text(row, "instance_type");
            Double usd = number(row, "usd_per_hour");
            if (!isRegion(region)) {
                skip(label + " on-demand: not a region (Local/Wavelength Zone, China or unmapped): " + (region.isEmpty() ? "''" : "zone"));
                continue;
            }
            if (!types.contains(type)) {
                skip(label + " on-demand: type not in the catalog (no specs)");
                continue;
            }
            if (usd == null || !(usd > 0)) {
                skip(label + " on-demand: price missing or 0");
                continue;
            }
            od.putIfAbsent(key(region, type, PricingModel.ON_DEMAND),
                    new Price(region, type, PricingModel.ON_DEMAND, usd, 0, source));
        }
    }

    private Map<String, Price> reserved(Set<String> types) {
        Map<String, Price> out = new HashMap<>();
        for (Map<String, String> row : csv("ec2instances-info-gpu/reserved_prices.csv")) {
            if (!"linux".equals(text(row, "platform"))) {
                continue;
            }
            String region = text(row, "region");
            String type = text(row, "instance_type");
            if (!isRegion(region) || !types.contains(type)) {
                skip("ec2instances.info reserved: zone or type not in the catalog");
                continue;
            }
            PricingModel model = reservedModel(text(row, "term_years"), text(row, "offering_class"), text(row, "purchase_option"));
            Double usd = number(row, "effective_usd_per_hour");
            if (usd == null || !(usd > 0)) {
                skip("ec2instances.info reserved: price missing or 0");
                continue;
            }
            Price prev = out.put(key(region, type, model), new Price(region, type, model, usd, upfrontUsd(model, usd), Sources.EI_RESERVED));
            if (prev != null) {
                warnings.add("duplicate reserved row " + key(region, type, model));
            }
        }
        return out;
    }

    /**
     * The upfront fee of one reserved instance, from the effective hourly rate (the source has no fee):
     * all upfront pays the whole term at purchase (effective rate × years × 8,760 h; no recurring
     * fee); no upfront pays nothing; partial upfront is estimated at half the term's cost, the split of
     * AWS's published fees (p4d.24xlarge us-east-1, 1-year standard: $56,030 up front + $6.396/h ×
     * 8,760 h = $56,029; docs/limits.md, Pricing policy). To the dollar, as AWS's fees are ($56,030, $109,822;
     * the rate's six decimals make the term's product off by at most 3 cents). {@code catalog refresh} reads
     * the real fee from the Price List.
     */
    static double upfrontUsd(PricingModel model, double effectiveUsdPerHour) {
        double term = effectiveUsdPerHour * model.termYears() * 8760;
        double fee = model.name().endsWith("ALL_UPFRONT") ? term : model.name().endsWith("PARTIAL_UPFRONT") ? term / 2 : 0;
        return Math.round(fee);
    }

    static PricingModel reservedModel(String termYears, String offeringClass, String purchaseOption) {
        String name = "RESERVED_" + termYears + "Y_" + ("convertible".equals(offeringClass) ? "CONVERTIBLE_" : "")
                + purchaseOption.toUpperCase(Locale.ROOT);
        return PricingModel.valueOf(name);
    }

    private static Map<String, Price> savingsPlans(Map<String, Price> reserved) {
        Map<PricingModel, PricingModel> rule = new LinkedHashMap<>();
        rule.put(PricingModel.RESERVED_1Y_CONVERTIBLE_NO_UPFRONT, PricingModel.SAVINGS_PLAN_COMPUTE_1Y);
        rule.put(PricingModel.RESERVED_3Y_CONVERTIBLE_NO_UPFRONT, PricingModel.SAVINGS_PLAN_COMPUTE_3Y);
        rule.put(PricingModel.RESERVED_1Y_NO_UPFRONT, PricingModel.SAVINGS_PLAN_INSTANCE_1Y);
        rule.put(PricingModel.RESERVED_3Y_NO_UPFRONT, PricingModel.SAVINGS_PLAN_INSTANCE_3Y);
        Map<String, Price> out = new HashMap<>();
        for (Price p : reserved.values()) {
            PricingModel sp = rule.get(p.pricing());
            if (sp != null) {
                out.put(key(p.region(), p.instanceType(), sp),
                        new Price(p.region(), p.instanceType(), sp, p.usdPerHour(), 0, Sources.EST_SAVINGS_PLANS));
            }
        }
        return out;
    }

    private Map<String, Price> spot(Set<String> types, Map<String, Price> onDemand, List<SpotInfo> infos) {
        Map<String, Map<String, String>> eiSpot = new HashMap<>();
        for (Map<String, String> row : csv("ec2instances-info-gpu/spot_prices.csv")) {
            if ("linux".equals(text(row, "platform"))) {
                eiSpot.put(key(text(row, "region"), text(row, "instance_type")), row);
            }
        }
        Map<String, Map<String, String>> eiAdvisor = new HashMap<>();
        for (Map<String, String> row : csv("ec2instances-info-gpu/spot_advisor.csv")) {
            if ("linux".equals(text(row, "platform"))) {
                eiAdvisor.put(key(text(row, "region"), text(row, "instance_type")), row);
            }
        }
        Map<String, Map<String, String>> spotinfo = new HashMap<>();
        for (Map<String, String> row : csv("spotinfo-spot-advisor/spot_advisor.csv")) {
            if ("Linux".equals(text(row, "os"))) {
                spotinfo.put(key(text(row, "region"), text(row, "instance_type")), row);
            }
        }
        Map<String, Double> skypilotMin = new HashMap<>();
        for (Map<String, String> row : csv("skypilot-catalog/vms.excerpt.csv")) {
            Double s = number(row, "SpotPrice");
            if (s != null && s > 0) {
                skypilotMin.merge(key(text(row, "Region"), text(row, "InstanceType")), s, Math::min);
            }
        }

        Set<String> pairs = new TreeSet<>();
        pairs.addAll(eiSpot.keySet());
        pairs.addAll(eiAdvisor.keySet());
        pairs.addAll(spotinfo.keySet());
        Map<String, Price> out = new HashMap<>();
        for (String pair : pairs) {
            String region = pair.substring(0, pair.indexOf('|'));
            String type = pair.substring(pair.indexOf('|') + 1);
            if (!isRegion(region) || !types.contains(type)) {
                skip("spot/advisor: zone or type not in the catalog");
                continue;
            }
            String bucket = null;
            Integer savings = null;
            String advisorSource = null;
            Map<String, String> adv = eiAdvisor.get(pair);
            if (adv != null) {
                bucket = text(adv, "interruption_frequency");
                savings = (int) number(adv, "savings_vs_ondemand_pct", 0);
                advisorSource = Sources.EI_ADVISOR;
            } else if ((adv = spotinfo.get(pair)) != null) {
                bucket = text(adv, "interruption_frequency");
                savings = (int) number(adv, "savings_vs_ondemand_pct", 0);
                advisorSource = Sources.SPOTINFO_ADVISOR;
            }
            Double avg = null;
            Double min = null;
            String priceSource = null;
            Map<String, String> sp = eiSpot.get(pair);
            Price od = onDemand.get(key(region, type, PricingModel.ON_DEMAND));
            if (sp != null && number(sp, "spot_avg_usd_per_hour") != null && number(sp, "spot_avg_usd_per_hour") > 0) {
                avg = number(sp, "spot_avg_usd_per_hour");
                min = number(sp, "spot_min_usd_per_hour");
                if (min == null || !(min > 0)) {
                    min = skypilotMin.get(pair);
                }
                priceSource = Sources.EI_SPOT;
            } else if (savings != null && savings < 100 && od != null) {
                avg = Math.round(od.usdPerHour() * (100 - savings) / 100.0 * 1e6) / 1e6;
                if (!(avg > 0)) {
                    avg = null;
                } else {
                    priceSource = Sources.EST_SPOT_FROM_ADVISOR;
                }
            }
            if (avg == null && bucket == null) {
                continue;
            }
            if (avg != null) {
                out.put(key(region, type, PricingModel.SPOT), new Price(region, type, PricingModel.SPOT, avg, 0, priceSource));
            }
            infos.add(new SpotInfo(region, type, avg, min, bucket, savings, priceSource, advisorSource));
        }
        return out;
    }

    // ---------------------------------------------------------------- service prices

    private record Item(String id, String unit, double factor) {}

    private static Map<String, Item> labels(Object... spec) {
        Map<String, Item> m = new LinkedHashMap<>();
        for (int i = 0; i < spec.length; i += 4) {
            m.put((String) spec[i], new Item((String) spec[i + 1], (String) spec[i + 2], ((Number) spec[i + 3]).doubleValue()));
        }
        return m;
    }

    private List<ServicePrice> servicePrices() {
        Map<String, ServicePrice> out = new TreeMap<>();
        addServicePrices(out, "aws-price-watcher/lambda_prices.csv", Sources.PW_LAMBDA, labels(
                "Lambda Duration", "lambda.x86.gb-second", "GB-second", 1,
                "Lambda Duration-ARM", "lambda.arm.gb-second", "GB-second", 1,
                "Lambda Requests", "lambda.requests", "1M requests", 1_000_000));
        addServicePrices(out, "aws-price-watcher/fargate_ecs_prices.csv", Sources.PW_FARGATE, labels(
                "perCPU per hour", "fargate.x86.vcpu-hour", "vCPU-hour", 1,
                "perGB per hour", "fargate.x86.gb-hour", "GB-hour", 1,
                "ARM perCPU per hour", "fargate.arm.vcpu-hour", "vCPU-hour", 1,
                "ARM perGB per hour", "fargate.arm.gb-hour", "GB-hour", 1));
        addServicePrices(out, "aws-price-watcher/s3_prices.csv", Sources.PW_S3, labels(
                "Standard Storage First 50 TB per GB Mo", "s3.standard.gb-month", "GB-month", 1,
                "Standard Storage Next 450 TB per GB Mo", "s3.standard.gb-month.next-450tb", "GB-month", 1,
                "Standard Storage Over 500 TB per GB Mo", "s3.standard.gb-month.over-500tb", "GB-month", 1,
                "Standard Infrequent Access Storage per GB-Mo", "s3.standard-ia.gb-month", "GB-month", 1,
                "One Zone Infrequent Access Storage Inf per GB-Mo", "s3.onezone-ia.gb-month", "GB-month", 1,
                "Glacier Instant Retrieval Storage", "s3.glacier-ir.gb-month", "GB-month", 1,
                "Glacier Storage per GB Mo", "s3.glacier-flexible.gb-month", "GB-month", 1,
                "PUT COPY/POST or LIST requests per Requests", "s3.put.per-1k", "1k requests", 1000,
                "GET and all other requests per Requests", "s3.get.per-1k", "1k requests", 1000,
                "GET and all other requests to Standard Infrequent Access per Requests", "s3.standard-ia.get.per-1k", "1k requests", 1000,
                "PUT COPY/POST or LIST requests to Standard Infrequent Access per Requests", "s3.standard-ia.put.per-1k", "1k requests", 1000,
                "Object Retrieval in Standard Infrequent Access per GB", "s3.standard-ia.retrieval.gb", "GB", 1,
                "GET and all other requests to One Zone Infrequent Access per Requests", "s3.onezone-ia.get.per-1k", "1k requests", 1000,
                "PUT COPY/POST or LIST requests to One Zone Infrequent Access per Requests", "s3.onezone-ia.put.per-1k", "1k requests", 1000,
                "Object Retrieval in One Zone Infrequent Access per GB", "s3.onezone-ia.retrieval.gb", "GB", 1,
                "GET and all other requests to Glacier Instant Retrieval per Requests", "s3.glacier-ir.get.per-1k", "1k requests", 1000,
                "PUT COPY/POST or LIST requests to Glacier Instant Retrieval per Requests", "s3.glacier-ir.put.per-1k", "1k requests", 1000,
                "Object Retrieval in Glacier Instant Retrieval per GB", "s3.glacier-ir.retrieval.gb", "GB", 1,
                "GET and all other requests to GLACIER per Requests", "s3.glacier-flexible.get.per-1k", "1k requests", 1000,
                "PUT requests to Glacier per Requests", "s3.glacier-flexible.put.per-1k", "1k requests", 1000,
                "Fee for Standard Retrieval of data stored", "s3.glacier-flexible.retrieval.gb", "GB", 1,
                "Restore Object per Requests", "s3.glacier-flexible.restore.per-1k", "1k requests", 1000,
                "GET and all other requests to GDA per Requests", "s3.deep-archive.get.per-1k", "1k requests", 1000,
                "Fee for Standard Retrieval of data stored from Glacier Deep Archive", "s3.deep-archive.retrieval.gb", "GB", 1));
        addServicePrices(out, "aws-price-watcher/efs_prices.csv", Sources.PW_EFS, labels(
                "General Purpose Storage GB Mo", "efs.standard.gb-month", "GB-month", 1,
                "EFS Storage Requests Read per GB", "efs.elastic.read.gb", "GB", 1,
                "EFS Storage Requests Write per GB", "efs.elastic.write.gb", "GB", 1));
        addServicePrices(out, "ec2-shop-ebs/ebs_prices.csv", Sources.EBS_PRICES, labels(
                "Storage General Purpose gp3 GB Mo", "ebs.gp3.gb-month", "GB-month", 1,
                "Provisioned EBS IOPS gp3 Volumes per IOPS Mo", "ebs.gp3.iops-month", "IOPS-month", 1,
                "Provisioned Throughput gp3 per GiBps mo", "ebs.gp3.mibps-month", "MiB/s-month", 1.0 / 1024,
                "Storage General Purpose gp2 GB Mo", "ebs.gp2.gb-month", "GB-month", 1,
                "Storage Provisioned IOPS io1 GB Mo", "ebs.io1.gb-month", "GB-month", 1,
                "Provisioned EBS IOPS io1 Volumes per IOPS Mo", "ebs.io1.iops-month", "IOPS-month", 1,
                "Storage Provisioned IOPS io2 GB month", "ebs.io2.gb-month", "GB-month", 1,
                "Provisioned EBS IOPS io2 Volumes per IOPS Mo", "ebs.io2.iops-month", "IOPS-month", 1,
                "Provisioned EBS IOPS Tier 2 io2 Volumes per IOPS Mo", "ebs.io2.iops-month.32k-64k", "IOPS-month", 1,
                "Provisioned EBS IOPS Tier 3 io2 Volumes per IOPS Mo", "ebs.io2.iops-month.over-64k", "IOPS-month", 1,
                "Storage Throughput Optimized HDD st1 GB Mo", "ebs.st1.gb-month", "GB-month", 1,
                "Storage Cold HDD sc1 GB Mo", "ebs.sc1.gb-month", "GB-month", 1));
        for (ServicePrice limitsMd : StaticFacts.limitsMdUsEast1Prices()) {
            String k = limitsMd.id() + '|' + US_EAST_1;
            ServicePrice have = out.get(k);
            if (have == null) {
                out.put(k, limitsMd);
            } else if (Math.abs(have.usd() - limitsMd.usd()) > 1e-9 * Math.max(1, limitsMd.usd())) {
                warnings.add(limitsMd.id() + " us-east-1: reference file " + have.usd() + " vs docs/limits.md " + limitsMd.usd()
                        + "; kept the reference file's");
            }
        }
        for (String id : CatalogValidator.REQUIRED_US_EAST_1_SERVICE_PRICES) {
            if (!out.containsKey(id + '|' + US_EAST_1)) {
                warnings.add("us-east-1 lacks service price " + id);
            }
        }
        List<ServicePrice> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(ServicePrice::id).thenComparing(ServicePrice::region));
        return list;
    }

    private void addServicePrices(Map<String, ServicePrice> out, String file, String source, Map<String, Item> labels) {
        for (Map<String, String> row : csv(file)) {
            Item item = labels.get(text(row, "aws_price_label"));
            String region = text(row, "region");
            if (item == null) {
                continue;
            }
            if (!isRegion(region)) {
                skip(file + ": not a region");
                continue;
            }
            Double usd = number(row, "usd_price");
            if (usd == null || !(usd > 0)) {
                skip(file + ": price missing or 0");
                continue;
            }
            double value = round(usd * item.factor());
            ServicePrice prev = out.put(item.id() + '|' + region, new ServicePrice(item.id(), region, value, item.unit(), source));
            if (prev != null && prev.usd() != value) {
                warnings.add(file + ": two prices for " + item.id() + " in " + region + " (" + prev.usd() + ", " + value + ")");
            }
        }
    }

    /** Rounds away binary noise from unit conversions (12 significant digits). */
    static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
    }

    // ---------------------------------------------------------------- main

    /** {@code <referenceDir> <outputFile>}: builds, validates and writes the catalog. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CatalogBuilder <referenceDir> <outputFile>");
            System.exit(2);
        }
        Path refDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.isDirectory(refDir)) {
            System.err.println("reference directory " + refDir + " does not exist");
            System.exit(2);
        }
        CatalogBuilder builder = new CatalogBuilder(refDir);
        CatalogDocument doc = builder.build();
        CatalogValidator.validate(doc);
        CatalogJson.write(doc, out);
        builder.warnings().forEach(w -> System.err.println("note: " + w));
        System.out.println("wrote " + out + ": " + dev.mlplan.catalog.CatalogStats.of(doc).summary());
    }
}
