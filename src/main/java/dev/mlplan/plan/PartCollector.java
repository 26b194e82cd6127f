package dev.mlplan.plan;

import dev.mlplan.constraint.Violation;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers one part's feasible offers and eliminations while candidates are evaluated, then ranks:
 * cheapest per month first (ties: shorter run, then id). Of offers that differ only in region, the
 * cheapest region is kept and the others are mentioned in its notes. Eliminations are grouped by
 * (service, resource, rule) with the first reason and a count.
 *
 * <p>Plain loops and comparator classes rather than streams and lambdas: this runs once per process,
 * in a cold JVM, where each lambda costs a bootstrap (docs/performance.md).
 */
final class PartCollector {
    private final Map<String, Draft> best = new LinkedHashMap<>();
    /** Per group, the cheapest offer in each region: to show what other regions would cost. */
    private final Map<String, Map<String, Double>> regionCosts = new LinkedHashMap<>();
    private final Map<String, int[]> eliminationCounts = new LinkedHashMap<>();
    private final Map<String, Elimination> eliminations = new LinkedHashMap<>();
    private final Map<String, Double> eliminationScores = new LinkedHashMap<>();
    private int considered;
    private int feasible;

    /**
     * A feasible offer before ranking. An offer made with {@link #offer} holds only its figures (id,
     * resource, region, pricing, hours, monthly cost) until it is shown: {@link #top} builds it then.
     */
    record Draft(Option option, String groupKey, Object detail, java.util.function.Supplier<Option> build) {
        Draft(Option option, String groupKey, Object detail) {
            this(option, groupKey, detail, null);
        }

        /** The whole option (notes, cost lines, estimate steps), with this draft's rank. */
        Option built() {
            if (build == null) {
                return option;
            }
            Option full = build.get();
            verify(option, full);
            return full.ranked(option.rank(), full.notes(), List.of());
        }
    }

    /** What offers are grouped by: the same resource at the same pricing model, in any region. */
    record Group(String key, String service, String resource, int count, String pricing) {
        static Group of(String service, String resource, int count, String pricing) {
            return new Group(group(service, resource, count, pricing), service, resource, count, pricing);
        }
    }

    void considered(int n) {
        considered += n;
    }

    /** An offer's id known up front, for {@link #offer} (which asks for ids only to break ties). */
    static final class KnownId implements java.util.function.Supplier<String> {
        private final String id;

        KnownId(String id) {
            this.id = id;
        }

        @Override
        public String get() {
            return id;
        }
    }

    /**
     * Records an offer by its figures; its {@link Option} (notes, cost lines, estimate steps: the
     * costly part) is built only if it is the best of its group and shown ({@link #top}). The
     * result equals adding every built option with {@link #add}: {@code build} must give an option
     * with these figures ({@code PartCollectorTest} holds the planners to it).
     */
    void offer(Group group, String region, java.util.function.Supplier<String> id, double monthlyUsd, Double hoursPerRun,
            java.util.function.Supplier<Option> build, Object detail) {
        feasible++;
        regionCost(group.key(), region, monthlyUsd);
        Draft prev = best.get(group.key());
        if (buildEveryOffer) {
            // as before options were built only when shown: built here, at the time of the offer
            Option built = build.get();
            verify(figures(group, region, id, monthlyUsd, hoursPerRun), built);
            if (prev == null || beats(monthlyUsd, hoursPerRun, id, prev.option())) {
                best.put(group.key(), new Draft(built, group.key(), detail));
            }
            return;
        }
        if (prev == null || beats(monthlyUsd, hoursPerRun, id, prev.option())) {
            best.put(group.key(), new Draft(figures(group, region, id, monthlyUsd, hoursPerRun), group.key(), detail, build));
        }
    }

    private static Option figures(Group group, String region, java.util.function.Supplier<String> id, double monthlyUsd, Double hoursPerRun) {
        return new Option(0, id.get(), group.service(), group.resource(), group.count(), region, group.pricing(), hoursPerRun, null, null, null, null,
                monthlyUsd, null, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Tests only: build every offer's option when it is made and keep the built one, as before options
     * were built only when shown; each must have the figures it is ranked by ({@code PartCollectorTest}
     * compares the plans made both ways).
     */
    static volatile boolean buildEveryOffer;

    /** An offer's built option must have the figures it was ranked by: a planner bug otherwise. */
    static void verify(Option figures, Option built) {
        if (!(figures.id().equals(built.id()) && figures.service().equals(built.service()) && figures.instanceType().equals(built.instanceType())
                && figures.count() == built.count() && figures.region().equals(built.region()) && figures.pricing().equals(built.pricing())
                && java.util.Objects.equals(figures.hoursPerRun(), built.hoursPerRun())
                && Double.compare(figures.monthlyUsd(), built.monthlyUsd()) == 0)) {
            throw new IllegalStateException("offer " + figures.id() + " was ranked at " + figures.monthlyUsd() + " USD/month, " + figures.hoursPerRun()
                    + " h/run but built as " + built.id() + " at " + built.monthlyUsd() + " USD/month, " + built.hoursPerRun() + " h/run");
        }
    }

    /** The key offers are grouped by (the best of each group is ranked): the same for {@link #add} and {@link #offer}. */
    static String group(String service, String resource, int count, String pricing) {
        return service + '|' + resource + '|' + count + '|' + pricing;
    }

    /** {@link #ORDER} on an offer's figures before its option is built (the id only breaks ties). */
    private static boolean beats(double monthlyUsd, Double hours, java.util.function.Supplier<String> id, Option o) {
        int c = Double.compare(monthlyUsd, o.monthlyUsd());
        if (c == 0) {
            c = Double.compare(hours == null ? 0 : hours, o.hoursPerRun() == null ? 0 : o.hoursPerRun());
        }
        if (c == 0) {
            c = id.get().compareTo(o.id());
        }
        return c < 0;
    }

    void add(Option o, Object detail) {
        feasible++;
        String group = group(o.service(), o.instanceType(), o.count(), o.pricing());
        Draft d = new Draft(o, group, detail);
        Draft prev = best.get(group);
        if (prev == null || ORDER.compare(o, prev.option()) < 0) {
            best.put(group, d);
        }
        regionCost(group, o.region(), o.monthlyUsd());
    }

    /** Keeps the cheapest offer of the group in the region. */
    private void regionCost(String group, String region, double monthlyUsd) {
        Map<String, Double> costs = regionCosts.get(group);
        if (costs == null) {
            costs = new java.util.TreeMap<>();
            regionCosts.put(group, costs);
        }
        Double prev = costs.get(region);
        costs.put(region, prev == null ? monthlyUsd : Math.min(prev, monthlyUsd));
    }

    /**
     * @param score how capable the eliminated resource is; within a rule, the most capable comes
     *     first, so the reason shown for a rule is the one that came closest to working
     */
    void eliminate(String service, String resource, Violation v, double score) {
        String key = service + '|' + resource + '|' + v.rule();
        if (!eliminations.containsKey(key)) {
            // the first reason per key is kept: later ones are never formatted (Violation's reason is lazy)
            eliminations.put(key, new Elimination(service, resource, v.rule(), v.reason(), 0));
        }
        eliminationScores.putIfAbsent(key, score);
        int[] count = eliminationCounts.get(key);
        if (count == null) {
            count = new int[1];
            eliminationCounts.put(key, count);
        }
        count[0]++;
    }

    void eliminateAll(String service, String resource, List<Violation> vs) {
        eliminateAll(service, resource, vs, 0);
    }

    void eliminateAll(String service, String resource, List<Violation> vs, double score) {
        for (Violation v : vs) {
            eliminate(service, resource, v, score);
        }
    }

    /** Cheapest per month first; ties: shorter run (none counts as 0), then id. */
    static final Comparator<Option> ORDER = new Comparator<>() {
        @Override
        public int compare(Option a, Option b) {
            int c = Double.compare(a.monthlyUsd(), b.monthlyUsd());
            if (c == 0) {
                c = Double.compare(a.hoursPerRun() == null ? 0 : a.hoursPerRun(), b.hoursPerRun() == null ? 0 : b.hoursPerRun());
            }
            return c != 0 ? c : a.id().compareTo(b.id());
        }
    };

    /** All groups' best offers, ranked. */
    List<Draft> ranked() {
        List<Draft> all = new ArrayList<>(best.values());
        all.sort(new Comparator<>() {
            @Override
            public int compare(Draft a, Draft b) {
                return ORDER.compare(a.option(), b.option());
            }
        });
        List<Draft> out = new ArrayList<>(all.size());
        int rank = 1;
        for (Draft d : all) {
            Option o = d.option();
            out.add(new Draft(o.ranked(rank++, o.notes(), List.of()), d.groupKey(), d.detail(), d.build()));
        }
        return out;
    }

    /** "other regions: us-west-2 +3%, eu-west-1 +12%" for the next cheapest regions of the same offer. */
    private String regionNote(String group, Option o) {
        Map<String, Double> costs = regionCosts.getOrDefault(group, Map.of());
        if (costs.size() < 2 || o.monthlyUsd() <= 0) {
            return null;
        }
        List<Map.Entry<String, Double>> others = new ArrayList<>(costs.size());
        for (Map.Entry<String, Double> e : costs.entrySet()) {
            if (!e.getKey().equals(o.region())) {
                others.add(e);
            }
        }
        // cheapest first, then by region name
        others.sort(new Comparator<>() {
            @Override
            public int compare(Map.Entry<String, Double> a, Map.Entry<String, Double> b) {
                int c = a.getValue().compareTo(b.getValue());
                return c != 0 ? c : a.getKey().compareTo(b.getKey());
            }
        });
        StringBuilder sb = new StringBuilder("other regions: ");
        for (int i = 0; i < Math.min(3, others.size()); i++) {
            double diff = others.get(i).getValue() / o.monthlyUsd() - 1;
            sb.append(i > 0 ? ", " : "").append(others.get(i).getKey()).append(' ').append(diff >= 0.0005 ? "+" + dev.mlplan.util.Fmt.pct(diff)
                    : diff <= -0.0005 ? "-" + dev.mlplan.util.Fmt.pct(-diff) : "same");
        }
        if (others.size() > 3) {
            sb.append(" and ").append(others.size() - 3).append(" more");
        }
        return sb.toString();
    }

    /** Alternatives shown per option: the cheapest other pricing models of the same resource, and on-demand always. */
    static final int MAX_ALTERNATIVES = 4;

    /**
     * The options shown, from {@link #ranked()}'s list: the {@code n} cheapest distinct resources (service, resource, count), each
     * at its cheapest pricing model with the others as alternatives; an owned machine is always
     * shown, after them if it is not among them.
     */
    List<Option> top(List<Draft> ranked, int n) {
        Map<String, List<Option>> byResource = new LinkedHashMap<>();
        Map<String, Draft> firstDraft = new HashMap<>();
        for (Draft d : ranked) {
            Option o = d.option();
            String key = o.service() + '|' + o.instanceType() + '|' + o.count();
            List<Option> same = byResource.get(key);
            if (same == null) {
                same = new ArrayList<>();
                byResource.put(key, same);
                firstDraft.put(key, d);
            }
            same.add(o);
        }
        List<Option> out = new ArrayList<>();
        int rank = 1;
        for (Map.Entry<String, List<Option>> e : byResource.entrySet()) {
            List<Option> group = e.getValue();
            Option best = group.get(0);
            boolean local = "local".equals(best.service());
            if (out.size() < n || local) {
                // the next cheapest pricing models, and the cheapest on-demand one if it is not among them
                List<Option> shown = new ArrayList<>(group.subList(1, Math.min(group.size(), 1 + MAX_ALTERNATIVES)));
                for (Option a : group.subList(1, group.size())) {
                    if (a.pricing().equals("on-demand")) {
                        if (!containsSame(shown, a)) {
                            shown.add(a);
                        }
                        break;
                    }
                }
                List<PlanResult.Alternative> alts = new ArrayList<>(shown.size());
                for (Option a : shown) {
                    alts.add(new PlanResult.Alternative(a.pricing(), a.region(), a.monthlyUsd(), a.id()));
                }
                alts = List.copyOf(alts);
                best = firstDraft.get(e.getKey()).built(); // the figures were enough to rank it; shown, it is built
                List<String> notes = new ArrayList<>(best.notes());
                String regions = regionNote(group(best.service(), best.instanceType(), best.count(), best.pricing()), best);
                if (regions != null) {
                    notes.add(regions);
                }
                out.add(best.ranked(rank, List.copyOf(notes), alts));
            }
            rank++;
        }
        return List.copyOf(out);
    }

    private static boolean containsSame(List<Option> options, Option o) {
        for (Option x : options) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    List<Elimination> eliminations() {
        record Scored(Elimination e, double score) {}
        List<Scored> all = new ArrayList<>();
        for (var e : eliminations.entrySet()) {
            Elimination el = e.getValue();
            all.add(new Scored(new Elimination(el.service(), el.instanceType(), el.rule(), el.reason(), eliminationCounts.get(e.getKey())[0]),
                    eliminationScores.get(e.getKey())));
        }
        // by rule; within a rule the most capable first, then by service and resource
        all.sort(new Comparator<>() {
            @Override
            public int compare(Scored a, Scored b) {
                int c = a.e().rule().compareTo(b.e().rule());
                if (c == 0) {
                    c = Double.compare(-a.score(), -b.score());
                }
                if (c == 0) {
                    c = a.e().service().compareTo(b.e().service());
                }
                if (c == 0) {
                    c = (a.e().instanceType() == null ? "" : a.e().instanceType()).compareTo(b.e().instanceType() == null ? "" : b.e().instanceType());
                }
                return c;
            }
        });
        List<Elimination> out = new ArrayList<>(all.size());
        for (Scored s : all) {
            out.add(s.e());
        }
        return List.copyOf(out);
    }

    int considered() {
        return considered;
    }

    int feasible() {
        return feasible;
    }
}
