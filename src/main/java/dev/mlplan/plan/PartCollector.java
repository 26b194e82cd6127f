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
 */
final class PartCollector {
    private final Map<String, Draft> best = new LinkedHashMap<>();
    /** The regions each group was offered in. */
    private final Map<String, Set<String>> groupRegions = new HashMap<>();
    private final Map<String, int[]> eliminationCounts = new LinkedHashMap<>();
    private final Map<String, Elimination> eliminations = new LinkedHashMap<>();
    private final Map<String, Double> eliminationScores = new LinkedHashMap<>();
    private int considered;
    private int feasible;

    /** A feasible offer before ranking. */
    record Draft(Option option, String groupKey, Object detail) {}

    void considered(int n) {
        considered += n;
    }

    void add(Option o, Object detail) {
        feasible++;
        String group = o.service() + '|' + o.instanceType() + '|' + o.count() + '|' + o.pricing();
        Draft d = new Draft(o, group, detail);
        Draft prev = best.get(group);
        if (prev == null || ORDER.compare(o, prev.option()) < 0) {
            best.put(group, d);
        }
        groupRegions.computeIfAbsent(group, k -> new HashSet<>()).add(o.region());
    }

    /**
     * @param score how capable the eliminated resource is; within a rule, the most capable comes
     *     first, so the reason shown for a rule is the one that came closest to working
     */
    void eliminate(String service, String resource, Violation v, double score) {
        String key = service + '|' + resource + '|' + v.rule();
        eliminations.putIfAbsent(key, new Elimination(service, resource, v.rule(), v.reason(), 0));
        eliminationScores.putIfAbsent(key, score);
        eliminationCounts.computeIfAbsent(key, k -> new int[1])[0]++;
    }

    void eliminateAll(String service, String resource, List<Violation> vs) {
        vs.forEach(v -> eliminate(service, resource, v, 0));
    }

    void eliminateAll(String service, String resource, List<Violation> vs, double score) {
        vs.forEach(v -> eliminate(service, resource, v, score));
    }

    static final Comparator<Option> ORDER = Comparator.comparingDouble(Option::monthlyUsd)
            .thenComparing(o -> o.hoursPerRun() == null ? 0 : o.hoursPerRun())
            .thenComparing(Option::id);

    /** All groups' best offers, ranked, with a note naming the other regions offered. */
    List<Draft> ranked() {
        List<Draft> all = new ArrayList<>(best.values());
        all.sort(Comparator.comparing(Draft::option, ORDER));
        List<Draft> out = new ArrayList<>(all.size());
        int rank = 1;
        for (Draft d : all) {
            Option o = d.option();
            Set<String> regions = groupRegions.get(d.groupKey());
            int otherRegions = regions.size() - (regions.contains(o.region()) ? 1 : 0);
            List<String> notes = new ArrayList<>(o.notes());
            if (otherRegions > 0) {
                notes.add("cheapest of " + (otherRegions + 1) + " regions offered");
            }
            Option ranked = new Option(rank++, o.id(), o.service(), o.instanceType(), o.count(), o.region(), o.pricing(), o.hoursPerRun(),
                    o.requestsPerSecondPerInstance(), o.latencyMsP99(), o.tokensPerSecondPerInstance(), o.usdPerRun(), o.monthlyUsd(),
                    o.upfrontUsd(), o.costs(), List.copyOf(notes));
            out.add(new Draft(ranked, d.groupKey(), d.detail()));
        }
        return out;
    }

    List<Elimination> eliminations() {
        record Scored(Elimination e, double score) {}
        List<Scored> all = new ArrayList<>();
        for (var e : eliminations.entrySet()) {
            Elimination el = e.getValue();
            all.add(new Scored(new Elimination(el.service(), el.instanceType(), el.rule(), el.reason(), eliminationCounts.get(e.getKey())[0]),
                    eliminationScores.get(e.getKey())));
        }
        all.sort(Comparator.comparing((Scored s) -> s.e().rule()).thenComparing(s -> -s.score()).thenComparing(s -> s.e().service())
                .thenComparing(s -> s.e().instanceType() == null ? "" : s.e().instanceType()));
        return all.stream().map(Scored::e).toList();
    }

    int considered() {
        return considered;
    }

    int feasible() {
        return feasible;
    }
}
