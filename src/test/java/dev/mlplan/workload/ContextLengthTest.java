package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request's tokens, or a training sequence, longer than the model's context window: no instance
 * can serve or train it, so the workload is refused with the keys and the numbers (issue 16, item 5).
 * The serving targets ttft_p99 and tpot_p99 need tokens_out.
 */
class ContextLengthTest {
    private final WorkloadParser parser = new WorkloadParser(Set.of("llama-3.1-8b", "llama-2-7b", "bert-base", "whisper-large-v3"), Set.of(), Set.of(),
            Map.of("llama-3.1-8b", new PresetContext(131_072, true, true), "llama-2-7b", new PresetContext(4096, true, true),
                    "bert-base", new PresetContext(512, true, false), "whisper-large-v3", new PresetContext(448, false, true)));

    private static String serving(String model, String tokens) {
        return "version: 2\nname: x\ninference:\n  model: { " + model + " }\n  traffic: { average: 1/s }\n" + tokens;
    }

    @Test
    void aPromptAndAnswerLongerThanThePresetsContextIsAnInputError() {
        String yaml = serving("preset: llama-3.1-8b", "  tokens_in: 130000\n  tokens_out: 2000\n");
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml)).isInstanceOfSatisfying(WorkloadException.class, e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.column()).isEqualTo(14);
            assertThat(e.problem()).isEqualTo("inference: tokens_in 130,000 + tokens_out 2,000 = 132,000 tokens exceed llama-3.1-8b's context"
                    + " of 131,072 tokens");
            assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("inference.model.context_length"));
        });
    }

    @Test
    void theWorkloadsContextLengthTakesThePresetsPlace() {
        String longer = serving("preset: llama-2-7b, context_length: 16384", "  tokens_in: 8000\n  tokens_out: 500\n");
        assertThat(parser.parse("w.yaml", longer).inference().orElseThrow().model().contextLength()).contains(16384);
        String custom = serving("parameters: 1B, context_length: 2048", "  tokens_in: 2000\n  tokens_out: 100\n");
        assertThatThrownBy(() -> parser.parse("w.yaml", custom))
                .hasMessageContaining("tokens_in 2,000 + tokens_out 100 = 2,100 tokens exceed the model's context_length of 2,048 tokens");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // a window exactly full is fine
        "preset: llama-2-7b | '  tokens_in: 3840\n  tokens_out: 256\n'",
        // an encoder reads only its input
        "preset: bert-base | '  tokens_in: 512\n'",
        // Whisper's input is audio frames; its 448 decoder positions hold the output
        "preset: whisper-large-v3 | '  tokens_in: 1500\n  tokens_out: 448\n'",
        // a custom model without context_length: mlplan does not know its window
        "parameters: 1B | '  tokens_in: 100000\n  tokens_out: 1000\n'",
    })
    void requestsThatFitOrWhoseWindowIsUnknownPass(String model, String tokens) {
        assertThat(parser.parse("w.yaml", serving(model, tokens.replace("\\n", "\n"))).inference()).isPresent();
    }

    @Test
    void whispersOutputBeyondItsDecoderPositionsIsRefused() {
        String yaml = serving("preset: whisper-large-v3", "  tokens_in: 1500\n  tokens_out: 500\n");
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml))
                .hasMessageContaining("inference: tokens_out 500 tokens exceed whisper-large-v3's context of 448 tokens");
    }

    @Test
    void aTrainingSequenceLongerThanTheContextIsRefused() {
        String yaml = "version: 2\nname: x\ntraining:\n  model: { preset: llama-2-7b }\n  dataset: { size: 1 GB, tokens: 1M }\n"
                + "  sequence_length: 8192\n";
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml)).isInstanceOfSatisfying(WorkloadException.class, e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.problem()).isEqualTo("training.sequence_length 8,192 exceeds llama-2-7b's context of 4,096 tokens");
            assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("training.model.context_length"));
        });
        String extended = yaml.replace("{ preset: llama-2-7b }", "{ preset: llama-2-7b, context_length: 8192 }");
        assertThat(parser.parse("w.yaml", extended).training()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ttft_p99: 1s", "tpot_p99: 50ms"})
    void tokenTargetsNeedTokensOut(String target) {
        String yaml = serving("preset: llama-3.1-8b", "  tokens_in: 512\n  " + target + "\n");
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml))
                .hasMessageContaining("inference." + target.substring(0, target.indexOf(':')) + " applies only to a model that generates tokens");
        var inference = parser.parse("w.yaml", yaml + "  tokens_out: 100\n").inference().orElseThrow();
        assertThat(inference.ttftP99().isPresent() || inference.tpotP99().isPresent()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"preset: bert-base | model preset 'bert-base'", "parameters: 1B, flops_per_sample: 2G | the model"})
    void tokenTargetsAreRefusedForAModelServedOneShot(String model, String which) {
        String yaml = serving(model, "  tokens_in: 128\n  tokens_out: 10\n  ttft_p99: 1s\n");
        assertThatThrownBy(() -> parser.parse("w.yaml", yaml)).isInstanceOfSatisfying(WorkloadException.class, e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.problem()).isEqualTo("inference.ttft_p99 applies only to a model that generates tokens; " + which + " is served one-shot");
        });
    }

    @Test
    void recommendRefusesARequestLongerThanTheContextWithExitCode2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("w.yaml"), serving("preset: llama-3.1-8b", "  tokens_in: 120000\n  tokens_out: 12000\n"),
                StandardCharsets.UTF_8);
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "w.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("w.yaml:6:14: inference: tokens_in 120,000 + tokens_out 12,000 = 132,000 tokens exceed llama-3.1-8b's"
                + " context of 131,072 tokens");
    }
}
