package dev.mlplan.bench;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.Planner;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the benchmarks plan: the example workloads of {@code workloads/} (as they are, or with
 * {@code regions: [any]}), deterministic variations of them, and synthetic catalogs that repeat the
 * embedded one's instance types.
 */
final class BenchData {
    /** The date the planner is given: fixed, so that every run plans the same. */
    static final LocalDate TODAY = LocalDate.of(2026, 8, 1);

    private static final Pattern REGIONS = Pattern.compile("(?m)^regions: .*$");
    private static final Pattern NAME = Pattern.compile("(?m)^name: (.*)$");
    private static final Pattern RUNS = Pattern.compile("(?m)^(  runs_per_month: )(\\d+)$");
    private static final Pattern EPOCHS = Pattern.compile("(?m)^(  epochs: )(\\d+)$");
    private static final Pattern AVERAGE = Pattern.compile("(average: )(\\d+)(/s)");
    private static final Pattern DATA = Pattern.compile("(?m)^(  data: )(\\d+)( GB| TB)$");

    private BenchData() {}

    /** The repository root: the system property {@code mlplan.root}, else the working directory. */
    static Path root() {
        return Path.of(System.getProperty("mlplan.root", "."));
    }

    static Planner planner(Catalog catalog) {
        return new Planner(catalog, ConstraintEngine.standard(), PlanOptions.defaults("bench").withTop(PlanOptions.DEFAULT_TOP), TODAY);
    }

    /** Example workload files by name (without .yaml), those that parse with this version of mlplan. */
    static Map<String, String> examples() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root().resolve("workloads"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String name = f.getFileName().toString().replace(".yaml", "");
                try {
                    parse(name, text);
                    out.put(name, text);
                } catch (WorkloadException e) {
                    System.err.println("bench: leaving out " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example workloads under " + root().toAbsolutePath()
                    + " (set -Dmlplan.root to the repository)", e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no example workload parses under " + root().toAbsolutePath());
        }
        return out;
    }

    static Workload parse(String name, String yaml) {
        return ModelPresets.workloadParser().parse("workloads/" + name + ".yaml", yaml);
    }

    /** The example with {@code regions: [any]}: every region of the catalog. */
    static Workload anyRegion(String name) {
        String text = examples().get(name);
        if (text == null) {
            throw new IllegalArgumentException("no example workload '" + name + "' (have " + examples().keySet() + ")");
        }
        return parse(name, REGIONS.matcher(text).replaceFirst("regions: [any]"));
    }

    /**
     * {@code n} variations of the examples, the same for the same seed: each one an example with
     * one to three regions drawn from the catalog's, and its run count, epochs, traffic and data size
     * scaled.
     */
    static List<Workload> variations(int n, long seed, Catalog catalog) {
        List<String> names = new ArrayList<>(examples().keySet());
        Map<String, String> texts = examples();
        List<String> regions = new ArrayList<>(catalog.regions());
        Random rnd = new Random(seed);
        List<Workload> out = new ArrayList<>(n);
        int attempts = 0;
        while (out.size() < n) {
            if (++attempts > 10 * n) {
                throw new IllegalStateException("too few variations parse: " + out.size() + " of " + n);
            }
            String name = names.get(rnd.nextInt(names.size()));
            String text = texts.get(name);
            int count = 1 + rnd.nextInt(3);
            List<String> picked = new ArrayList<>();
            while (picked.size() < count) {
                String r = regions.get(rnd.nextInt(regions.size()));
                if (!picked.contains(r)) {
                    picked.add(r);
                }
            }
            text = REGIONS.matcher(text).replaceFirst("regions: [" + String.join(", ", picked) + "]");
            text = NAME.matcher(text).replaceFirst("name: $1-v" + out.size());
            text = scale(RUNS, text, rnd, 0.25, 4);
            text = scale(EPOCHS, text, rnd, 0.5, 2);
            text = scale(AVERAGE, text, rnd, 0.1, 10);
            text = scale(DATA, text, rnd, 0.2, 5);
            try {
                out.add(parse(name + "-v" + out.size(), text));
            } catch (WorkloadException e) {
                // a variation the schema rejects (e.g. a scaled figure out of range): draw another
            }
        }
        return out;
    }

    /** Multiplies the number in group 2 of each match by a factor drawn from [lo, hi], at least 1. */
    private static String scale(Pattern p, String text, Random rnd, double lo, double hi) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            double f = lo + rnd.nextDouble() * (hi - lo);
            long v = Math.max(1, Math.round(Long.parseLong(m.group(2)) * f));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + v + (m.groupCount() >= 3 ? m.group(3) : "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The embedded catalog file's bytes. */
    static byte[] embeddedBytes() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.EMBEDDED_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The catalog with its instance types {@code factor} times: copy k of a type is named
     * {@code <type>-k<k>} (copy 0 keeps its name) and has the same specs, prices and spot facts, so
     * that the planner has {@code factor} times as many candidates in every region.
     */
    static CatalogDocument scaled(CatalogDocument d, int factor) {
        List<InstanceType> types = new ArrayList<>(d.instanceTypes().size() * factor);
        List<Price> prices = new ArrayList<>(d.prices().size() * factor);
        List<SpotInfo> spot = new ArrayList<>(d.spot().size() * factor);
        for (int k = 0; k < factor; k++) {
            String suffix = k == 0 ? "" : String.format(Locale.ROOT, "-k%d", k);
            for (InstanceType t : d.instanceTypes()) {
                types.add(new InstanceType(t.name() + suffix, t.family(), t.arch(), t.vcpus(), t.memoryGiB(), t.accelerators(), t.ebs(),
                        t.networkGbps(), t.efaInterfaces(), t.currentGeneration(), t.source()));
            }
            for (Price p : d.prices()) {
                prices.add(new Price(p.region(), p.instanceType() + suffix, p.pricing(), p.usdPerHour(), p.upfrontUsd(), p.source()));
            }
            for (SpotInfo s : d.spot()) {
                spot.add(new SpotInfo(s.region(), s.instanceType() + suffix, s.avgUsdPerHour(), s.minUsdPerHour(), s.interruptionBucket(),
                        s.savingsVsOnDemandPct(), s.priceSource(), s.interruptionSource()));
            }
        }
        return new CatalogDocument(d.formatVersion(), d.id(), d.pricesAsOf(), d.description(), d.sources(), d.accelerators(), types, prices,
                spot, d.limits(), d.servicePrices(), d.ebsVolumeTypes());
    }
}
