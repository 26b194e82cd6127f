package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.estimate.ModelPresets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The batch section: its keys bind to {@link Workload.Batch}, and bad values get the standard errors. */
class BatchWorkloadTest {
    private final WorkloadParser parser = ModelPresets.workloadParser();

    private Workload parse(String batch) {
        return parser.parse("w.yaml", "version: 2\nname: test\nbatch:\n" + batch.replace("\\n", "\n") + "\n");
    }

    @Test
    void bindsEveryKey() {
        var w = parse("  name: embed\\n  model: { preset: bert-large }\\n  items: 100M\\n  tokens_in: 512\\n  tokens_out: 0\\n  deadline: 6h\\n"
                + "  runs_per_month: 30\\n  interruptible: false\\n  input_per_item: 2 KB\\n  output_per_item: 4 KB");
        assertThat(w.batches().get(0).name()).hasValue("embed");
        var b = w.batch().orElseThrow();
        assertThat(b.items()).isEqualTo(100e6);
        assertThat(b.tokensIn()).hasValue(512);
        assertThat(b.tokensOut()).hasValue(0);
        assertThat(b.deadline().orElseThrow().hours()).isEqualTo(6);
        assertThat(b.runsPerMonth()).isEqualTo(30);
        assertThat(b.interruptible()).isFalse();
        assertThat(b.inputPerItem().orElseThrow().bytes()).isEqualTo(2000);
        assertThat(b.model().precision()).as("the inference model's default precision").isEqualTo(Workload.Precision.FP16);
    }

    @Test
    void defaultsToOneRunAMonthInterruptibleWithoutADeadline() {
        var b = parse("  model: { preset: stable-diffusion-xl }\\n  items: 1M\\n  steps: 30\\n  resolution: 1024").batch().orElseThrow();
        assertThat(b.runsPerMonth()).isEqualTo(1);
        assertThat(b.interruptible()).isTrue();
        assertThat(b.deadline()).isEmpty();
        assertThat(b.steps()).hasValue(30);
        assertThat(parse("  model: { preset: whisper-large-v3 }\\n  items: 10k\\n  audio_seconds: 3600").batch().orElseThrow().audioSeconds()).hasValue(3600.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        items missing        | model: { preset: bert-large } | w.yaml:3:1: batch: missing required key 'items'
        items negative       | model: { preset: bert-large }\\n  items: -5 | w.yaml:5:10: batch.items: expected a count greater than 0 such as "100M", found "-5"
        items too many       | model: { preset: bert-large }\\n  items: 2000T | w.yaml:5:10: batch.items: expected a count greater than 0 and at most 1000T such as "100M", found "2000T"
        deadline no unit     | model: { preset: bert-large }\\n  items: 1M\\n  deadline: 6 | w.yaml:6:13: batch.deadline: "6" has no unit; expected a duration such as "6h"
        tokens_out negative  | model: { preset: bert-large }\\n  items: 1M\\n  tokens_out: -1 | w.yaml:6:15: batch.tokens_out: expected a whole number of 0 or more, found "-1"
        key typo             | model: { preset: bert-large }\\n  items: 1M\\n  dedline: 6h | w.yaml:6:3: unknown key 'dedline' in batch (did you mean 'deadline'?)
        name bad             | name: Embed Docs\\n  model: { preset: bert-large }\\n  items: 1M | w.yaml:4:9: batch.name: "Embed Docs" may only contain lowercase letters, digits and '-' (did you mean 'embed-docs'?)
        steps not diffusion  | model: { preset: bert-large }\\n  items: 1M\\n  steps: 30 | w.yaml:6:10: batch.steps applies only to diffusion presets; model preset 'bert-large' is not a diffusion model (remove it, or use one of flux.1-dev, flux.1-schnell, stable-diffusion-1.5, stable-diffusion-xl)
        audio not speech     | model: { preset: bert-large }\\n  items: 1M\\n  audio_seconds: 60 | w.yaml:6:18: batch.audio_seconds applies only to speech presets; model preset 'bert-large' is not a speech model (remove it, or use one of whisper-large-v3, whisper-large-v3-turbo)
        speech without audio | model: { preset: whisper-large-v3 }\\n  items: 1M | w.yaml:3:1: batch: missing 'audio_seconds' (a speech model's item is audio: its length in seconds) (such as audio_seconds: 3600 for 1-hour files)
        preset typo          | model: { preset: bert-lage }\\n  items: 1M | w.yaml:4:20: batch.model.preset: unknown model preset 'bert-lage' (did you mean 'bert-large'?)
        """)
    void errors(String name, String body, String message) {
        assertThatThrownBy(() -> parse("  " + body)).isInstanceOf(WorkloadException.class).hasMessage(message);
    }
}
