package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/presets.md is generated from {@code model-presets.json}: every preset with its shape, context
 * and the page its figures come from. This keeps the committed copy current; regenerate with
 * {@code -Dmlplan.golden.update=true}.
 */
class PresetsDocTest {
    private static final Path DOC = Path.of("docs", "presets.md");

    @Test
    void committedPresetListMatchesThePresetTable() throws IOException {
        String md = markdown();
        if (Boolean.getBoolean("mlplan.golden.update")) {
            Files.writeString(DOC, md, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/presets.md is stale; regenerate with -Dmlplan.golden.update=true").isEqualTo(md);
        for (String name : ModelPresets.names()) {
            assertThat(md).contains("| `" + name + "` |");
            assertThat(ModelPresets.preset(name).orElseThrow().url()).as(name).startsWith("https://");
        }
    }

    static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Model presets\n\n")
                .append("<!-- Generated from src/main/resources/dev/mlplan/estimate/model-presets.json by PresetsDocTest;")
                .append(" regenerate with mvn -B -o test -Dtest=PresetsDocTest -Dmlplan.golden.update=true -->\n\n")
                .append("A workload names a model with `preset:` (case-insensitive; a misspelt name gets \"did you mean\"), and any\n")
                .append("field beside it (`parameters`, `layers`, `hidden`, `heads`, `kv_heads`, `flops_per_sample`) overrides the\n")
                .append("preset's. Each row's figures come from the model's config and card on the linked page (the full citation,\n")
                .append("with the figures, is the preset's `source`, shown in every plan's steps). Presets carry shape, size and\n")
                .append("context facts only.\n\n")
                .append("- **Parameters** are what memory holds; for a mixture of experts the second figure is the share read and\n")
                .append("  multiplied per token (FLOPs and weight bandwidth).\n")
                .append("- **Shape**: layers × hidden, query heads / KV heads × head width. A head width that differs from\n")
                .append("  hidden ÷ heads comes from the config (Gemma, Qwen 3, Mistral NeMo and Small) and sizes the KV cache.\n")
                .append("  DeepSeek-V3/R1 use multi-head latent attention: the cache holds one 576-value latent per token and\n")
                .append("  layer, written as 1 KV head × 288 (exact when the server caches the latent, as vLLM and SGLang do).\n")
                .append("  Sliding-window layers (Gemma 2 and 3) are sized as global: the KV cache is high for long prompts.\n")
                .append("- **Context** is the longest input + output in tokens (for a ViT: patches + 1; Whisper: decoder tokens).\n")
                .append("- **Per sample**: forward FLOPs of models costed per sample; a diffusion model's are per pass at its\n")
                .append("  native resolution, × passes per step × steps (FLUX.1 is guidance-distilled: one pass per step).\n\n")
                .append("ModelPresetsTest checks each dense transformer's parameter count against its shape within −3% / +5%\n")
                .append("(layers plus one or two embedding tables), and mixtures of experts against 12·L·h².\n\n")
                .append("| Preset | Kind | Parameters | Shape | Context | Per sample | Page |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (String name : ModelPresets.names()) {
            ModelPreset p = ModelPresets.preset(name).orElseThrow();
            ResolvedModel m = ModelPresets.find(name).orElseThrow();
            out.append("| `").append(name).append("` | ").append(kind(p))
                    .append(" | ").append(Fmt.count(p.parameters()))
                    .append(p.activeParameters() < p.parameters() ? " (" + Fmt.count(p.activeParameters()) + " active)" : "")
                    .append(" | ").append(m.layers() > 0 ? m.layers() + " × " + m.hidden() + ", " + m.heads() + "/" + m.kvHeads() + " × "
                            + m.headDim() : "")
                    .append(" | ").append(p.contextLength() > 0 ? String.valueOf(p.contextLength()) : "")
                    .append(" | ").append(p.forwardFlopsPerSample() > 0 ? dev.mlplan.util.Fmt.flops(p.forwardFlopsPerSample())
                            + (p.diffusion() ? " × " + p.guidancePasses() + " × " + p.diffusionSteps() + " steps at " + p.nativeResolution() + " px"
                                    : "") : "")
                    .append(" | [").append(p.url().replaceFirst("^https://", "")).append("](").append(p.url()).append(") |\n");
        }
        return out.toString();
    }

    private static String kind(ModelPreset p) {
        if (p.diffusion()) {
            return "diffusion";
        }
        String role = switch (p.role()) {
            case DECODER -> "decoder";
            case ENCODER -> "encoder";
            case ENCODER_DECODER -> "encoder-decoder";
            case ONE_SHOT -> p.architecture().name().toLowerCase(Locale.ROOT).replace("transformer", "vision transformer");
        };
        return p.activeParameters() < p.parameters() ? role + ", MoE" : role;
    }
}
