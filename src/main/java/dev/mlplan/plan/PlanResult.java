package dev.mlplan.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Service;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.Step;
import java.util.List;
import java.util.Map;

/**
 * The versioned result of planning: the JSON contract of docs/design.md, JSON output ("schemaVersion": 1). Every
 * renderer and the CI gate read this model, never the engine's internals. Fields beyond those named
 * in docs/design.md are additions; none named there are renamed or removed within a schema version.
 */
@JsonPropertyOrder({"schemaVersion", "mlplanVersion", "catalog", "objective", "workloads", "portfolio"})
public record PlanResult(int schemaVersion, String mlplanVersion, CatalogRef catalog, List<WorkloadPlan> workloads,
        @JsonInclude(JsonInclude.Include.NON_NULL) Portfolio portfolio,
        @JsonInclude(JsonInclude.Include.NON_NULL) String objective) {

    public static final int SCHEMA_VERSION = 1;

    /** A plan without a portfolio total (one workload, or a plan built by hand). */
    public PlanResult(int schemaVersion, String mlplanVersion, CatalogRef catalog, List<WorkloadPlan> workloads) {
        this(schemaVersion, mlplanVersion, catalog, workloads, null);
    }

    /**
     * A plan ranked by cost, mlplan's default objective; {@code objective} names any other
     * ({@code "time"}, {@code "balanced"}: recommend --objective) and is absent for cost.
     */
    public PlanResult(int schemaVersion, String mlplanVersion, CatalogRef catalog, List<WorkloadPlan> workloads, Portfolio portfolio) {
        this(schemaVersion, mlplanVersion, catalog, workloads, portfolio, null);
    }

    /**
     * The total of a plan of several workloads: the sum of their monthly totals (each the sum of its
     * parts' best options).
     *
     * @param workloads how many workloads are summed
     * @param monthlyUsd the sum; null when a workload's total is unknown (a part with no feasible option)
     * @param unknown the workloads whose monthly total is unknown
     */
    @JsonPropertyOrder({"workloads", "monthlyUsd", "byCategory", "unknown"})
    public record Portfolio(
            int workloads,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double monthlyUsd,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> unknown,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> byCategory) {

        public Portfolio(int workloads, Double monthlyUsd, List<String> unknown) {
            this(workloads, monthlyUsd, unknown, null);
        }

        public static Portfolio of(List<WorkloadPlan> plans) {
            Tally tally = new Tally();
            for (WorkloadPlan w : plans) {
                tally.add(w);
            }
            return tally.portfolio();
        }

        /** The portfolio total built one workload at a time, for a plan streamed workload by workload. */
        public static final class Tally {
            private int workloads;
            private double sum;
            private final List<String> unknown = new java.util.ArrayList<>();
            private final Map<String, Double> split = new java.util.LinkedHashMap<>();

            public void add(WorkloadPlan w) {
                workloads++;
                if (w.monthlyUsd() == null) {
                    unknown.add(w.name());
                } else {
                    sum += w.monthlyUsd();
                }
                if (w.byCategory() != null) {
                    w.byCategory().forEach((k, v) -> split.merge(k, v, Double::sum));
                }
            }

            public int workloads() {
                return workloads;
            }

            public Portfolio portfolio() {
                // issue 20 item 7: the split across files, when every workload's total is known
                return new Portfolio(workloads, unknown.isEmpty() ? sum : null, List.copyOf(unknown),
                        unknown.isEmpty() ? CategorySplit.ordered(new java.util.LinkedHashMap<>(split)) : null);
            }
        }
    }

    /** Which catalog produced the figures. */
    @JsonPropertyOrder({"id", "pricesAsOf", "source"})
    public record CatalogRef(String id, String pricesAsOf, String source) {}

    /**
     * @param costs lines of the workload as a whole, not of one part (issue 20: the EKS control plane, once per
     *     file; CloudWatch Logs of its services), counted in {@code monthlyUsd}
     * @param byCategory {@code monthlyUsd} split by {@link dev.mlplan.cost.CostCategory} (issue 20 item 7), keyed by its label;
     *     absent when the total is unknown
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "file", "description", "regions", "parts", "costs", "breakEven", "monthlyUsd", "byCategory", "budget", "warnings"})
    public record WorkloadPlan(
            String name,
            String file,
            String description,
            List<String> regions,
            List<PartPlan> parts,
            List<BreakEvenResult> breakEven,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double monthlyUsd,
            Budget budget,
            List<String> warnings,
            List<CostComponent> costs,
            Map<String, Double> byCategory) {

        /** A workload plan without workload-level lines or a split (plans built by hand, saved before issue 20). */
        public WorkloadPlan(String name, String file, String description, List<String> regions, List<PartPlan> parts,
                List<BreakEvenResult> breakEven, Double monthlyUsd, Budget budget, List<String> warnings) {
            this(name, file, description, regions, parts, breakEven, monthlyUsd, budget, warnings, List.of(), null);
        }

        /**
         * The workload with each part's rank-1 option only, without eliminations and steps: what
         * {@code check} keeps of each workload it gates, so that checking a thousand files does not
         * hold every plan whole.
         */
        public WorkloadPlan summary() {
            List<PartPlan> best = new java.util.ArrayList<>(parts.size());
            for (PartPlan p : parts) {
                best.add(p.summary());
            }
            return new WorkloadPlan(name, file, description, regions, List.copyOf(best), breakEven, monthlyUsd, budget, warnings, costs, byCategory);
        }

        public WorkloadPlan {
            costs = costs == null ? List.of() : List.copyOf(costs);
        }
    }

    /**
     * @param part the kind: training, inference or storage
     * @param requirements what the part needs (numbers only; names carry their units)
     * @param assumptions the chain of formulas and assumptions behind the requirements
     * @param considered candidates evaluated (shapes × regions × pricing models)
     * @param feasible feasible offers before the top-N cut
     * @param name the item's name in the workload (schema version 2); null, and not written, for an unnamed one
     * @param frontier the cost/time Pareto frontier of a training or batch part, fastest first ({@code --frontier}); absent otherwise
     * @param sensitivity where each input flips the rank-1 option ({@code --sensitivity}); absent otherwise
     */
    @JsonPropertyOrder({"part", "name", "requirements", "options", "frontier", "sensitivity", "eliminated", "assumptions", "considered", "feasible"})
    public record PartPlan(
            String part,
            Map<String, Object> requirements,
            List<Option> options,
            List<Elimination> eliminated,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Step> assumptions,
            int considered,
            int feasible,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FrontierPoint> frontier,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Sensitivity.Entry> sensitivity) {

        /** A part without a sensitivity list. */
        public PartPlan(String part, Map<String, Object> requirements, List<Option> options, List<Elimination> eliminated, List<Step> assumptions,
                int considered, int feasible, String name, List<FrontierPoint> frontier) {
            this(part, requirements, options, eliminated, assumptions, considered, feasible, name, frontier, null);
        }

        /** The part with its rank-1 option only (none when it has none), without eliminations, steps, frontier or sensitivity. */
        public PartPlan summary() {
            return new PartPlan(part, requirements, options.isEmpty() ? List.of() : List.of(options.get(0)), List.of(), List.of(), considered, feasible,
                    name, null, null);
        }

        /** The same part with its sensitivity list. */
        public PartPlan withSensitivity(List<Sensitivity.Entry> entries) {
            return new PartPlan(part, requirements, options, eliminated, assumptions, considered, feasible, name, frontier, entries);
        }

        /** A part without a frontier. */
        public PartPlan(String part, Map<String, Object> requirements, List<Option> options, List<Elimination> eliminated, List<Step> assumptions,
                int considered, int feasible, String name) {
            this(part, requirements, options, eliminated, assumptions, considered, feasible, name, null);
        }

        /** The same part with its cost/time frontier. */
        public PartPlan withFrontier(List<FrontierPoint> points) {
            return new PartPlan(part, requirements, options, eliminated, assumptions, considered, feasible, name, points, sensitivity);
        }

        /** An unnamed part (a workload's only item of its kind, as in schema version 1). */
        public PartPlan(String part, Map<String, Object> requirements, List<Option> options, List<Elimination> eliminated, List<Step> assumptions,
                int considered, int feasible) {
            this(part, requirements, options, eliminated, assumptions, considered, feasible, null);
        }

        /**
         * The same part carrying its item's name (null for none). A named part's option ids name it
         * too ("training/nightly-finetune/ec2/…"), so that ids stay unique in a workload of several
         * items of one kind; an unnamed part's ids are unchanged.
         */
        public PartPlan named(String newName) {
            if (newName == null) {
                return new PartPlan(part, requirements, options, eliminated, assumptions, considered, feasible, null, frontier, sensitivity);
            }
            List<Option> renamed = new java.util.ArrayList<>(options.size());
            for (Option o : options) {
                List<Alternative> alternatives = o.alternatives() == null ? null
                        : o.alternatives().stream().map(a -> new Alternative(a.pricing(), a.region(), a.monthlyUsd(), itemId(a.id(), newName))).toList();
                renamed.add(o.withId(itemId(o.id(), newName), alternatives));
            }
            List<FrontierPoint> points = frontier == null ? null
                    : frontier.stream().map(f -> new FrontierPoint(f.rank(), itemId(f.id(), newName), f.service(), f.instanceType(), f.count(),
                            f.region(), f.pricing(), f.hoursPerRun(), f.monthlyUsd())).toList();
            return new PartPlan(part, requirements, List.copyOf(renamed), eliminated, assumptions, considered, feasible, newName, points, sensitivity);
        }

        private String itemId(String id, String itemName) {
            return id != null && id.startsWith(part + "/") ? part + "/" + itemName + id.substring(part.length()) : id;
        }

        /** How renderers title the part: "training", or "training: nightly-finetune" for a named item. */
        @JsonIgnore
        public String label() {
            return name == null ? part : part + ": " + name;
        }
    }

    /**
     * One ranked option; its service and pricing model are written as their JSON ids ("ec2",
     * "reserved-1y-no-upfront", "per-request", "local"). {@code estimate} is the chain of formulas behind this option's own figures
     * (hours per run, throughput, latency), after the part's shared requirement steps. An LLM served
     * on instances also carries its estimated p99 time to first token and time per output token.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"rank", "id", "service", "instanceType", "count", "region", "pricing", "hoursPerRun",
        "requestsPerSecondPerInstance", "latencyMsP99", "ttftMsP99", "tpotMsP99", "tokensPerSecondPerInstance", "usdPerRun", "monthlyUsd",
        "upfrontUsd", "costs", "notes", "alternatives", "estimate"})
    public record Option(
            int rank,
            String id,
            Service service,
            String instanceType,
            int count,
            String region,
            PricingModel pricing,
            Double hoursPerRun,
            Double requestsPerSecondPerInstance,
            Double latencyMsP99,
            Double tokensPerSecondPerInstance,
            Double usdPerRun,
            double monthlyUsd,
            Double upfrontUsd,
            List<CostComponent> costs,
            List<String> notes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Alternative> alternatives,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Step> estimate,
            Double ttftMsP99,
            Double tpotMsP99,
            Double sweepHours,
            Double usdPerSweep) {

        /** An option that is not part of a sweep (training.trials 1, or any other part). */
        public Option(int rank, String id, Service service, String instanceType, int count, String region, PricingModel pricing,
                Double hoursPerRun, Double requestsPerSecondPerInstance, Double latencyMsP99, Double tokensPerSecondPerInstance,
                Double usdPerRun, double monthlyUsd, Double upfrontUsd, List<CostComponent> costs, List<String> notes,
                List<Alternative> alternatives, List<Step> estimate, Double ttftMsP99, Double tpotMsP99) {
            this(rank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance, latencyMsP99,
                    tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, notes, alternatives, estimate, ttftMsP99, tpotMsP99,
                    null, null);
        }

        /** An option without token timings (anything but an LLM served on instances). */
        public Option(int rank, String id, Service service, String instanceType, int count, String region, PricingModel pricing,
                Double hoursPerRun, Double requestsPerSecondPerInstance, Double latencyMsP99, Double tokensPerSecondPerInstance,
                Double usdPerRun, double monthlyUsd, Double upfrontUsd, List<CostComponent> costs, List<String> notes,
                List<Alternative> alternatives, List<Step> estimate) {
            this(rank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance, latencyMsP99,
                    tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, notes, alternatives, estimate, null, null);
        }

        /**
         * The same option with what surrounds it (front door, S3 access path, logs: issue 20) added to its
         * cost lines, notes and monthly cost; {@code usdPerRunAdded} is added to the cost per run when it has one.
         */
        public Option withSurroundings(List<CostComponent> lines, List<String> moreNotes, double usdPerRunAdded) {
            if (lines.isEmpty() && moreNotes.isEmpty()) {
                return this;
            }
            List<CostComponent> allCosts = new java.util.ArrayList<>(costs);
            allCosts.addAll(lines);
            List<String> allNotes = new java.util.ArrayList<>(notes);
            allNotes.addAll(moreNotes);
            return new Option(rank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance, latencyMsP99,
                    tokensPerSecondPerInstance, usdPerRun == null ? null : usdPerRun + usdPerRunAdded, monthlyUsd + CostComponent.total(lines),
                    upfrontUsd, List.copyOf(allCosts), List.copyOf(allNotes), alternatives, estimate, ttftMsP99, tpotMsP99, sweepHours, usdPerSweep);
        }

        /** The same option with a rank and alternatives set. */
        public Option ranked(int newRank, List<String> newNotes, List<Alternative> newAlternatives) {
            return new Option(newRank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance,
                    latencyMsP99, tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, newNotes, newAlternatives, estimate,
                    ttftMsP99, tpotMsP99, sweepHours, usdPerSweep);
        }

        /** The same training option with the wall time and cost of one sweep (training.trials above 1). */
        public Option withSweep(Double hours, Double usd) {
            return new Option(rank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance,
                    latencyMsP99, tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, notes, alternatives, estimate, ttftMsP99,
                    tpotMsP99, hours, usd);
        }

        /** The same option under another id, with its alternatives' ids changed alike. */
        public Option withId(String newId, List<Alternative> newAlternatives) {
            return new Option(rank, newId, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance,
                    latencyMsP99, tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, notes, newAlternatives, estimate,
                    ttftMsP99, tpotMsP99);
        }

        /** The same option with an LLM's p99 time to first token and time per output token. */
        public Option withTokenTimes(Double ttft, Double tpot) {
            return new Option(rank, id, service, instanceType, count, region, pricing, hoursPerRun, requestsPerSecondPerInstance,
                    latencyMsP99, tokensPerSecondPerInstance, usdPerRun, monthlyUsd, upfrontUsd, costs, notes, alternatives, estimate, ttft, tpot,
                    sweepHours, usdPerSweep);
        }
    }

    /**
     * An option on a part's cost/time frontier: no other feasible option of the part costs less per
     * month and runs in fewer hours (recommend --frontier).
     *
     * @param rank the rank of its resource (instance type × count) in the part's ranking: a row of the
     *     options shown when at most --top, else ranked below them
     */
    @JsonPropertyOrder({"rank", "id", "service", "instanceType", "count", "region", "pricing", "hoursPerRun", "monthlyUsd"})
    public record FrontierPoint(int rank, String id, Service service, String instanceType, int count, String region, PricingModel pricing,
            Double hoursPerRun, double monthlyUsd) {}

    /** The same resource under another pricing model (its cheapest region). */
    @JsonPropertyOrder({"pricing", "region", "monthlyUsd", "id"})
    public record Alternative(PricingModel pricing, String region, double monthlyUsd, String id) {}

    /**
     * @param occurrences how many candidates (regions × pricing models × sizes) this rule eliminated for this resource
     */
    @JsonPropertyOrder({"service", "instanceType", "rule", "reason", "occurrences"})
    public record Elimination(Service service, String instanceType, String rule, String reason, int occurrences) {}

    /**
     * @param hoursPerMonth hours of the cloud option's use per month at which owning costs the same
     *     (null when owning never pays off against it)
     * @param localHoursPerMonth the same amount of work measured in local working hours
     * @param workloadLocalHoursPerMonth local working hours this workload needs each month
     * @param cheaper "local" or "cloud" at this workload's use
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"local", "versus", "hoursPerMonth", "localHoursPerMonth", "speedRatio", "workloadLocalHoursPerMonth",
        "localMonthlyUsd", "cloudMonthlyUsd", "cheaper", "formula"})
    public record BreakEvenResult(
            String local,
            String versus,
            Double hoursPerMonth,
            Double localHoursPerMonth,
            Double speedRatio,
            Double workloadLocalHoursPerMonth,
            Double localMonthlyUsd,
            Double cloudMonthlyUsd,
            String cheaper,
            String formula) {}

    /** status: pass | warn | fail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"monthlyUsd", "warnAtUsd", "status", "reason"})
    public record Budget(Double monthlyUsd, Double warnAtUsd, String status, String reason) {}
}
