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
    void namesCoverTheCurrentModelsOfIssue16() {
        assertThat(ModelPresets.names()).contains("llama-3.3-70b", "qwen2.5-14b", "qwen2.5-32b", "qwen2.5-72b", "qwen3-8b", "qwen3-32b",
                "qwen3-30b-a3b", "qwen3-235b-a22b", "deepseek-v3", "deepseek-r1", "deepseek-r1-distill-qwen-7b", "deepseek-r1-distill-qwen-14b",
                "deepseek-r1-distill-qwen-32b", "deepseek-r1-distill-llama-8b", "deepseek-r1-distill-llama-70b", "mixtral-8x22b", "gemma-2-27b",
                "gemma-3-4b", "gemma-3-12b", "gemma-3-27b", "phi-3-mini", "phi-3-mini-128k", "phi-3-medium", "phi-3-medium-128k", "phi-4",
                "mistral-small-24b", "mistral-nemo-12b", "flux.1-dev", "flux.1-schnell", "whisper-large-v3-turbo", "e5-large-v2",
                "bge-large-en-v1.5", "bge-m3", "gte-large", "vit-large-patch14", "clip-vit-large-patch14");
        // names are lower case, hyphenated (dots only inside version numbers such as 3.1 or 1.5)
        assertThat(ModelPresets.names()).allMatch(n -> n.matches("[a-z0-9]+([.-][a-z0-9]+)*"));
    }

    @Test
    void theDiffusionPresetsAreStableDiffusionAndFlux() {
        assertThat(ModelPresets.diffusionNames()).containsExactly("flux.1-dev", "flux.1-schnell", "stable-diffusion-1.5", "stable-diffusion-xl");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyPresetIsCompleteAndSourced(String name) {
        ResolvedModel m = ModelPresets.find(name).orElseThrow();
        ModelPreset p = ModelPresets.preset(name).orElseThrow();
        assertThat(m.precision()).isEqualTo(Precision.BF16);
        assertThat(m.parameters()).isPositive().isFinite();
        assertThat(m.activeParameters()).isPositive().isLessThanOrEqualTo(m.parameters());
        assertThat(ModelPresets.source(name)).get().asString().hasSizeGreaterThan(20);
        if (m.isTransformer()) {
            assertThat(m.layers()).isPositive();
            assertThat(m.hidden()).isPositive();
            assertThat(m.heads()).isPositive();
            assertThat(m.kvHeads()).isPositive().isLessThanOrEqualTo(m.heads());
            assertThat(p.headDim()).isNotNegative();
            if (p.headDim() == 0) {
                assertThat(m.hidden() % m.heads()).isZero();
            }
            assertThat(m.headDim()).isPositive();
            assertThat(p.intermediate()).as("%s: feed-forward width", name).isPositive();
            assertThat(m.contextLength()).as("%s: context length (tokens, or patches for a ViT)", name).isPositive();
            // a transformer's non-embedding parameters are ≈ 12·L·h² (Kaplan); presets must be in that neighbourhood,
            // but for an encoder-decoder the preset's layers are the decoder's alone (whisper-large-v3-turbo: 4 of 36)
            if (p.role() != ModelPreset.Role.ENCODER_DECODER) {
                double ratio = m.activeParameters() / (12.0 * m.layers() * m.hidden() * (double) m.hidden());
                assertThat(ratio).as("%s: active parameters / 12·L·h²", name).isBetween(0.6, 3.5);
            }
        } else {
            assertThat(m.forwardFlopsPerSample()).isPositive();
        }
    }

    /**
     * The parameter count agrees with the shape: per layer, attention 2·h·(heads·head_dim) + 2·h·(kv_heads·head_dim)
     * and a feed-forward of 3·h·intermediate (gated: SwiGLU/GeGLU decoders) or 2·h·intermediate (GELU: encoders,
     * ViT, GPT-2); plus the token embedding once (tied) or twice (untied output head). The count must lie within
     * [0.97 × (layers + one embedding), 1.05 × (layers + two embeddings)]: the −3% and +5% cover biases, norms,
     * position and patch embeddings, classifier heads, and Gemma 3's 0.42 B vision encoder. Exceptions, checked
     * by the 12·L·h² neighbourhood above instead: mixture-of-experts presets (experts and router are not in the
     * shape fields; DeepSeek's MLA besides), encoder-decoders (only decoder layers in the shape), and CLIP
     * (the shape is the image tower's, the count both towers').
     */
    @ParameterizedTest
    @MethodSource("names")
    void parameterCountMatchesTheShape(String name) {
        ModelPreset p = ModelPresets.preset(name).orElseThrow();
        ResolvedModel m = ModelPresets.find(name).orElseThrow();
        boolean exception = !m.isTransformer() || p.activeParameters() < p.parameters() || p.role() == ModelPreset.Role.ENCODER_DECODER
                || name.startsWith("clip-");
        if (exception) {
            return;
        }
        double h = m.hidden();
        // gated feed-forward (gate, up, down) in every decoder since Llama; GPT-2's is a plain GELU MLP like an encoder's
        int matrices = p.role() == ModelPreset.Role.DECODER && !name.startsWith("gpt2") ? 3 : 2;
        double layers = m.layers() * (2 * h * m.heads() * m.headDim() + 2 * h * m.kvHeads() * m.headDim() + matrices * h * p.intermediate());
        double embedding = p.vocabulary() * h;
        assertThat(p.parameters()).as("%s: parameters against %.3g B of layers and %.3g B per embedding", name, layers / 1e9, embedding / 1e9)
                .isBetween(0.97 * (layers + embedding), 1.05 * (layers + 2 * embedding));
    }

    @Test
    void mixtureOfExpertsPresetsStateTheirActiveShare() {
        // model cards: total and active parameters per token
        assertThat(ModelPresets.find("qwen3-30b-a3b").orElseThrow()).extracting(ResolvedModel::parameters, ResolvedModel::activeParameters)
                .containsExactly(30.5e9, 3.3e9);
        assertThat(ModelPresets.find("qwen3-235b-a22b").orElseThrow()).extracting(ResolvedModel::parameters, ResolvedModel::activeParameters)
                .containsExactly(235e9, 22e9);
        assertThat(ModelPresets.find("deepseek-v3").orElseThrow()).extracting(ResolvedModel::parameters, ResolvedModel::activeParameters)
                .containsExactly(671e9, 37e9);
        assertThat(ModelPresets.find("mixtral-8x22b").orElseThrow()).extracting(ResolvedModel::parameters, ResolvedModel::activeParameters)
                .containsExactly(141e9, 39e9);
    }

    @Test
    void everyDiffusionPresetStatesItsPassesPerStep() {
        assertThat(ModelPresets.preset("stable-diffusion-xl").orElseThrow().guidancePasses()).isEqualTo(2);
        assertThat(ModelPresets.preset("flux.1-dev").orElseThrow().guidancePasses()).isEqualTo(1);
        assertThat(ModelPresets.preset("bert-base").orElseThrow().guidancePasses()).isZero();
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

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"llama3.1-8b,llama-3.1-8b", "qwen-2.5-72b,qwen2.5-72b", "gemma3-27b,gemma-3-27b",
        "deepseek-r1-distil-qwen-7b,deepseek-r1-distill-qwen-7b", "flux1-dev,flux.1-dev", "bge-large-en,bge-large-en-v1.5"})
    void commonMisspellingsOfTheNewPresetsSuggestThem(String typed, String meant) {
        assertThatThrownBy(() -> ModelPresets.resolve(Workloads.preset(typed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean '" + meant + "'");
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
