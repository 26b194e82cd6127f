package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelPresetsTest {

    static List<String> names() {
        return new ArrayList<>(ModelPresets.names());
    }

    @Test
    void namesAreSortedAndCoverTheRequiredModels() {
        assertThat(new ArrayList<>(ModelPresets.names())).isSorted().contains("resnet-50", "bert-base", "bert-large", "gpt2-small", "llama-2-7b",
                "llama-2-13b", "llama-2-70b", "llama-3.1-8b", "llama-3.1-70b", "mistral-7b", "llama-3.2-1b", "llama-3.2-3b",
                "llama-3.1-405b", "mixtral-8x7b", "qwen2.5-7b", "gemma-2-9b", "vit-base", "efficientnet-b0", "whisper-large-v3",
                "stable-diffusion-1.5", "stable-diffusion-xl", "distilbert");
    }

    @Test
    void theDiffusionPresetsAreTheStableDiffusionOnes() {
        assertThat(ModelPresets.diffusionNames()).containsExactly("stable-diffusion-1.5", "stable-diffusion-xl");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyPresetIsCompleteAndSourced(String name) {
        ResolvedModel m = ModelPresets.find(name).orElseThrow();
        assertThat(m.precision()).isEqualTo(Precision.BF16);
        assertThat(m.parameters()).isPositive();
        assertThat(m.activeParameters()).isPositive().isLessThanOrEqualTo(m.parameters());
        assertThat(ModelPresets.source(name)).get().asString().hasSizeGreaterThan(20);
        if (m.isTransformer()) {
            assertThat(m.layers()).isPositive();
            assertThat(m.hidden()).isPositive();
            assertThat(m.heads()).isPositive();
            assertThat(m.kvHeads()).isPositive().isLessThanOrEqualTo(m.heads());
            assertThat(m.hidden() % m.heads()).isZero();
            // a transformer's non-embedding parameters are ≈ 12·L·h² (Kaplan); presets must be in that neighbourhood
            double ratio = m.activeParameters() / (12.0 * m.layers() * m.hidden() * (double) m.hidden());
            assertThat(ratio).as("%s: active parameters / 12·L·h²", name).isBetween(0.6, 3.5);
        } else {
            assertThat(m.forwardFlopsPerSample()).isPositive();
        }
    }

    @Test
    void lectureWeightSizesInFp16() {
        // lecture: Llama-2 7B needs 14 GB of weights in fp16, 13B 26 GB, 70B 140 GB
        assertThat(ModelPresets.resolve(Workloads.preset("llama-2-7b", Precision.FP16)).weightBytes() / 1e9).isCloseTo(14, within(0.6));
        assertThat(ModelPresets.resolve(Workloads.preset("llama-2-13b", Precision.FP16)).weightBytes() / 1e9).isCloseTo(26, within(0.6));
        assertThat(ModelPresets.resolve(Workloads.preset("llama-2-70b", Precision.FP16)).weightBytes() / 1e9).isCloseTo(140, within(3.0));
    }

    @Test
    void resnetForwardFlopsAreTwiceTheMultiplyAdds() {
        assertThat(ModelPresets.find("resnet-50").orElseThrow().forwardFlopsPerSample()).isEqualTo(8.2e9);
    }

    @Test
    void mixtureOfExpertsKeepsActiveParameters() {
        ResolvedModel m = ModelPresets.find("mixtral-8x7b").orElseThrow();
        assertThat(m.parameters()).isEqualTo(46.7e9);
        assertThat(m.activeParameters()).isEqualTo(12.9e9);
        ResolvedModel bigger = ModelPresets.resolve(Workloads.presetWithParameters("mixtral-8x7b", 93.4e9));
        assertThat(bigger.activeParameters()).isCloseTo(25.8e9, within(1e6));
        assertThat(bigger.name()).contains("parameters");
    }

    @Test
    void specFieldsOverrideThePresetAtTheSpecPrecision() {
        ResolvedModel m = ModelPresets.resolve(Workloads.presetWithParameters("llama-2-7b", 6.7e9));
        assertThat(m.parameters()).isEqualTo(6.7e9);
        assertThat(m.activeParameters()).isEqualTo(6.7e9);
        assertThat(m.layers()).isEqualTo(32);
        ResolvedModel int4 = ModelPresets.resolve(Workloads.preset("llama-2-7b", Precision.INT4));
        assertThat(int4.weightBytes()).isEqualTo(6.74e9 * 0.5);
        assertThat(int4.name()).isEqualTo("llama-2-7b");
    }

    @Test
    void customTransformerShapeIsDerivedAndSaidSo() {
        ResolvedModel m = ModelPresets.resolve(Workloads.custom(7e9, Architecture.TRANSFORMER));
        assertThat(m.layers()).isBetween(28, 36);
        assertThat((double) m.hidden() / m.layers()).isBetween(100.0, 160.0);
        assertThat(12.0 * m.layers() * m.hidden() * (double) m.hidden() / 7e9).isBetween(0.9, 1.1);
        assertThat(m.name()).contains("shape derived");
        assertThat(m.kvHeads()).isEqualTo(m.heads());
        assertThat(ModelPresets.profile(Workloads.custom(7e9, Architecture.TRANSFORMER)).derivation()).contains("12·L·h²");
    }

    @Test
    void unknownPresetSuggestsTheClosest() {
        assertThatThrownBy(() -> ModelPresets.resolve(Workloads.preset("llama-2-7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean 'llama-2-7b'");
    }

    @Test
    void customModelNeedsParameters() {
        var spec = new dev.mlplan.workload.Workload.ModelSpec(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), Precision.BF16);
        assertThatThrownBy(() -> ModelPresets.resolve(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters");
    }

    @Test
    void findIsCaseInsensitiveAndEmptyForUnknown() {
        assertThat(ModelPresets.find("Llama-2-7B")).isPresent();
        assertThat(ModelPresets.find("nope")).isEmpty();
    }
}
