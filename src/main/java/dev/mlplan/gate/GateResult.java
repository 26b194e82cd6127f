package dev.mlplan.gate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What a check decided: per workload the rules applied (budget, increase over a baseline) with a
 * status and a one-line reason, the cost difference per part against the baseline, and the overall
 * status (the worst of the workloads'). Workloads are sorted by name; removed ones are included.
 *
 * @param baseline whether a baseline was compared
 * @param maxIncrease the allowed increase, e.g. "+10%", or null
 * @param pricing the pricing model the gate's costs are under ({@code check --pricing}), or null for each
 *     workload's best option at any pricing its policy allows
 * @param invalid the files that could not be read as workloads, so were not planned; any makes the
 *     check fail (and {@code mlplan check} exit 2)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "summary", "baseline", "maxIncrease", "pricing", "workloads", "portfolio", "invalid"})
public record GateResult(Status status, String summary, boolean baseline, String maxIncrease, List<WorkloadGate> workloads,
        PortfolioGate portfolio, String pricing, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InvalidFile> invalid) {

    /** A result of valid files only. */
    public GateResult(Status status, String summary, boolean baseline, String maxIncrease, List<WorkloadGate> workloads,
            PortfolioGate portfolio, String pricing) {
        this(status, summary, baseline, maxIncrease, workloads, portfolio, pricing, List.of());
    }

    /** A result without a portfolio line (one workload), on each workload's own plan (no {@code --pricing}). */
    public GateResult(Status status, String summary, boolean baseline, String maxIncrease, List<WorkloadGate> workloads) {
        this(status, summary, baseline, maxIncrease, workloads, null, null);
    }

    /**
     * The portfolio's verdict: the sum of the workloads' monthly totals, gated by {@code --budget}
     * only with {@code --total}.
     *
     * @param workloads how many workloads are summed
     * @param monthlyUsd the sum (null when a workload's total is unknown)
     * @param budgetUsd the portfolio budget ({@code --budget} with {@code --total}); null when not gated
     * @param reason one line: the sum and, when gated, its share of the budget
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"workloads", "status", "monthlyUsd", "budgetUsd", "warnAtUsd", "reason"})
    public record PortfolioGate(int workloads, Status status, Double monthlyUsd, Double budgetUsd, Double warnAtUsd, String reason) {}

    /** The same result, its costs those of the best options under {@code pricing} ({@code check --pricing}). */
    public GateResult underPricing(String pricing) {
        return new GateResult(status, summary, baseline, maxIncrease, workloads, portfolio, pricing, invalid);
    }

    /**
     * A workload file that could not be checked: where the problem is and what it is.
     *
     * @param file as the command line named it
     * @param line 1-based, or null for a problem with the file as a whole (missing, empty)
     * @param column 1-based, or null
     * @param problem what is wrong, with its hint ("unknown key 'epoch' (did you mean 'epochs'?)")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "line", "column", "problem"})
    public record InvalidFile(String file, Integer line, Integer column, String problem) {
        /** The name and problem hold input: made safe and one line here, whoever builds one. */
        public InvalidFile {
            file = dev.mlplan.util.SafeText.oneLine(file);
            problem = dev.mlplan.util.SafeText.oneLine(problem);
        }

        /** "file:line:column: problem", as mlplan reports any invalid workload. */
        public String describe() {
            return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column)) + ": " + problem;
        }
    }

    /** How a workload or part compares with the baseline. */
    public enum Change {
        ADDED, REMOVED, CHANGED, UNCHANGED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One workload's verdict.
     *
     * @param monthlyUsd the current monthly total (null when unknown or removed)
     * @param budgetUsd the budget applied (null when none)
     * @param baselineUsd the baseline's monthly total (null without baseline, or when unknown / added)
     * @param change null without a baseline
     * @param reason the one line that explains the status (the reasons of the rules with that status, joined by "; ")
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "file", "status", "monthlyUsd", "budgetUsd", "warnAtUsd", "baselineUsd", "deltaUsd", "deltaPercent",
        "change", "reason", "rules", "parts"})
    public record WorkloadGate(
            String name,
            String file,
            Status status,
            Double monthlyUsd,
            Double budgetUsd,
            Double warnAtUsd,
            Double baselineUsd,
            Double deltaUsd,
            Double deltaPercent,
            Change change,
            String reason,
            List<RuleResult> rules,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartDiff> parts) {}

    /**
     * @param rule "budget" or "max-increase"
     */
    @JsonPropertyOrder({"rule", "status", "reason"})
    public record RuleResult(String rule, Status status, String reason) {}

    /**
     * The best option of one part, now and in the baseline.
     *
     * @param baselineOption id of the baseline's best option (null if none)
     * @param currentOption id of the current best option (null if none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"part", "change", "baselineUsd", "currentUsd", "deltaUsd", "baselineOption", "currentOption"})
    public record PartDiff(String part, Change change, Double baselineUsd, Double currentUsd, Double deltaUsd, String baselineOption,
            String currentOption) {}

    public long count(Status s) {
        long n = 0;
        for (WorkloadGate w : workloads) {
            if (w.status() == s) {
                n++;
            }
        }
        return n;
    }
}
