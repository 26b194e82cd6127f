package dev.mlplan.catalog.aws;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.catalog.Price;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.catalog.ServicePrice;
import dev.mlplan.catalog.Source;
import dev.mlplan.catalog.SpotInfo;
import dev.mlplan.catalog.aws.RefreshReport.Counts;
import dev.mlplan.catalog.aws.RefreshReport.Kept;
import dev.mlplan.catalog.aws.RefreshReport.KeptKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges fetched figures over the previous catalog. A pure function: no SDK, no I/O.
 *
 * <ul>
 *   <li>A fetched figure replaces the previous one with the same key — instance type by name; price
 *       by (region, type, pricing); spot market by (region, type); service price by (id, region) —
 *       and refers to the refresh's {@link Source}. New keys are appended in a stable order.
 *   <li>Anything in scope of the refresh (a requested service in a requested region) that the APIs
 *       returned nothing for keeps its previous figure and source, and the report lists it. Regions
 *       and services not requested are left as they were. Savings-plan prices are never fetched.
 *   <li>Catalog naming stays: an existing type keeps its family and arch strings, and its accelerator
 *       key when the fetched key is not one of the catalog's accelerators. A spot market keeps its
 *       Spot Advisor interruption bucket and savings figure (not available from an API).
 *   <li>A fetched type new to the catalog is added only when it has accelerators or its family is
 *       already in the catalog; prices of types left out are dropped and counted.
 *   <li>Every fetched figure is checked first ({@link FigureChecks}); one that fails is skipped and
 *       counted. A type whose accelerator the catalog has no figures for, or a fractional GPU
 *       ({@code count 0}) the catalog has no fraction for, is skipped too when new (never written with
 *       0 accelerators or an unknown chip, which {@code --catalog} would refuse).
 *   <li>When anything was fetched, the id becomes {@code aws-YYYY-MM}; pricesAsOf becomes the run
 *       date only when prices that passed the checks were fetched, and the description names the
 *       services whose prices moved.
 *   <li>With an endpoint override ({@code --endpoint-url}), the refresh's sources say so.
 * </ul>
 */
public final class CatalogMerger {
    private static final Set<PricingModel> FETCHED_PRICING = Stream.concat(
                    Stream.of(PricingModel.ON_DEMAND, PricingModel.SPOT),
                    Arrays.stream(PricingModel.values()).filter(PricingModel::isReserved))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(PricingModel.class)));

    private CatalogMerger() {}

    public static RefreshResult merge(CatalogDocument previous, FetchedCatalog fetched, List<String> regions,
            Set<AwsService> services, LocalDate runDate) {
        return merge(previous, fetched, regions, services, runDate, null);
    }

    /** As {@link #merge(CatalogDocument, FetchedCatalog, List, Set, LocalDate)}, noting an endpoint override in the sources. */
    public static RefreshResult merge(CatalogDocument previous, FetchedCatalog fetched, List<String> regions,
            Set<AwsService> services, LocalDate runDate, java.net.URI endpointOverride) {
        return new Merge(previous, fetched, regions, services, runDate, endpointOverride).run();
    }

    /** The service a service price id belongs to ({@code lambda.x86.gb-second} → LAMBDA), if a refreshable one. */
    static Optional<AwsService> serviceOf(String servicePriceId) {
        int dot = servicePriceId.indexOf('.');
        String prefix = dot < 0 ? servicePriceId : servicePriceId.substring(0, dot);
        return Arrays.stream(AwsService.values()).filter(s -> s != AwsService.EC2 && s.id().equals(prefix)).findFirst();
    }

    private static final class Merge {
        private final CatalogDocument prev;
        private final FetchedCatalog fetched;
        private final Set<String> regions;
        private final Set<AwsService> services;
        private final LocalDate runDate;
        private final RefreshSources sources;
        private final List<Kept> kept = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private int outOfScope;
        private int skippedTypes;

        Merge(CatalogDocument prev, FetchedCatalog fetched, List<String> regions, Set<AwsService> services, LocalDate runDate,
                java.net.URI endpointOverride) {
            this.prev = prev;
            this.fetched = FigureChecks.check(prev, fetched);
            this.regions = new LinkedHashSet<>(regions);
            this.services = EnumSet.copyOf(services);
            this.runDate = runDate;
            this.sources = RefreshSources.forDate(runDate, endpointOverride);
            this.warnings.addAll(this.fetched.warnings());
        }

        RefreshResult run() {
            boolean ec2 = services.contains(AwsService.EC2);
            Merged<InstanceType> types = mergeTypes(ec2);
            Set<String> typeScope = new TreeSet<>();
            types.list().forEach(t -> typeScope.add(t.name()));
            prev.prices().forEach(p -> typeScope.add(p.instanceType()));

            Merged<Price> prices = mergeKeyed(prev.prices(), inScope(fetched.prices(), Price::instanceType, typeScope),
                    CatalogMerger::priceKey, Comparator.comparing(Price::region).thenComparing(Price::instanceType)
                            .thenComparing(Price::pricing),
                    (old, neu) -> neu,
                    (old, neu) -> differs(old.usdPerHour(), neu.usdPerHour()) || differs(old.upfrontUsd(), neu.upfrontUsd()),
                    p -> ec2 && regions.contains(p.region()) && FETCHED_PRICING.contains(p.pricing()));
            reportKeptPrices(prices.keptFigures());
            reportSavingsPlans(ec2);

            Merged<SpotInfo> spot = mergeKeyed(prev.spot(), inScope(fetched.spot(), SpotInfo::instanceType, typeScope),
                    s -> s.region() + '|' + s.instanceType(),
                    Comparator.comparing(SpotInfo::region).thenComparing(SpotInfo::instanceType),
                    (old, neu) -> new SpotInfo(neu.region(), neu.instanceType(), neu.avgUsdPerHour(), neu.minUsdPerHour(),
                            old.interruptionBucket(), old.savingsVsOnDemandPct(), neu.priceSource(), old.interruptionSource()),
                    (old, neu) -> differs(old.avgUsdPerHour(), neu.avgUsdPerHour())
                            || differs(old.minUsdPerHour(), neu.minUsdPerHour()),
                    s -> ec2 && regions.contains(s.region()));

            Merged<ServicePrice> servicePrices = mergeKeyed(prev.servicePrices(), fetched.servicePrices(),
                    s -> s.id() + '|' + s.region(),
                    Comparator.comparing(ServicePrice::id).thenComparing(ServicePrice::region),
                    (old, neu) -> {
                        if (!old.unit().equals(neu.unit())) {
                            warnings.add(neu.id() + " in " + neu.region() + ": unit was '" + old.unit() + "', the refresh"
                                    + " writes '" + neu.unit() + "'");
                        }
                        return neu;
                    },
                    (old, neu) -> differs(old.usd(), neu.usd()),
                    s -> regions.contains(s.region()) && serviceOf(s.id()).map(services::contains).orElse(false));
            servicePrices.keptFigures().forEach(s -> kept.add(new Kept(KeptKind.SERVICE_PRICE, s.region(), s.id(),
                    "the Price List API returned no price for it")));

            reportEmptyServices();
            reportUncoveredRegions();

            List<Source> mergedSources = mergeSources(types.list(), prices.list(), spot.list(), servicePrices.list());
            boolean anything = !fetched.isEmpty();
            boolean anyPrice = !fetched.prices().isEmpty() || !fetched.servicePrices().isEmpty();
            String id = anything ? "aws-" + YearMonth.from(runDate) : prev.id();
            String asOf = anyPrice ? runDate.toString() : prev.pricesAsOf();
            List<String> priced = pricedServices();
            String description = anything
                    ? "Refreshed " + runDate + " from the AWS Price List and EC2 APIs (regions: " + String.join(", ", regions)
                            + "; services: " + serviceIds(services) + ") over " + prev.id()
                            + (priced.size() == services.size() ? ""
                                    : "; prices as of " + asOf + " for " + (priced.isEmpty() ? "none" : String.join(", ", priced))
                                            + ", the others as of " + prev.pricesAsOf())
                            + "; figures the APIs did not return keep their earlier sources."
                    : prev.description();
            CatalogDocument doc = new CatalogDocument(prev.formatVersion(), id, asOf, description, mergedSources,
                    prev.accelerators(), types.list(), prices.list(), spot.list(), prev.limits(), servicePrices.list(),
                    prev.ebsVolumeTypes());
            List<String> notRequested = Arrays.stream(AwsService.values()).filter(s -> !services.contains(s))
                    .map(AwsService::id).toList();
            RefreshReport report = new RefreshReport(prev.id(), id, asOf, List.copyOf(regions),
                    services.stream().map(AwsService::id).toList(), notRequested,
                    types.counts(), prices.counts(), spot.counts(), servicePrices.counts(),
                    fetched.zeroPricedSkusIgnored(), fetched.malformedItemsSkipped(),
                    fetched.implausibleSkipped() + skippedTypes, outOfScope, kept, warnings);
            return new RefreshResult(doc, report);
        }

        private Merged<InstanceType> mergeTypes(boolean ec2) {
            Set<String> families = prev.instanceTypes().stream().map(InstanceType::family).collect(Collectors.toSet());
            Set<String> known = prev.accelerators().stream().map(Accelerator::name).collect(Collectors.toSet());
            Map<String, InstanceType> previous = prev.instanceTypes().stream()
                    .collect(Collectors.toMap(InstanceType::name, t -> t, (a, b) -> a, LinkedHashMap::new));
            List<InstanceType> candidates = new ArrayList<>();
            for (InstanceType fetchedType : fetched.instanceTypes()) {
                InstanceType t = withFraction(fetchedType);
                InstanceType.Accelerators acc = t.accelerators();
                if (acc != null && (acc.count() <= 0 || !(acc.memoryGiB() > 0) || !Double.isFinite(acc.memoryGiB()))) {
                    skippedTypes++;
                    warnings.add("skipped instance type " + t.name() + ": DescribeInstanceTypes reports " + acc.count() + " × "
                            + acc.name() + " with " + acc.memoryGiB() + " GiB, and the catalog has no fraction of "
                            + acc.name() + " with that memory (a fractional GPU is never written as 0 accelerators)");
                    continue;
                }
                if (acc != null && !previous.containsKey(t.name()) && !known.contains(acc.name())) {
                    skippedTypes++;
                    warnings.add("skipped new type " + t.name() + ": it carries accelerator " + acc.name()
                            + ", which the catalog has no figures for");
                    continue;
                }
                if (previous.containsKey(t.name()) || t.hasAccelerator() || families.contains(t.family())) {
                    candidates.add(t);
                } else {
                    outOfScope++;
                }
            }
            Merged<InstanceType> merged = mergeKeyed(prev.instanceTypes(), candidates, InstanceType::name,
                    Comparator.comparing(InstanceType::name),
                    (old, neu) -> reconcile(old, neu, known),
                    (old, neu) -> !old.equals(withSource(neu, old.source())),
                    t -> ec2);
            merged.keptFigures().forEach(t -> kept.add(new Kept(KeptKind.INSTANCE_TYPE, null, t.name(),
                    "DescribeInstanceTypes did not return it in " + String.join(", ", regions))));
            return merged;
        }

        /**
         * A type DescribeInstanceTypes reports with a GPU count of 0 (g6f, gr6f: a fraction of an L4) carries the
         * catalog's fraction of that chip with the same memory, as the embedded catalog's builder does.
         */
        private InstanceType withFraction(InstanceType t) {
            InstanceType.Accelerators acc = t.accelerators();
            if (acc == null || acc.count() > 0) {
                return t;
            }
            return Accelerator.fractionOf(acc.name(), acc.memoryGiB() * 1024, prev.accelerators())
                    .map(a -> new InstanceType(t.name(), t.family(), t.arch(), t.vcpus(), t.memoryGiB(), new InstanceType.Accelerators(a.name(), 1,
                            a.memoryGiB()), t.ebs(), t.networkGbps(), t.efaInterfaces(), t.currentGeneration(), t.source()))
                    .orElse(t);
        }

        private InstanceType reconcile(InstanceType old, InstanceType neu, Set<String> knownAccelerators) {
            InstanceType.Accelerators acc = neu.accelerators();
            if (acc != null && old.accelerators() != null && !acc.name().equals(old.accelerators().name())
                    && !knownAccelerators.contains(acc.name())) {
                warnings.add(neu.name() + ": DescribeInstanceTypes reports accelerator " + acc.name()
                        + ", which the catalog has no figures for; kept " + old.accelerators().name());
                acc = new InstanceType.Accelerators(old.accelerators().name(), acc.count(), acc.memoryGiB());
            }
            return new InstanceType(neu.name(), old.family(), old.arch(), neu.vcpus(), neu.memoryGiB(), acc, neu.ebs(),
                    neu.networkGbps(), neu.efaInterfaces(), neu.currentGeneration(), neu.source());
        }

        private static InstanceType withSource(InstanceType t, String source) {
            return new InstanceType(t.name(), t.family(), t.arch(), t.vcpus(), t.memoryGiB(), t.accelerators(), t.ebs(),
                    t.networkGbps(), t.efaInterfaces(), t.currentGeneration(), source);
        }

        private <T> List<T> inScope(List<T> figures, Function<T, String> type, Set<String> scope) {
            List<T> out = new ArrayList<>();
            for (T f : figures) {
                if (scope.contains(type.apply(f))) {
                    out.add(f);
                } else {
                    outOfScope++;
                }
            }
            return out;
        }

        private void reportKeptPrices(List<Price> keptPrices) {
            Map<String, List<Price>> byRegionType = new TreeMap<>();
            keptPrices.forEach(p -> byRegionType.computeIfAbsent(p.region() + '|' + p.instanceType(), k -> new ArrayList<>()).add(p));
            byRegionType.values().forEach(ps -> kept.add(new Kept(KeptKind.PRICES, ps.get(0).region(), ps.get(0).instanceType(),
                    ps.stream().map(p -> p.pricing().id()).collect(Collectors.joining(", ")) + " not returned")));
        }

        private void reportSavingsPlans(boolean ec2) {
            long n = prev.prices().stream()
                    .filter(p -> ec2 && regions.contains(p.region()) && !FETCHED_PRICING.contains(p.pricing())).count();
            if (n > 0) {
                kept.add(new Kept(KeptKind.PRICES, null, "savings plans and other commitments",
                        n + " price" + (n == 1 ? "" : "s") + " kept: GetProducts does not return savings-plan rates"));
            }
        }

        /** Requested services for which prices that passed the checks were fetched. */
        private List<String> pricedServices() {
            List<String> out = new ArrayList<>();
            for (AwsService s : services) {
                boolean any = s == AwsService.EC2 ? !fetched.prices().isEmpty()
                        : fetched.servicePrices().stream().anyMatch(p -> serviceOf(p.id()).orElse(null) == s);
                if (any) {
                    out.add(s.id());
                }
            }
            return out;
        }

        private void reportEmptyServices() {
            for (String region : regions) {
                for (AwsService s : services) {
                    boolean any = s == AwsService.EC2
                            ? fetched.prices().stream().anyMatch(p -> p.region().equals(region))
                            : fetched.servicePrices().stream()
                                    .anyMatch(p -> p.region().equals(region) && serviceOf(p.id()).orElse(null) == s);
                    if (!any) {
                        kept.add(new Kept(KeptKind.SERVICE, region, s.id(),
                                "the APIs returned no usable prices; previous figures kept"));
                    }
                }
            }
        }

        private void reportUncoveredRegions() {
            Set<String> previousRegions = new TreeSet<>();
            prev.prices().forEach(p -> previousRegions.add(p.region()));
            prev.spot().forEach(s -> previousRegions.add(s.region()));
            prev.servicePrices().forEach(s -> previousRegions.add(s.region()));
            previousRegions.removeAll(regions);
            previousRegions.forEach(r -> kept.add(new Kept(KeptKind.REGION, r, r, "not refreshed (not requested)")));
        }

        private List<Source> mergeSources(List<InstanceType> types, List<Price> prices, List<SpotInfo> spot,
                List<ServicePrice> servicePrices) {
            Set<String> used = new HashSet<>();
            types.forEach(t -> used.add(t.source()));
            prices.forEach(p -> used.add(p.source()));
            // spot rows without a price (advisor bucket only) have no price source
            spot.stream().map(SpotInfo::priceSource).filter(java.util.Objects::nonNull).forEach(used::add);
            servicePrices.forEach(s -> used.add(s.source()));
            List<Source> fresh = sources.all().stream().filter(s -> used.contains(s.id())).toList();
            Set<String> freshIds = fresh.stream().map(Source::id).collect(Collectors.toSet());
            List<Source> out = new ArrayList<>(prev.sources().stream().filter(s -> !freshIds.contains(s.id())).toList());
            out.addAll(fresh);
            return out;
        }

        private static String serviceIds(Set<AwsService> services) {
            return services.stream().map(AwsService::id).collect(Collectors.joining(", "));
        }

        /**
         * The generic merge of one kind of figure: previous order, fetched ones replacing by key, new
         * ones appended in {@code order}.
         */
        private <T> Merged<T> mergeKeyed(List<T> previous, List<T> fetchedFigures, Function<T, String> key,
                Comparator<T> order, BinaryOperator<T> replace, BiPredicate<T, T> changed,
                Predicate<T> inRefreshScope) {
            Map<String, T> byKey = new LinkedHashMap<>();
            fetchedFigures.forEach(f -> byKey.putIfAbsent(key.apply(f), f));
            List<T> out = new ArrayList<>();
            List<T> keptFigures = new ArrayList<>();
            int refreshed = 0;
            int changes = 0;
            for (T old : previous) {
                T neu = byKey.remove(key.apply(old));
                if (neu == null) {
                    out.add(old);
                    if (inRefreshScope.test(old)) {
                        keptFigures.add(old);
                    }
                    continue;
                }
                refreshed++;
                T merged = replace.apply(old, neu);
                if (changed.test(old, merged)) {
                    changes++;
                }
                out.add(merged);
            }
            List<T> added = byKey.values().stream().sorted(order).toList();
            out.addAll(added);
            return new Merged<>(out, keptFigures, new Counts(refreshed, changes, added.size(), keptFigures.size()));
        }
    }

    /** Whether two figures differ by more than float noise (one part in 10^9). */
    static boolean differs(Double a, Double b) {
        if (a == null || b == null) {
            return !Objects.equals(a, b);
        }
        return Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static String priceKey(Price p) {
        return p.region() + '|' + p.instanceType() + '|' + p.pricing().id();
    }

    private record Merged<T>(List<T> list, List<T> keptFigures, Counts counts) {}
}
