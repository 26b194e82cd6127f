package dev.mlplan.cost;

import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload.Lifecycle;
import dev.mlplan.workload.Workload.Storage;
import dev.mlplan.workload.Workload.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * S3 storage over the next 12 months (issue 20 item 5): the data now and each month's growth age month by
 * month, and a lifecycle policy ({@code storage.lifecycle}) moves them to colder classes; each month is
 * priced at its classes' GB-month prices, with the lifecycle's per-object charges.
 *
 * <p>Model and sources (AWS S3 pricing, https://aws.amazon.com/s3/pricing/, us-east-1, read 2026-12; docs/bill.md,
 * Storage over time):
 * <ul>
 *   <li>The data now is written at the start of month 1; each month's growth in the middle of its month (half
 *       a month stored in its first month). A month is 365/12 days. An object's class is the last transition
 *       whose age it has reached; before any, S3 Standard (first-tier price).</li>
 *   <li>Lifecycle transition requests, per 1,000 objects moved, at the destination class's "Lifecycle
 *       Transition requests into" price, which the pricing page gives equal to its PUT price (Standard-IA and
 *       One Zone-IA $0.01, Glacier Instant Retrieval $0.02, Flexible Retrieval $0.03, Deep Archive $0.05);
 *       Intelligent-Tiering $0.01 ({@link #IT_TRANSITION_PER_1K}).</li>
 *   <li>Minimum storage duration: an object moved on before 30 days in Standard-IA or One Zone-IA, 90 in Glacier
 *       Instant or Flexible Retrieval, or 180 in Deep Archive is charged the remaining days at that class's price.</li>
 *   <li>Minimum billable object size 128 KB in Standard-IA, One Zone-IA and Glacier Instant Retrieval: smaller
 *       objects are billed as 128 KB.</li>
 *   <li>Intelligent-Tiering, priced as never read: the Frequent Access tier ($0.023) for 30 days, Infrequent
 *       Access ($0.0125) to 90 days, Archive Instant Access ($0.004) after (the same prices as Standard,
 *       Standard-IA and Glacier Instant Retrieval); monitoring and automation $0.0025 per 1,000 objects a month
 *       ({@link #IT_MONITORING_PER_1K}), objects of 128 KB or more only.</li>
 *   <li>Objects: {@code storage.objects}, else data ÷ {@code storage.object_size}, else data ÷ 16 MB
 *       ({@link #DEFAULT_OBJECT_BYTES}, an mlplan assumption: dataset shards and checkpoint files are MBs to GBs).</li>
 * </ul>
 */
public final class LifecycleCost {
    /** S3 Intelligent-Tiering monitoring and automation, USD per 1,000 objects a month (S3 pricing page, us-east-1). */
    public static final double IT_MONITORING_PER_1K = 0.0025;
    /** Lifecycle transition requests into S3 Intelligent-Tiering, USD per 1,000 (S3 pricing page, us-east-1). */
    public static final double IT_TRANSITION_PER_1K = 0.01;
    /** Object size assumed when neither storage.object_size nor storage.objects is given. */
    public static final double DEFAULT_OBJECT_BYTES = 16e6;
    /** The 128 KB minimum billable object size of the IA classes and Glacier Instant Retrieval. */
    public static final double MIN_BILLABLE_BYTES = 128 * 1024;
    static final double DAYS_PER_MONTH = TimeSpan.HOURS_PER_MONTH / 24;
    public static final int MONTHS = 12;

    private final ServicePrices prices;

    public LifecycleCost(ServicePrices prices) {
        this.prices = prices;
    }

    /** One month of the curve: data stored on average, the month's cost, and its lines. */
    public record Month(int month, double dataGB, double usd, List<CostComponent> lines) {}

    /** The 12 months, and their average month as cost lines. */
    public record Curve(List<Month> months, List<CostComponent> average, List<String> notes) {
        public double averageUsd() {
            return CostComponent.total(average);
        }

        /** The JSON form: [{month, dataGB, usd}, …], rounded to cents and tenths of a GB. */
        public List<Map<String, Object>> json() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Month m : months) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", m.month());
                row.put("dataGB", Math.round(m.dataGB() * 10) / 10.0);
                row.put("usd", Math.round(m.usd() * 100) / 100.0);
                out.add(row);
            }
            return out;
        }
    }

    /** Objects per GB of data. */
    static double objectBytes(Storage s) {
        Lifecycle l = s.lifecycle();
        if (l.objects().isPresent()) {
            return s.data().bytes() / l.objects().get();
        }
        return l.objectSize().map(DataSize::bytes).orElse(DEFAULT_OBJECT_BYTES);
    }

    /** The class of data {@code ageDays} old under {@code transitions} (after the last reached), "standard" before any. */
    static String classAt(List<Transition> transitions, double ageDays) {
        String cls = "standard";
        for (Transition t : transitions) {
            if (ageDays >= t.afterDays()) {
                cls = t.storageClass();
            }
        }
        if ("intelligent-tiering".equals(cls)) {
            double since = ageDays - transitions.stream().filter(t -> t.storageClass().equals("intelligent-tiering")).findFirst().orElseThrow().afterDays();
            return since < 30 ? "it-frequent" : since < 90 ? "it-infrequent" : "it-archive-instant";
        }
        return cls;
    }

    private static String priceClass(String cls) {
        return switch (cls) {
            case "it-frequent" -> "standard";
            case "it-infrequent" -> "standard-ia";
            case "it-archive-instant" -> "glacier-ir";
            default -> cls;
        };
    }

    private static String label(String cls) {
        return switch (cls) {
            case "standard" -> "S3 Standard";
            case "standard-ia" -> "S3 Standard-IA";
            case "onezone-ia" -> "S3 One Zone-IA";
            case "glacier-ir" -> "S3 Glacier Instant Retrieval";
            case "glacier-flexible" -> "S3 Glacier Flexible Retrieval";
            case "deep-archive" -> "S3 Glacier Deep Archive";
            case "it-frequent" -> "S3 Intelligent-Tiering, Frequent Access";
            case "it-infrequent" -> "S3 Intelligent-Tiering, Infrequent Access";
            case "it-archive-instant" -> "S3 Intelligent-Tiering, Archive Instant Access";
            default -> "S3 " + cls;
        };
    }

    private ServicePrices.Resolved storagePrice(String cls, String region) {
        return prices.get("s3." + priceClass(cls) + ".gb-month", region);
    }

    /**
     * The 12-month curve of {@code s}'s data in {@code region} under its lifecycle ({@code baseClass} throughout
     * when the policy is empty: the data stays in the class it was written to).
     */
    public Curve curve(Storage s, String region, String baseClass) {
        return curve(s, region, baseClass, s.lifecycle().transitions());
    }

    /** The curve of data written to {@code baseClass} that stays there (no lifecycle). */
    public Curve flat(Storage s, String region, String baseClass) {
        return curve(s, region, baseClass, List.of());
    }

    private Curve curve(Storage s, String region, String baseClass, List<Transition> transitions) {
        double d0 = s.data().bytes() / DataSize.GB;
        double growth = s.growth().bytesPerSecond() * TimeSpan.HOURS_PER_MONTH * 3600 / DataSize.GB;
        double objectBytes = objectBytes(s);
        double objectsPerGb = DataSize.GB / objectBytes;
        double minFactor = Math.max(1, MIN_BILLABLE_BYTES / objectBytes);
        List<Month> months = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int m = 1; m <= MONTHS; m++) {
            Map<String, double[]> lines = new LinkedHashMap<>();
            double dataGb = 0;
            // cohort 0: the data now, written at the start of month 1; cohort k: month k's growth, mid-month
            for (int k = 0; k <= m; k++) {
                double gb = k == 0 ? d0 : growth * (k == m ? 0.5 : 1);
                if (gb <= 0) {
                    continue;
                }
                double ageEnd = (k == 0 ? m : m - k + 0.5) * DAYS_PER_MONTH;
                double ageStart = Math.max(0, ageEnd - DAYS_PER_MONTH);
                String cls = transitions.isEmpty() ? baseClass : classAt(transitions, (ageStart + ageEnd) / 2);
                dataGb += gb;
                double billed = cls.equals("standard-ia") || cls.equals("onezone-ia") || cls.equals("glacier-ir") ? gb * minFactor : gb;
                add(lines, "storage:" + cls, billed);
                double objects = gb * objectsPerGb;
                if (cls.startsWith("it-") && objectBytes >= MIN_BILLABLE_BYTES) {
                    add(lines, "monitoring", objects / 1000);
                }
                // each class change of this cohort during the month: one transition request per object into the new class
                boolean written = k == 0 ? m == 1 : k == m;
                for (Transition t : transitions) {
                    boolean crosses = t.afterDays() > ageStart && t.afterDays() <= ageEnd;
                    if (crosses || (t.afterDays() == 0 && written)) {
                        add(lines, "transition:" + t.storageClass(), objects / 1000);
                        earlyDeletion(transitions, t, gb).ifPresent(e -> add(lines, "early:" + e.cls, e.gbMonths));
                    }
                }
            }
            List<CostComponent> c = components(lines, region);
            months.add(new Month(m, dataGb, CostComponent.total(c), c));
            lines.forEach((key, v) -> add(sums, key, v[0] / MONTHS));
        }
        List<String> notes = new ArrayList<>();
        notes.add("12-month average of a curve (months in the plan): data " + Fmt.sig(d0) + " GB now"
                + (growth > 0 ? " + " + Fmt.sig(growth) + " GB a month" : "") + ", " + Fmt.count(objectsPerGb * d0) + " objects of "
                + Fmt.sig(objectBytes / 1e6) + " MB now" + (s.lifecycle().objectSize().isEmpty() && s.lifecycle().objects().isEmpty()
                        ? " (16 MB assumed: storage.object_size or storage.objects)" : ""));
        if (minFactor > 1) {
            notes.add("objects under 128 KB are billed as 128 KB in Standard-IA, One Zone-IA and Glacier Instant Retrieval");
        }
        return new Curve(List.copyOf(months), components(sums, region), List.copyOf(notes));
    }

    private record Early(String cls, double gbMonths) {}

    /** The charge for leaving the class before {@code t} too early: the rest of its minimum duration, in GB-months. */
    private static java.util.Optional<Early> earlyDeletion(List<Transition> transitions, Transition t, double gb) {
        Transition previous = null;
        for (Transition x : transitions) {
            if (x == t) {
                break;
            }
            previous = x;
        }
        if (previous == null) {
            return java.util.Optional.empty();
        }
        Integer min = StorageCost.S3_MIN_DAYS.get(previous.storageClass());
        double held = t.afterDays() - previous.afterDays();
        if (min == null || held >= min) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Early(previous.storageClass(), gb * (min - held) / DAYS_PER_MONTH));
    }

    private static void add(Map<String, double[]> m, String key, double v) {
        m.computeIfAbsent(key, k -> new double[1])[0] += v;
    }

    private List<CostComponent> components(Map<String, double[]> lines, String region) {
        List<CostComponent> c = new ArrayList<>();
        for (Map.Entry<String, double[]> e : lines.entrySet()) {
            String key = e.getKey();
            double q = e.getValue()[0];
            String cls = key.substring(key.indexOf(':') + 1);
            if (key.startsWith("storage:")) {
                var p = storagePrice(cls, region);
                c.add(CostComponent.of(CostCategory.STORAGE, "Storage [" + label(cls) + "]", "GB-months", q, p.usd(), p.source()));
            } else if (key.equals("monitoring")) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Intelligent-Tiering monitoring [objects of 128 KB or more]", "1k objects", q,
                        IT_MONITORING_PER_1K, StorageCostSources.S3_PRICING));
            } else if (key.startsWith("transition:")) {
                if (cls.equals("intelligent-tiering")) {
                    c.add(CostComponent.of(CostCategory.STORAGE, "Lifecycle transitions [into S3 Intelligent-Tiering]", "1k requests", q,
                            IT_TRANSITION_PER_1K, StorageCostSources.S3_PRICING));
                } else {
                    var p = prices.get("s3." + cls + ".put.per-1k", region);
                    c.add(CostComponent.of(CostCategory.STORAGE, "Lifecycle transitions [into " + label(cls) + "]", "1k requests", q, p.usd(), p.source()));
                }
            } else if (key.startsWith("early:")) {
                var p = storagePrice(cls, region);
                c.add(CostComponent.of(CostCategory.STORAGE, "Early transition charge [" + label(cls) + ", rest of its " + StorageCost.S3_MIN_DAYS.get(cls)
                        + "-day minimum]", "GB-months", q, p.usd(), p.source()));
            }
        }
        return List.copyOf(c);
    }

    /** The catalog source id of figures taken from the S3 pricing page directly. */
    static final class StorageCostSources {
        static final String S3_PRICING = "aws-s3-pricing";
    }
}
