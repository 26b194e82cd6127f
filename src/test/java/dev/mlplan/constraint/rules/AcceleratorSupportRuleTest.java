package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.workload.Workload.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code instance.accelerator-support}: see {@link AcceleratorSupportRule}. */
class AcceleratorSupportRuleTest {
    private final AcceleratorSupportRule rule = new AcceleratorSupportRule();

    @Test
    void keplerGpusAreRuledOut() {
        assertThat(rule.check(training().on(instance("p2.xlarge")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.accelerator-support");
            assertThat(v.reason()).isEqualTo("K80 (p2): CUDA compute capability 3.7; current PyTorch (CUDA 12) needs 5.0 or newer");
        });
    }

    @Test
    void radeonGraphicsGpusAreRuledOut() {
        assertThat(rule.check(training().on(instance("g4ad.xlarge")))).hasValueSatisfying(v -> assertThat(v.reason()).startsWith("Radeon-Pro-V520 (g4ad)"));
    }

    @Test
    void qloraNeedsAnNvidiaGpu() {
        var qlora = training().model("llama-2-7b").method(Method.QLORA);
        assertThat(rule.check(qlora.on(instance("trn1.2xlarge")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("QLoRA's 4-bit kernels (bitsandbytes) need an NVIDIA GPU; Trainium1 (trn1) runs the Neuron SDK, which has none (use method: lora)"));
        assertThat(rule.check(qlora.on(instance("g5.xlarge")))).isEmpty();
    }

    @Test
    void currentNvidiaAndNeuronPartsPass() {
        for (String t : List.of("p4d.24xlarge", "g6e.xlarge", "trn1.32xlarge", "inf2.xlarge")) {
            assertThat(rule.check(training().on(instance(t)))).as(t).isEmpty();
        }
    }

    @Test
    void treesAndLinearModelsHaveNoNeuronBackend() {
        assertThat(rule.check(RuleFixtures.tabular().on(instance("trn1.2xlarge")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("boosted trees on Trainium1 (trn1): XGBoost, LightGBM and scikit-learn have no Neuron backend; they run on CPUs and,"
                        + " XGBoost, on CUDA GPUs"));
        assertThat(rule.check(RuleFixtures.tabular().on(instance("g5.xlarge")))).isEmpty();
    }

    @Test
    void linearModelsRunOnCpusOnly() {
        assertThat(rule.check(RuleFixtures.tabular().linear().on(instance("g5.xlarge")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("linear model on A10G (g5): mlplan costs linear models as scikit-learn's SGD, which runs on CPUs only"));
        assertThat(rule.check(RuleFixtures.tabular().linear().on(instance("c7i.2xlarge")))).isEmpty();
    }

    @Test
    void inferentia1ServesEncodersButNotGenerationOrDiffusion() {
        assertThat(rule.check(inference().model("llama-3.1-8b").tokensOut(256).on(instance("inf1.6xlarge")))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("token generation on Inferentia1 (inf1): inf1's torch-neuron runs CNNs and encoders only; LLMs and diffusion models need"
                        + " Inferentia2 or Trainium (Neuron: NxD Inference)"));
        assertThat(rule.check(inference().model("stable-diffusion-xl").on(instance("inf1.24xlarge")))).hasValueSatisfying(v -> assertThat(v.reason())
                .startsWith("a diffusion model on Inferentia1 (inf1)"));
        assertThat(rule.check(inference().model("bert-base").on(instance("inf1.xlarge")))).isEmpty();
        assertThat(rule.check(inference().model("llama-3.1-8b").tokensOut(256).on(instance("inf2.xlarge")))).isEmpty();
    }

}
