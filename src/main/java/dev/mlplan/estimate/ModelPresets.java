package dev.mlplan.estimate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mlplan.estimate.ModelPreset.Role;
import dev.mlplan.workload.Workload.Architecture;
import dev.mlplan.workload.Workload.ModelSpec;
import dev.mlplan.workload.PresetContext;
import dev.mlplan.workload.Workload.Precision;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Named models with their architecture figures, and resolution of a workload's model spec. The
 * figures live in one data table, the resource {@code model-presets.json}, each row with its source.
 */
public final class ModelPresets {
    static final String RESOURCE = "model-presets.json";

    /** Default precision of {@link #find(String)}. */
    public static final Precision DEFAULT_PRECISION = Precision.BF16;

    /** Context assumed for a custom transformer that states none. */
    static final int CUSTOM_CONTEXT = 4096;

    /** h / L ratio used to derive a custom transformer's shape (Kaplan et al. 2020 use d_model/n_layer ≈ 50–200). */
    static final int ASPECT_RATIO = 128;

    /** Head dimension used to derive heads when only the hidden size is known. */
    static final int HEAD_DIM = 128;

    private static final Map<String, ModelPreset> PRESETS = load();

    private ModelPresets() {}

    /** Every preset name, sorted. */
    public static SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(PRESETS.keySet()));
    }

    /** The named preset at its default precision (bf16). */
    public static Optional<ResolvedModel> find(String name) {
        Optional<ModelPreset> found = preset(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ModelPreset p = found.get();
        return Optional.of(toModel(p, p.name(), p.parameters(), p.activeParameters(), p.architecture(),
                p.layers(), p.hidden(), p.heads(), p.kvHeads(), p.headDim(), p.contextLength(), p.forwardFlopsPerSample(), DEFAULT_PRECISION));
    }

    /** Whether a resolved model's name (the preset's, or "preset (workload sets …)") is a diffusion preset's. */
    public static boolean isDiffusion(String resolvedName) {
        String preset = resolvedName.split(" \\(", 2)[0];
        return preset(preset).map(ModelPreset::diffusion).orElse(false);
    }

    /** Names of the diffusion presets, the only models that take {@code inference.steps} and {@code inference.resolution}. */
    public static SortedSet<String> diffusionNames() {
        SortedSet<String> out = new TreeSet<>();
        for (ModelPreset p : PRESETS.values()) {
            if (p.diffusion()) {
                out.add(p.name());
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /** What an offline job does with a model: what an item is and what it produces. */
    public enum Kind {
        /** an encoder (BERT, e5, bge): one forward pass over a document's tokens; outputs an embedding or a score */
        TEXT_ENCODER,
        /** a decoder LLM: prefill, then tokens out */
        TEXT_GENERATOR,
        /** an encoder-decoder speech model (Whisper): audio in 30 s windows, transcript tokens out */
        SPEECH,
        /** a diffusion model: one image per item */
        IMAGE_GENERATOR,
        /** any other per-sample model (CNN, ViT) */
        OTHER
    }

    /**
     * The figures a batch job sizes its items by.
     *
     * @param hidden hidden size (an encoder's embedding length)
     * @param defaultTokensIn tokens (or encoder frames per window, for speech) when none are given; 0 = mlplan's default
     * @param nativeResolution a diffusion preset's native image side, 0 otherwise
     */
    public record Shape(Kind kind, int hidden, int defaultTokensIn, int nativeResolution) {}

    /** The kind and figures of the model a spec names, for planning a batch job. */
    public static Shape shape(ModelSpec spec) {
        ModelProfile p = profile(spec);
        Kind kind = p.diffusion() ? Kind.IMAGE_GENERATOR
                : switch (p.role()) {
                    case ENCODER -> Kind.TEXT_ENCODER;
                    case DECODER -> Kind.TEXT_GENERATOR;
                    case ENCODER_DECODER -> Kind.SPEECH;
                    case ONE_SHOT -> p.model().isTransformer() && p.model().forwardFlopsPerSample() <= 0 ? Kind.TEXT_GENERATOR : Kind.OTHER;
                };
        return new Shape(kind, p.model().hidden(), p.defaultTokensIn(), p.nativeResolution());
    }

    /** Names of the speech presets (encoder-decoder, Whisper), the only models that take {@code batch.audio_seconds}. */
    public static SortedSet<String> speechNames() {
        SortedSet<String> out = new TreeSet<>();
        for (ModelPreset p : PRESETS.values()) {
            if (p.role() == ModelPreset.Role.ENCODER_DECODER) {
                out.add(p.name());
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * The context window of every preset that has one ({@code contextLength} in model-presets.json),
     * for the workload parser's check of tokens_in + tokens_out and training.sequence_length: a
     * decoder's prompt and output share it, an encoder's input fills it, an encoder-decoder's
     * (Whisper's) output fills its decoder's. Models costed per sample (CNNs, ViT, diffusion) have none.
     */
    public static Map<String, PresetContext> contexts() {
        Map<String, PresetContext> out = new TreeMap<>();
        for (ModelPreset p : PRESETS.values()) {
            if (p.contextLength() <= 0 || p.role() == Role.ONE_SHOT) {
                continue;
            }
            out.put(p.name(), new PresetContext(p.contextLength(), p.role() != Role.ENCODER_DECODER, p.role() != Role.ENCODER));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The parser of workload files that knows every preset: its name, whether it is a diffusion or speech model, and its context window. */
    public static WorkloadParser workloadParser() {
        return new WorkloadParser(names(), diffusionNames(), speechNames(), contexts());
    }

    /** The source (model card, config, paper) of a preset's figures. */
    public static Optional<String> source(String name) {
        Optional<ModelPreset> found = preset(name);
        return found.isPresent() ? Optional.ofNullable(found.get().source()) : Optional.empty();
    }

    /**
     * The preset named in the spec (if any) with the spec's own fields over it, at the spec's
     * precision.
     *
     * @throws IllegalArgumentException when the spec names no preset and lacks parameters, or names
     *     an unknown preset
     */
    public static ResolvedModel resolve(ModelSpec spec) {
        return profile(spec).model();
    }

    static Optional<ModelPreset> preset(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(PRESETS.get(name.toLowerCase(Locale.ROOT)));
    }

    static ModelProfile profile(ModelSpec spec) {
        Precision precision = spec.precision() == null ? DEFAULT_PRECISION : spec.precision();
        if (spec.preset().isPresent()) {
            String wanted = spec.preset().get();
            Optional<ModelPreset> p = preset(wanted);
            if (p.isEmpty()) {
                throw new IllegalArgumentException(unknown(wanted));
            }
            return fromPreset(p.get(), spec, precision);
        }
        return custom(spec, precision);
    }

    private static ModelProfile fromPreset(ModelPreset p, ModelSpec spec, Precision precision) {
        List<String> overridden = new ArrayList<>();
        double parameters = p.parameters();
        double active = p.activeParameters();
        if (spec.parameters().isPresent()) {
            parameters = spec.parameters().get();
            // keep a mixture-of-experts' active share when the total is overridden
            active = p.activeParameters() * parameters / p.parameters();
            overridden.add("parameters");
        }
        Architecture architecture = pick(spec.architecture(), p.architecture(), "architecture", overridden);
        int layers = pick(spec.layers(), p.layers(), "layers", overridden);
        int hidden = pick(spec.hidden(), p.hidden(), "hidden", overridden);
        int heads = pick(spec.heads(), p.heads(), "heads", overridden);
        int presetKv = spec.heads().isPresent() && p.kvHeads() == p.heads() ? heads : p.kvHeads();
        int kvHeads = pick(spec.kvHeads(), presetKv, "kv_heads", overridden);
        double flops = pick(spec.flopsPerSample(), p.forwardFlopsPerSample(), "flops_per_sample", overridden);
        // a head width the config states holds for its own hidden size and heads; overridden, it is hidden ÷ heads again
        int headDim = hidden == p.hidden() && heads == p.heads() ? p.headDim() : 0;
        int context = pick(spec.contextLength(), p.contextLength(), "context_length", overridden);
        String name = overridden.isEmpty() ? p.name() : p.name() + " (workload sets " + String.join(", ", overridden) + ")";
        ResolvedModel model = toModel(p, name, parameters, active, architecture, layers, hidden, heads, kvHeads, headDim, context, flops, precision);
        Role role = architecture == p.architecture() ? p.role() : defaultRole(architecture, flops);
        return new ModelProfile(model, role, p.diffusionSteps(), p.nativeResolution(), p.guidancePasses(), p.servingUtilisation(),
                p.servingUtilisationSource(), p.trainingActivationBytesPerSample(),
                p.trainingMicroBatch(), p.defaultTokensIn(), p.source(), "");
    }

    private static ModelProfile custom(ModelSpec spec, Precision precision) {
        if (spec.parameters().isEmpty()) {
            throw new IllegalArgumentException("the model names no preset and gives no parameters; set 'preset' (one of "
                    + String.join(", ", names()) + ") or 'parameters' (e.g. 7B)");
        }
        double n = spec.parameters().get();
        if (!(n > 0)) {
            throw new IllegalArgumentException("model parameters must be positive, got " + n);
        }
        double flops = spec.flopsPerSample().orElse(0.0);
        Architecture architecture = spec.architecture().orElse(flops > 0 ? Architecture.OTHER : Architecture.TRANSFORMER);
        int layers = spec.layers().orElse(0);
        int hidden = spec.hidden().orElse(0);
        String derivation = "";
        if (architecture == Architecture.TRANSFORMER && (layers <= 0 || hidden <= 0)) {
            if (layers <= 0 && hidden <= 0) {
                layers = (int) Math.max(1, Math.round(Math.cbrt(n / (12.0 * ASPECT_RATIO * ASPECT_RATIO))));
                hidden = roundTo64(Math.sqrt(n / (12.0 * layers)));
                derivation = "layers " + layers + " and hidden " + hidden + " derived from N ≈ 12·L·h² with h/L ≈ " + ASPECT_RATIO
                        + " (Kaplan et al. 2020)";
            } else if (layers <= 0) {
                layers = (int) Math.max(1, Math.round(n / (12.0 * hidden * hidden)));
                derivation = "layers " + layers + " derived from N ≈ 12·L·h² with h = " + hidden;
            } else {
                hidden = roundTo64(Math.sqrt(n / (12.0 * layers)));
                derivation = "hidden " + hidden + " derived from N ≈ 12·L·h² with L = " + layers;
            }
        }
        int heads = spec.heads().orElse(architecture == Architecture.TRANSFORMER ? Math.max(1, hidden / HEAD_DIM) : 0);
        int kvHeads = spec.kvHeads().orElse(heads);
        int context = spec.contextLength().orElse(architecture == Architecture.TRANSFORMER ? CUSTOM_CONTEXT : 0);
        String name = "custom " + architecture.name().toLowerCase(Locale.ROOT) + " (" + Fmt.count(n) + " parameters"
                + (derivation.isEmpty() ? "" : "; shape derived") + ")";
        ResolvedModel model = new ResolvedModel(name, architecture, n, n, layers, hidden, heads, kvHeads, 0, 0, context, flops, precision);
        return new ModelProfile(model, defaultRole(architecture, flops), 0, 0, 0, 0, null, 0, 0, 0, "workload", derivation);
    }

    private static Role defaultRole(Architecture architecture, double flopsPerSample) {
        return architecture == Architecture.TRANSFORMER && flopsPerSample <= 0 ? Role.DECODER : Role.ONE_SHOT;
    }

    private static ResolvedModel toModel(ModelPreset p, String name, double parameters, double active, Architecture architecture,
            int layers, int hidden, int heads, int kvHeads, int headDim, int context, double flops, Precision precision) {
        return new ResolvedModel(name, architecture, parameters, active, layers, hidden, heads, kvHeads, headDim,
                p.vocabulary(), context, flops, precision);
    }

    private static <T> T pick(Optional<T> given, T preset, String field, List<String> overridden) {
        if (given.isPresent() && !given.get().equals(preset)) {
            overridden.add(field);
            return given.get();
        }
        return preset;
    }

    private static int roundTo64(double h) {
        return (int) Math.max(64, Math.round(h / 64.0) * 64);
    }

    private static String unknown(String name) {
        return "unknown model preset '" + name + "'" + dev.mlplan.workload.Suggestions.suffix(name, names()) + "; known presets: "
                + String.join(", ", names());
    }
    /**
     * Reads {@value #RESOURCE} with Jackson's streaming parser: data binding's first use costs some
     * 65 ms of CPU in every {@code recommend} for 21 rows (docs/performance.md). Strict like data
     * binding: an unknown field is an error.
     */
    static Map<String, ModelPreset> load() {
        try (InputStream in = ModelPresets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model preset table " + RESOURCE + " is missing from the classpath");
            }
            Map<String, ModelPreset> byName = new LinkedHashMap<>();
            try (JsonParser p = new JsonFactory().createParser(in)) {
                expect(p, p.nextToken(), JsonToken.START_OBJECT);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "note" -> expect(p, value, JsonToken.VALUE_STRING);
                        case "presets" -> {
                            expect(p, value, JsonToken.START_ARRAY);
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                ModelPreset preset = readPreset(p);
                                if (byName.put(preset.name(), preset) != null) {
                                    throw new IllegalStateException("model preset '" + preset.name() + "' appears twice in " + RESOURCE);
                                }
                            }
                        }
                        default -> throw new IllegalStateException(RESOURCE + ": unknown field '" + field + "' at " + p.currentLocation());
                    }
                }
            }
            return Collections.unmodifiableMap(byName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model preset table " + RESOURCE, e);
        }
    }

    /** One row, the parser on its START_OBJECT; fields not given are 0 (or null for text). */
    private static ModelPreset readPreset(JsonParser p) throws IOException {
        String name = null;
        String source = null;
        String url = null;
        Architecture architecture = null;
        Role role = null;
        double parameters = 0;
        double activeParameters = 0;
        double forwardFlops = 0;
        double activationBytes = 0;
        int layers = 0;
        int hidden = 0;
        int heads = 0;
        int kvHeads = 0;
        int headDim = 0;
        int intermediate = 0;
        int vocabulary = 0;
        int context = 0;
        int steps = 0;
        int resolution = 0;
        int guidancePasses = 0;
        double utilisation = 0;
        String utilisationSource = null;
        int microBatch = 0;
        int tokensIn = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = p.getValueAsString();
                case "source" -> source = p.getValueAsString();
                case "url" -> url = p.getValueAsString();
                case "architecture" -> architecture = Architecture.valueOf(p.getValueAsString());
                case "role" -> role = Role.valueOf(p.getValueAsString());
                case "parameters" -> parameters = p.getDoubleValue();
                case "activeParameters" -> activeParameters = p.getDoubleValue();
                case "forwardFlopsPerSample" -> forwardFlops = p.getDoubleValue();
                case "trainingActivationBytesPerSample" -> activationBytes = p.getDoubleValue();
                case "layers" -> layers = p.getIntValue();
                case "hidden" -> hidden = p.getIntValue();
                case "heads" -> heads = p.getIntValue();
                case "kvHeads" -> kvHeads = p.getIntValue();
                case "headDim" -> headDim = p.getIntValue();
                case "intermediate" -> intermediate = p.getIntValue();
                case "vocabulary" -> vocabulary = p.getIntValue();
                case "contextLength" -> context = p.getIntValue();
                case "diffusionSteps" -> steps = p.getIntValue();
                case "nativeResolution" -> resolution = p.getIntValue();
                case "guidancePasses" -> guidancePasses = p.getIntValue();
                case "servingUtilisation" -> utilisation = p.getDoubleValue();
                case "servingUtilisationSource" -> utilisationSource = p.getValueAsString();
                case "trainingMicroBatch" -> microBatch = p.getIntValue();
                case "defaultTokensIn" -> tokensIn = p.getIntValue();
                default -> throw new IllegalStateException(RESOURCE + ": unknown field '" + field + "' at " + p.currentLocation());
            }
        }
        if (name == null || architecture == null || role == null || source == null || url == null) {
            throw new IllegalStateException(RESOURCE + ": a preset lacks name, architecture, role, source or url, before " + p.currentLocation());
        }
        if (utilisation > 0 && utilisationSource == null) {
            throw new IllegalStateException(RESOURCE + ": preset '" + name + "' sets servingUtilisation without servingUtilisationSource");
        }
        if ((steps > 0) != (resolution > 0)) {
            throw new IllegalStateException(RESOURCE + ": preset '" + name + "' needs both diffusionSteps and nativeResolution, or neither");
        }
        if (guidancePasses > 0 && steps == 0) {
            throw new IllegalStateException(RESOURCE + ": preset '" + name + "' sets guidancePasses but is not a diffusion preset");
        }
        if (steps > 0 && guidancePasses == 0) {
            guidancePasses = InferenceEstimator.GUIDANCE_PASSES; // classifier-free guidance unless the row says otherwise
        }
        return new ModelPreset(name, architecture, role, parameters, activeParameters, layers, hidden, heads, kvHeads, headDim, intermediate,
                vocabulary, context, forwardFlops, steps, resolution, guidancePasses, utilisation, utilisationSource, activationBytes,
                microBatch, tokensIn, source, url);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException(RESOURCE + ": expected " + expected + " but found " + actual + " at " + p.currentLocation());
        }
    }
}
