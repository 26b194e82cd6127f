package dev.mlplan.plan;

import dev.mlplan.catalog.Accelerator;
import dev.mlplan.catalog.InstanceType;
import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.estimate.TabularEstimator;
import dev.mlplan.estimate.TabularRequirements;
import dev.mlplan.estimate.TrainingEstimate;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.plan.PlanResult.Option;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.Workload.Training;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plans the training part of a tree or linear model (training.model.architecture tree or linear):
 * current-generation compute, general-purpose and memory-optimised CPU instances (families c, m and
 * r, fifth generation on, no burstable "-flex" or bare-metal sizes), and NVIDIA GPU instances for
 * boosted trees (XGBoost {@code device=cuda}); Trainium and Inferentia are considered and eliminated
 * by {@code instance.accelerator-support}. Trees may spread over up to {@code constraints.max_nodes}
 * nodes (data-parallel, LightGBM's published scaling); linear models run on one core of one node.
 * Lambda and a local machine are not planned for these models.
 */
final class TabularTrainingPlanner {
    /** CPU families considered: c, m and r of the fifth generation on (c5, m6i, r7a, c8g …). */
    static final Pattern CPU_FAMILY = Pattern.compile("^[cmr][5-9][a-z]*$");

    private final PlanContext ctx;
    private final TrainingPlanner training;
    private final TabularEstimator estimator = new TabularEstimator();

    TabularTrainingPlanner(PlanContext ctx, TrainingPlanner training) {
        this.ctx = ctx;
        this.training = training;
    }

    TrainingPlanner.Result plan(Training t) {
        Workload w = ctx.workload();
        TrainingRequirements req = estimator.requirements(t);
        TabularRequirements tab = req.tabular().orElseThrow();
        PartCollector col = ctx.computeCollector();
        int filtered = 0;
        for (InstanceType it : ctx.catalog().instanceTypes()) {
            if (!it.currentGeneration() || it.name().contains("metal")) {
                continue;
            }
            boolean cpu = !it.hasAccelerator() && CPU_FAMILY.matcher(it.family()).matches();
            if (!cpu && !it.hasAccelerator()) {
                continue;
            }
            if (!w.constraints().allowsFamily(it.family())) {
                filtered++;
                continue;
            }
            if (cpu) {
                planCpu(t, req, tab, it, col);
                continue;
            }
            Optional<Accelerator> acc = ctx.catalog().accelerator(it.accelerators().name());
            // a fractional GPU (g6f, gr6f) is a vGPU slice for serving, not a training node (docs/limits.md)
            if (acc.isEmpty() || acc.get().fractional()) {
                continue;
            }
            if (!tab.trees() || !"gpu".equals(acc.get().kind())) {
                // Neuron chips, and GPUs for linear models: the rules say why not
                var none = new TrainingEstimate(true, 0, 0, 0, 0, 1, List.of());
                col.considered(1);
                col.eliminateAll(Service.EC2, it.name(), ctx.engine().check(training.facts(Candidate.ec2(Part.TRAINING, it, 1), req, none, 0)),
                        PlanContext.capability(ctx.catalog(), it));
                continue;
            }
            planGpu(t, req, tab, it, acc.get(), col);
        }
        List<PartCollector.Draft> ranked = col.ranked();
        List<Option> options = col.top(ranked, ctx.options().top());
        Map<String, Object> requirements = new LinkedHashMap<>();
        requirements.put("model", req.model().name());
        requirements.put("architecture", tab.shape().architecture().name().toLowerCase(Locale.ROOT));
        requirements.put("rows", tab.shape().rows());
        requirements.put("features", tab.shape().features());
        if (tab.trees()) {
            requirements.put("rounds", tab.shape().rounds());
            requirements.put("depth", tab.shape().depth());
        } else {
            requirements.put("epochs", tab.epochs());
        }
        requirements.put("hostMemoryGiB", TrainingPlanner.round1(tab.cpuHostBytes() / DataSize.GIB));
        requirements.put("runsPerMonth", t.runsPerMonth());
        if (t.deadline().isPresent()) {
            requirements.put("deadlineHours", t.deadline().get().hours());
        }
        ctx.pricingPolicy().describe(ctx.options().pricing()).ifPresent(p -> requirements.put("pricing", p));
        if (filtered > 0) {
            requirements.put("instanceTypesExcludedByFamilies", filtered);
        }
        var part = new PlanResult.PartPlan(Part.TRAINING.id(), requirements, options, col.eliminations(), req.steps(), col.considered(), col.feasible());
        return new TrainingPlanner.Result(part, ranked, Optional.empty());
    }

    private void planCpu(Training t, TrainingRequirements req, TabularRequirements tab, InstanceType it, PartCollector col) {
        int maxNodes = tab.trees() ? ctx.workload().constraints().maxNodes() : 1;
        int cores = TabularEstimator.physicalCores(it);
        training.planNodes(t, req, it, col, maxNodes, n -> estimator.onCpu(req, it, n),
                n -> n + " nodes × " + it.name() + " (data-parallel, as XGBoost on Dask or Spark)",
                est -> (tab.trees() ? cores + " cores" : "one core (SGD)") + ", training set " + Fmt.sig(est.neededGiBPerAccelerator()) + " of "
                        + Fmt.sig(it.memoryGiB()) + " GiB memory per node; h/run includes " + Fmt.hours(TrainingPlanner.SETUP_HOURS_PER_RUN)
                        + " of setup");
    }

    private void planGpu(Training t, TrainingRequirements req, TabularRequirements tab, InstanceType it, Accelerator acc, PartCollector col) {
        int perNode = it.accelerators().count();
        training.planNodes(t, req, it, col, ctx.workload().constraints().maxNodes(), n -> estimator.onGpu(req, acc, perNode, n),
                n -> n + " nodes × " + perNode + " " + acc.name() + " (XGBoost on Dask)",
                est -> "XGBoost device=cuda" + ("arm64".equals(it.arch()) ? " (an Arm host: conda-forge's CUDA build; PyPI's arm64 wheels are CPU-only,"
                        + " dmlc/xgboost#11563)" : "") + ", " + Fmt.sig(est.neededGiBPerAccelerator()) + " of " + Fmt.sig(est.availableGiBPerAccelerator())
                        + " GiB per " + acc.name() + "; h/run includes " + Fmt.hours(TrainingPlanner.SETUP_HOURS_PER_RUN) + " of setup");
    }
}
