package dev.mlplan.testing;

import dev.mlplan.catalog.PricingModel;
import dev.mlplan.constraint.Service;
import dev.mlplan.cost.CostCategory;
import dev.mlplan.cost.CostComponent;
import dev.mlplan.estimate.Step;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.BreakEvenResult;
import dev.mlplan.plan.PlanResult.Budget;
import dev.mlplan.plan.PlanResult.CatalogRef;
import dev.mlplan.plan.PlanResult.Elimination;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small hand-built plans for renderer and gate tests: their figures do not move when the planner's
 * estimates change.
 */
public final class TestPlans {
    public static final CatalogRef CATALOG = new CatalogRef("test-2026-01", "2026-01-15", "hand-built test catalog");

    private TestPlans() {}

    public static PlanResult plan(WorkloadPlan... workloads) {
        return new PlanResult(PlanResult.SCHEMA_VERSION, "0.1.0", CATALOG, List.of(workloads));
    }

    /** A training option with one cost line. */
    public static Option training(int rank, String type, String pricing, double hours, double monthly) {
        String id = "training/ec2/" + type + "/" + pricing + "/us-east-1";
        return new Option(rank, id, Service.EC2, type, 1, "us-east-1", PricingModel.fromJson(pricing), hours, null, null, null, monthly / 4, monthly, null,
                List.of(CostComponent.of(CostCategory.COMPUTE, "Instance hours [" + type + ", " + pricing + "]", "hours", hours * 4, monthly / (hours * 4), "test-prices")),
                List.of("MFU 40%", pricing + ": test note"), rank == 1 ? List.of(new PlanResult.Alternative(PricingModel.ON_DEMAND, "us-east-1", monthly * 2.5,
                        "training/ec2/" + type + "/on-demand/us-east-1")) : List.of(), List.of());
    }

    public static Option storage(int rank, String type, double monthly) {
        return new Option(rank, "storage/ebs/" + type + "/us-east-1", Service.EBS, type, 1, "us-east-1", PricingModel.ON_DEMAND, null, null, null, null, null,
                monthly, null, List.of(CostComponent.of(CostCategory.STORAGE, "Storage [" + type + "]", "GB-months", 100, monthly / 100, "test-prices")), List.of(), List.of(), List.of());
    }

    public static Option inference(int rank, String type, String pricing, int count, double monthly) {
        return new Option(rank, "inference/ec2/" + type + "/" + pricing + "/us-east-1", Service.EC2, type, count, "us-east-1", PricingModel.fromJson(pricing), null, 120.0, 35.5,
                null, null, monthly, null, List.of(CostComponent.of(CostCategory.COMPUTE, "Instance hours [" + type + ", " + pricing + "]", "hours", 730.0 * count,
                        monthly / (730.0 * count), "test-prices")), List.of("fleet: " + count + " for peak"), List.of(), List.of());
    }

    public static PartPlan part(String part, List<Option> options) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("acceleratorMemoryGiB", 118.0);
        req.put("totalFlops", 8.4e19);
        req.put("runsPerMonth", 4);
        return new PartPlan(part, req, options, List.of(
                new Elimination(Service.LAMBDA, null, "lambda.duration", "one run takes 3.1 h; Lambda stops a function after 15 min", 1),
                new Elimination(Service.EC2, "g5.xlarge", "instance.accelerator-memory", "needs 118 GiB; g5.xlarge has 24 GiB | a pipe", 3),
                new Elimination(Service.EC2, "g6.xlarge", "instance.accelerator-memory", "needs 118 GiB; g6.xlarge has 24 GiB", 3)),
                List.of(new Step("training FLOPs", "84 EFLOPs", "6 · N · D = 6 × 7 B × 2 B"),
                        new Step("memory", "118 GiB", "16 B/param × 7 B params <AdamW> & \"mixed\"")), 120, 40);
    }

    /** A workload with a training and a storage part, a budget and a break-even. */
    public static WorkloadPlan finetune(double trainingUsd, double storageUsd, Double budgetUsd) {
        PartPlan t = part("training", List.of(training(1, "trn1.32xlarge", "spot", 3.1, trainingUsd), training(2, "p4d.24xlarge", "spot", 1.5,
                trainingUsd * 1.5), training(3, "g6e.12xlarge", "on-demand", 6.2, trainingUsd * 2.2)));
        PartPlan s = new PartPlan("storage", Map.of("dataGB", 40.0), List.of(storage(1, "gp3", storageUsd), storage(2, "s3-standard", storageUsd * 1.4)),
                List.of(), List.of(), 9, 8);
        double total = trainingUsd + storageUsd;
        Budget budget = budgetUsd == null ? null : new Budget(budgetUsd, budgetUsd * 0.8, total > budgetUsd ? "fail" : total > budgetUsd * 0.8 ? "warn" : "pass",
                "test reason");
        List<BreakEvenResult> be = List.of(
                new BreakEvenResult("rtx-4090", "trn1.32xlarge spot (us-east-1)", 135.3, 1780.2, 0.1, 722.3, 240.0, 136.0, "cloud",
                        "fixed $175.00/month ÷ (0.076 cloud h per local h × $2.48/h − $0.09/h power)"),
                new BreakEvenResult("rtx-4090", "g6e.xlarge on-demand (us-east-1)", 105.2, 230.8, 0.5, 722.3, 240.0, 612.7, "local",
                        "fixed $175.00/month ÷ (0.456 cloud h per local h × $1.86/h − $0.09/h power)"),
                new BreakEvenResult("rtx-4090", "g5g.xlarge reserved-3y-all-upfront (us-east-1)", null, null, 3.0, 722.3, 240.0, 115.3, "cloud",
                        "a commitment costs the same at any use; compare the monthly figures"));
        return new WorkloadPlan("finetune", "workloads/finetune.yaml", "A <test> fine-tune & friends", List.of("us-east-1"), List.of(t, s), be, total,
                budget, List.of("catalog test-2026-01 is old"));
    }

    public static WorkloadPlan serving(double monthly, Double budgetUsd) {
        PartPlan i = part("inference", List.of(inference(1, "inf2.xlarge", "on-demand", 2, monthly), inference(2, "g5.xlarge", "spot", 2, monthly * 1.3)));
        Budget budget = budgetUsd == null ? null : new Budget(budgetUsd, budgetUsd * 0.75, "pass", "test reason");
        return new WorkloadPlan("serving", "workloads/serving.yaml", null, List.of("us-east-1"), List.of(i), List.of(), monthly, budget, List.of());
    }

    /** A workload whose only part has no feasible option. */
    public static WorkloadPlan infeasible(Double budgetUsd) {
        PartPlan t = part("training", List.of());
        Budget budget = budgetUsd == null ? null : new Budget(budgetUsd, budgetUsd * 0.8, "fail", "a part has no feasible option");
        return new WorkloadPlan("infeasible", "workloads/infeasible.yaml", null, List.of("us-east-1"), List.of(t), List.of(), null, budget,
                List.of("training: no feasible option; see the eliminations"));
    }
}
