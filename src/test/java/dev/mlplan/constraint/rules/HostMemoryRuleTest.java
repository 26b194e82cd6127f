package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.inference;
import static dev.mlplan.constraint.rules.RuleFixtures.instance;
import static dev.mlplan.constraint.rules.RuleFixtures.instances;
import static dev.mlplan.constraint.rules.RuleFixtures.tabular;
import static dev.mlplan.constraint.rules.RuleFixtures.training;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.host-memory}: see {@link HostMemoryRule}. */
class HostMemoryRuleTest {
    private final HostMemoryRule rule = new HostMemoryRule();

    @Test
    void eliminatesACpuInstanceTooSmallForTheTreesTrainingSet() {
        var f = tabular().rows(60e6).features(400).on(instance("r7i.4xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.host-memory");
            assertThat(v.reason()).isEqualTo("training set 288 GiB (60,000,000 rows × 400 features × 12.9 B: float32 input + quantised copy"
                    + " + histograms) > r7i.4xlarge's 128 GiB memory");
        });
    }

    @Test
    void dataParallelNodesEachHoldTheirShare() {
        var need = tabular().rows(60e6).features(400);
        assertThat(rule.check(need.on(instances(2, "r7i.4xlarge")))).hasValueSatisfying(v ->
                assertThat(v.reason()).contains("144 GiB").contains("÷ 2 nodes"));
        assertThat(rule.check(need.on(instances(3, "r7i.4xlarge")))).isEmpty();
    }

    @Test
    void aGpuHostHoldsTheFloat32Input() {
        var f = tabular().rows(50e6).features(300).on(instance("g5.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo(
                "training set 55.9 GiB (50,000,000 rows × 300 features × 4 B, float32 input for the GPU) > g5.xlarge's 16 GiB memory"));
        assertThat(rule.check(tabular().rows(50e6).features(300).on(instance("g5.12xlarge")))).isEmpty();
    }

    @Test
    void linearModelsHoldFloat64() {
        var f = tabular().linear().rows(100e6).features(200).on(instance("m7i.8xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo(
                "training set 149 GiB (100,000,000 rows × 200 features × 8 B, float64) > m7i.8xlarge's 128 GiB memory"));
    }

    @Test
    void leavesNeuronChipsToTheSupportRule() {
        assertThat(rule.check(tabular().rows(500e6).features(300).on(instance("trn1.2xlarge")))).isEmpty();
    }

    @Test
    void neuralWeightsLoadOneShardAtATime() {
        // llama-2-7b's 14 GB of weights pass through g5g.xlarge's 8 GiB host one 5 GB shard at a time
        assertThat(rule.check(inference().model("llama-2-7b").on(instance("g5g.xlarge")))).isEmpty();
        assertThat(rule.check(training().model("llama-2-7b").on(instance("g5g.xlarge")))).isEmpty();
    }

    @Test
    void leavesCpuServingToTheAcceleratorMemoryRule() {
        // on a CPU instance the model runs in host memory: instance.accelerator-memory checks 2 × weights there
        assertThat(rule.check(inference().model("llama-2-7b").on(instance("m7i.large")))).isEmpty();
    }
}
