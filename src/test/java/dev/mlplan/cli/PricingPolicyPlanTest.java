package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.report.JsonRenderer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** constraints.pricing end to end: models left out are not offered, and the plan says so once per compute part. */
class PricingPolicyPlanTest {
    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.withWorkloads(tmp);
    }

    private PartPlan training(String constraints) throws Exception {
        cli.write("ft.yaml", """
                version: 2
                name: ft
                regions: [us-east-1]
                constraints:
                %s
                training:
                  model: { preset: llama-2-7b }
                  dataset: { size: 40 GB, tokens: 2B }
                  sequence_length: 4096
                  runs_per_month: 4
                  deadline: 12h
                """.formatted(constraints));
        Cli.Result r = cli.run("recommend", "ft.yaml", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        PlanResult plan = JsonRenderer.read(r.out());
        return plan.workloads().get(0).parts().get(0);
    }

    @Test
    void onlyTheAllowedModelsAreOfferedAndNothingIsEliminatedForThePolicy() throws Exception {
        PartPlan all = training("  max_nodes: 4");
        assertThat(all.options()).extracting(o -> o.pricing().id()).contains("spot");
        assertThat(all.requirements()).doesNotContainKey("pricing");

        PartPlan onDemand = training("  pricing: [on-demand]\n  max_nodes: 4");
        assertThat(onDemand.options()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.pricing().id()).isEqualTo("on-demand");
            assertThat(o.alternatives()).isEmpty();
        });
        assertThat(onDemand.eliminated()).noneMatch(e -> e.rule().startsWith("spot.") || e.rule().startsWith("capacity-block"));
        assertThat(onDemand.considered()).isLessThan(all.considered());
        assertThat(onDemand.requirements().get("pricing"))
                .isEqualTo("on-demand; not offered: spot, reserved-1y, reserved-3y, savings-plan-1y, savings-plan-3y, capacity-block");
    }

    @Test
    void allowSpotFalseAloneStillEliminatesSpotByItsRule() throws Exception {
        PartPlan noSpot = training("  allow_spot: false\n  max_nodes: 4");
        assertThat(noSpot.options()).noneMatch(o -> o.pricing().id().equals("spot"));
        assertThat(noSpot.eliminated()).anyMatch(e -> e.rule().equals("spot.not-interruptible") && e.reason().equals("constraints.allow_spot is false"));
    }

    /** The batch and the tree planners obey the policy as the training and inference planners do. */
    @Test
    void batchJobsAndTreesKeepToThePolicyToo() throws Exception {
        cli.write("mixed.yaml", """
                version: 2
                name: mixed
                regions: [us-east-1]
                constraints:
                  pricing: [on-demand]
                  max_nodes: 64
                training:
                  model: { architecture: tree, rounds: 200 }
                  dataset: { size: 4 GB, rows: 10M, features: 100 }
                  deadline: 4h
                  runs_per_month: 30
                batch:
                  model: { preset: bge-large-en-v1.5 }
                  items: 10M
                  tokens_in: 256
                  tokens_out: 0
                  deadline: 6h
                  runs_per_month: 30
                """);
        Cli.Result r = cli.run("recommend", "mixed.yaml", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        PlanResult plan = JsonRenderer.read(r.out());
        assertThat(plan.workloads().get(0).parts()).hasSize(2).allSatisfy(part -> {
            assertThat(part.options()).isNotEmpty().allSatisfy(o -> assertThat(o.pricing().id()).isIn("on-demand", "lambda", "sagemaker"));
            assertThat(part.options()).noneMatch(o -> o.pricing().id().equals("spot"));
            assertThat(part.requirements().get("pricing")).asString().startsWith("on-demand; not offered: spot");
        });
    }


    /** When the policy leaves a part nothing, the warning says so: the offers it removes are not eliminations. */
    @Test
    void aPolicyThatLeavesNothingSaysSo() throws Exception {
        PartPlan none = training("  families: { include: [p5] }\n  pricing: [reserved-1y]");
        assertThat(none.options()).isEmpty();
        Cli.Result r = cli.run("recommend", "ft.yaml");
        assertThat(r.out() + r.err()).contains("training: no feasible option; see the eliminations (constraints.pricing allows only reserved-1y;"
                + " the offers it removes are not listed there)");
    }

}
