package dev.mlplan.plan;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.plan.PlanResult.Alternative;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Gathers one part's feasible offers and eliminations while candidates are evaluated, then ranks them
 * by the plan's {@link Objective} (by default cheapest per month first; ties: shorter run, then id).
 * Of offers that differ only in region, the cheapest region is kept (the fastest, then cheapest, under
 * {@link Objective#TIME}: spot rework differs by region) and the others are mentioned in its notes. Eliminations are grouped by
 * (service, resource, rule) with the first reason and a count.
 *
 * <p>An offer is ranked by its figures (monthly cost, hours per run, id); its {@link Option} (notes,
 * cost lines, estimate steps) is built only when it is shown, as hundreds of offers are priced for a
 * handful shown. {@link Building#AT_ONCE} builds every offer as it is made instead, so that tests can
 * check that the plan is the same either way.
 */
final class PartCollector {
    /** When an offer's option is built. */
    enum Building {
        /** only for the offers shown: the planner's way */
        WHEN_SHOWN,
        /** as each offer is made, checking that it has the figures it is ranked by */
        AT_ONCE
    }

    private final Building building;
    private final Map<Group, Draft> best = new LinkedHashMap<>();
    /** Per group, the cheapest offer in each region: to show what other regions would cost. */
    private final Map<Group, Map<String, Double>> regionCosts = new LinkedHashMap<>();
    private final Map<EliminationKey, Eliminated> eliminations = new LinkedHashMap<>();
    private int considered;
    private int feasible;

    /** Which pricing models may be offered: the others are skipped, neither considered nor eliminated. */
    private final PricingPolicy policy;

    /** What the offers are ranked by. */
    private final Objective objective;

    /**
     * What surrounds an offer (issue 20: front door, S3 access path, logs): lines counted in its monthly
     * cost, so in its rank, and notes. None unless a planner sets it ({@link #surround}).
     */
    @FunctionalInterface
    interface Surroundings {
        Extra of(Service service, String region, int count, Double hoursPerRun);
    }

    /** An offer's surrounding lines and notes; {@code runsPerMonth} turns their monthly total into a cost per run (0: none). */
    record Extra(List<dev.mlplan.cost.CostComponent> lines, List<String> notes, double runsPerMonth) {
        static final Extra NONE = new Extra(List.of(), List.of(), 0);

        double total() {
            return dev.mlplan.cost.CostComponent.total(lines);
        }

        Option onto(Option o) {
            return o.withSurroundings(lines, notes, runsPerMonth > 0 ? total() / runsPerMonth : 0);
        }
    }

    private Surroundings surroundings = (service, region, count, hours) -> Extra.NONE;

    /**
     * Where this part's offers may run (constraints.residency, rule residency.region): every offer,
     * of every service, recorded through {@link #offer} or {@link #add} is judged by it, so no planner
     * path can offer a region the residency rules out. None unless set ({@link #within}).
     */
    private java.util.function.Function<String, Optional<Violation>> region = r -> Optional.empty();

    /** Judges every offer's region from now on (an owned machine is not judged); returns this collector. */
    PartCollector within(java.util.function.Function<String, Optional<Violation>> judge) {
        this.region = judge;
        return this;
    }

    /** Whether the offer's region may be used; if not, the offer is eliminated by the region's rule. */
    private boolean allowed(Service service, String resource, String where) {
        if (service == Service.LOCAL) {
            return true;
        }
        Optional<Violation> v = region.apply(where);
        v.ifPresent(violation -> eliminate(service, resource, violation, 0));
        return v.isEmpty();
    }

    /** Adds what surrounds each offer from now on (issue 20); returns this collector. */
    PartCollector surround(Surroundings s) {
        this.surroundings = s;
        return this;
    }

    PartCollector(Building building) {
        this(building, PricingPolicy.ALL);
    }

    PartCollector(Building building, PricingPolicy policy) {
        this(building, policy, Objective.COST);
    }

    PartCollector(Building building, PricingPolicy policy, Objective objective) {
        this.building = building;
        this.policy = policy;
        this.objective = objective;
    }

    /** A feasible offer before ranking: its figures, and how to build the whole option when it is shown. */
    record Draft(Option option, Object detail, Supplier<Option> build) {
        /** The whole option (notes, cost lines, estimate steps), with this draft's rank. */
        Option built() {
            Option full = build.get();
            verify(option, full);
            return full.ranked(option.rank(), full.notes(), List.of());
        }
    }

    /** What offers are grouped by: the same resource at the same pricing model, in any region. */
    record Group(Service service, String resource, int count, PricingModel pricing) {
        static Group of(Option o) {
            return new Group(o.service(), o.instanceType(), o.count(), o.pricing());
        }
    }

    /** A feasible offer's figures and how to build its option ({@code detail} is for break-even). */
    record Offer(String id, double monthlyUsd, Double hoursPerRun, Double latencyMsP99, Supplier<Option> build, Object detail) {
        /** An offer of a run (training, batch): ranked by its hours per run, no latency. */
        Offer(String id, double monthlyUsd, Double hoursPerRun, Supplier<Option> build, Object detail) {
            this(id, monthlyUsd, hoursPerRun, null, build, detail);
        }
    }

    /** Something a planner works out for one offer: from its region, pricing model and price. */
    @FunctionalInterface
    interface PerOffer<P, R> {
        R apply(String region, PricingModel pricing, P price);
    }

    /**
     * A planner's side of {@link #offers}: one resource's price in a region under a pricing model
     * (empty when there is none), the rules an offer of it breaks (none when it is feasible), and the
     * feasible offer (empty when it cannot be made after all).
     */
    record Offers<P>(BiFunction<String, PricingModel, Optional<P>> price, PerOffer<P, List<Violation>> check, PerOffer<P, Optional<Offer>> offer) {}

    /**
     * Every region × pricing model offer of one resource: each one priced counts as considered, then
     * is eliminated by the rules it breaks or recorded with {@link #offer}.
     *
     * @param capability how capable the resource is, to order its eliminations
     */
    <P> void offers(Service service, String resource, int count, double capability, List<String> regions, List<PricingModel> pricings,
            Offers<P> offers) {
        for (String region : regions) {
            for (PricingModel pricing : pricings) {
                if (!policy.allows(pricing)) {
                    continue;
                }
                Optional<P> price = offers.price().apply(region, pricing);
                if (price.isEmpty()) {
                    continue;
                }
                considered++;
                List<Violation> vs = offers.check().apply(region, pricing, price.get());
                if (!vs.isEmpty()) {
                    eliminateAll(service, resource, vs, capability);
                    continue;
                }
                offers.offer().apply(region, pricing, price.get()).ifPresent(o -> offer(new Group(service, resource, count, pricing), region, o));
            }
        }
    }

    void considered(int n) {
        considered += n;
    }

    /**
     * Records an offer by its figures; its {@link Option} is built only if it is the best of its group
     * and shown ({@link #top}). {@code build} must give an option with these figures. An offer at a
     * pricing model the policy leaves out is dropped, as {@link #add} does.
     */
    void offer(Group group, String region, Offer offer) {
        if (!policy.allows(group.pricing()) || !allowed(group.service(), group.resource(), region)) {
            return;
        }
        feasible++;
        Extra extra = surroundings.of(group.service(), region, group.count(), offer.hoursPerRun());
        if (!extra.lines().isEmpty() || !extra.notes().isEmpty()) {
            Supplier<Option> bare = offer.build();
            offer = new Offer(offer.id(), offer.monthlyUsd() + extra.total(), offer.hoursPerRun(), offer.latencyMsP99(),
                    () -> extra.onto(bare.get()), offer.detail());
        }
        regionCost(group, region, offer.monthlyUsd());
        Option figures = new Option(0, offer.id(), group.service(), group.resource(), group.count(), region, group.pricing(), offer.hoursPerRun(),
                null, offer.latencyMsP99(), null, null, offer.monthlyUsd(), null, List.of(), List.of(), List.of(), List.of());
        Draft prev = best.get(group);
        if (prev == null || objective.groupOrder().compare(figures, prev.option()) < 0) {
            if (building == Building.AT_ONCE) {
                Option built = offer.build().get();
                verify(figures, built);
                best.put(group, new Draft(built, offer.detail(), () -> built));
            } else {
                best.put(group, new Draft(figures, offer.detail(), offer.build()));
            }
        } else if (building == Building.AT_ONCE) {
            verify(figures, offer.build().get());
        }
    }

    /** An offer's built option must have the figures it was ranked by: a planner bug otherwise. */
    static void verify(Option figures, Option built) {
        if (!(Objects.equals(figures.id(), built.id()) && figures.service() == built.service()
                && Objects.equals(figures.instanceType(), built.instanceType()) && figures.count() == built.count()
                && Objects.equals(figures.region(), built.region()) && figures.pricing() == built.pricing()
                && Objects.equals(figures.hoursPerRun(), built.hoursPerRun())
                && (figures.latencyMsP99() == null || Objects.equals(figures.latencyMsP99(), built.latencyMsP99())) && Double.compare(figures.monthlyUsd(), built.monthlyUsd()) == 0)) {
            throw new IllegalStateException("offer " + figures.id() + " was ranked at " + figures.monthlyUsd() + " USD/month, " + figures.hoursPerRun()
                    + " h/run but built as " + built.id() + " at " + built.monthlyUsd() + " USD/month, " + built.hoursPerRun() + " h/run");
        }
    }

    /** An option built at once (not offered when the pricing policy leaves its pricing model out). */
    void add(Option bare, Object detail) {
        if (!policy.allows(bare.pricing()) || !allowed(bare.service(), bare.instanceType(), bare.region())) {
            return;
        }
        Option o = surroundings.of(bare.service(), bare.region(), bare.count(), bare.hoursPerRun()).onto(bare);
        feasible++;
        Group group = Group.of(o);
        Draft prev = best.get(group);
        if (prev == null || objective.groupOrder().compare(o, prev.option()) < 0) {
            best.put(group, new Draft(o, detail, () -> o));
        }
        regionCost(group, o.region(), o.monthlyUsd());
    }

    /** Keeps the cheapest offer of the group in the region. */
    private void regionCost(Group group, String region, double monthlyUsd) {
        regionCosts.computeIfAbsent(group, g -> new TreeMap<>()).merge(region, monthlyUsd, Math::min);
    }

    private record EliminationKey(Service service, String resource, String rule) {}

    /** The first elimination of a key (its reason is the one shown), how capable its resource is, and how many there were. */
    private static final class Eliminated {
        final Elimination first;
        final double score;
        int count;

        Eliminated(Elimination first, double score) {
            this.first = first;
            this.score = score;
        }
    }

    /**
     * @param score how capable the eliminated resource is; within a rule, the most capable comes
     *     first, so the reason shown for a rule is the one that came closest to working
     */
    void eliminate(Service service, String resource, Violation v, double score) {
        // the first reason per key is kept: later ones are never formatted (Violation's reason is lazy)
        eliminations.computeIfAbsent(new EliminationKey(service, resource, v.rule()),
                k -> new Eliminated(new Elimination(service, resource, v.rule(), v.reason(), 0), score)).count++;
    }

    void eliminateAll(Service service, String resource, List<Violation> vs) {
        eliminateAll(service, resource, vs, 0);
    }

    void eliminateAll(Service service, String resource, List<Violation> vs, double score) {
        vs.forEach(v -> eliminate(service, resource, v, score));
    }

    /** All groups' best offers, ranked by the plan's {@link Objective}. */
    List<Draft> ranked() {
        List<Draft> all = objective.rank(List.copyOf(best.values()), Draft::option);
        List<Draft> out = new ArrayList<>(all.size());
        for (Draft d : all) {
            out.add(new Draft(d.option().ranked(out.size() + 1, d.option().notes(), List.of()), d.detail(), d.build()));
        }
        return out;
    }

    /** "other regions: us-west-2 +3%, eu-west-1 +12%" for the next cheapest regions of the same offer. */
    private Optional<String> regionNote(Option o) {
        Map<String, Double> costs = regionCosts.getOrDefault(Group.of(o), Map.of());
        if (costs.size() < 2 || o.monthlyUsd() <= 0) {
            return Optional.empty();
        }
        // cheapest first, then by region name
        List<Map.Entry<String, Double>> others = costs.entrySet().stream().filter(e -> !e.getKey().equals(o.region()))
                .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey())).toList();
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Double> e : others.subList(0, Math.min(3, others.size()))) {
            double diff = e.getValue() / o.monthlyUsd() - 1;
            shown.add(e.getKey() + ' ' + (diff >= 0.0005 ? "+" + Fmt.pct(diff) : diff <= -0.0005 ? "-" + Fmt.pct(-diff) : "same"));
        }
        return Optional.of("other regions: " + String.join(", ", shown) + (others.size() > 3 ? " and " + (others.size() - 3) + " more" : ""));
    }

    /** Alternatives shown per option: the cheapest other pricing models of the same resource, and on-demand always. */
    static final int MAX_ALTERNATIVES = 4;

    /** What options are shown by: the same resource, at any pricing model. */
    private record Resource(Service service, String resource, int count) {}

    /**
     * The options shown, from {@link #ranked()}'s list: the {@code n} cheapest distinct resources (service, resource, count), each
     * at its cheapest pricing model with the others as alternatives; an owned machine is always
     * shown, after them if it is not among them.
     */
    List<Option> top(List<Draft> ranked, int n) {
        Map<Resource, List<Draft>> byResource = new LinkedHashMap<>();
        for (Draft d : ranked) {
            Option o = d.option();
            byResource.computeIfAbsent(new Resource(o.service(), o.instanceType(), o.count()), k -> new ArrayList<>()).add(d);
        }
        List<Option> out = new ArrayList<>();
        int rank = 1;
        for (List<Draft> group : byResource.values()) {
            List<Option> options = group.stream().map(Draft::option).toList();
            if (out.size() < n || options.get(0).service() == Service.LOCAL) {
                // the next cheapest pricing models, and the cheapest on-demand one if it is not among them
                List<Option> shown = new ArrayList<>(options.subList(1, Math.min(options.size(), 1 + MAX_ALTERNATIVES)));
                options.stream().skip(1).filter(a -> a.pricing() == PricingModel.ON_DEMAND).findFirst()
                        .filter(a -> !shown.contains(a)).ifPresent(shown::add);
                List<Alternative> alts = shown.stream().map(a -> new Alternative(a.pricing(), a.region(), a.monthlyUsd(), a.id())).toList();
                Option best = group.get(0).built(); // the figures were enough to rank it; shown, it is built
                List<String> notes = new ArrayList<>(best.notes());
                regionNote(best).ifPresent(notes::add);
                out.add(best.ranked(rank, List.copyOf(notes), alts));
            }
            rank++;
        }
        return List.copyOf(out);
    }

    /**
     * The cost/time frontier of {@link #ranked()}'s list: of every feasible offer the part keeps (each
     * resource × count × pricing model at the region the ranking keeps), those no other beats on both
     * monthly cost and hours per run ({@link Frontier}), fastest first, each with the rank of its
     * resource as {@link #top} numbers them. From the offers' figures only: nothing is built.
     */
    static List<PlanResult.FrontierPoint> frontier(List<Draft> ranked) {
        Map<Resource, Integer> ranks = new LinkedHashMap<>();
        for (Draft d : ranked) {
            Option o = d.option();
            ranks.putIfAbsent(new Resource(o.service(), o.instanceType(), o.count()), ranks.size() + 1);
        }
        List<Option> options = ranked.stream().map(Draft::option).toList();
        return Frontier.of(options, o -> Optional.ofNullable(o.hoursPerRun()).map(h -> new Frontier.Axes(o.monthlyUsd(), h))).stream()
                .map(o -> new PlanResult.FrontierPoint(ranks.get(new Resource(o.service(), o.instanceType(), o.count())), o.id(), o.service(),
                        o.instanceType(), o.count(), o.region(), o.pricing(), o.hoursPerRun(), o.monthlyUsd()))
                .toList();
    }

    /** By rule; within a rule the most capable first, then by service and resource. */
    private static final Comparator<Eliminated> ELIMINATION_ORDER = (a, b) -> {
        int c = a.first.rule().compareTo(b.first.rule());
        if (c == 0) {
            c = Double.compare(-a.score, -b.score);
        }
        if (c == 0) {
            c = a.first.service().id().compareTo(b.first.service().id());
        }
        return c != 0 ? c : (a.first.instanceType() == null ? "" : a.first.instanceType()).compareTo(b.first.instanceType() == null ? "" : b.first.instanceType());
    };

    List<Elimination> eliminations() {
        return eliminations.values().stream().sorted(ELIMINATION_ORDER)
                .map(e -> new Elimination(e.first.service(), e.first.instanceType(), e.first.rule(), e.first.reason(), e.count)).toList();
    }

    int considered() {
        return considered;
    }

    int feasible() {
        return feasible;
    }
}
