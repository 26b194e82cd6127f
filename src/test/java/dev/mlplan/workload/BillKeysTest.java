package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** constraints.residency, training.keep_last and storage.lifecycle (issue 20 items 4-6): read as written, bad input with file:line:col. */
class BillKeysTest {
    private final WorkloadParser parser = new WorkloadParser(WorkloadParserTest.PRESETS);

    private Workload parse(String yaml) {
        return parser.parse("b.yaml", "version: 2\nname: b\n" + yaml);
    }

    @Test
    void residencyListsGeographiesAndRegions() {
        Workload w = parse("constraints:\n  residency: [eu, us-west-2]\n  compute_follows_data: false\nstorage: { data: 1 GB }\n");
        assertThat(w.constraints().residency()).containsExactly("eu", "us-west-2");
        assertThat(w.constraints().computeFollowsData()).isFalse();
        assertThat(parse("storage: { data: 1 GB }\n").constraints().computeFollowsData()).isTrue();
    }

    @Test
    void anUnknownGeographyIsAnInputErrorWithASuggestion() {
        assertThatThrownBy(() -> parse("constraints:\n  residency: [ue]\nstorage: { data: 1 GB }\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("b.yaml:4:15")
                .hasMessageContaining("constraints.residency[0]: \"ue\" is neither a geography")
                .hasMessageContaining("eu");
    }

    @Test
    void lifecycleTransitionsAreOrderedByAge() {
        Workload w = parse("storage:\n  data: 1 TB\n  objects: 2M\n  lifecycle: { deep_archive: 365d, standard_ia: 30d, glacier_ir: 90d }\n");
        var l = w.storage().orElseThrow().lifecycle();
        assertThat(l.transitions()).extracting(Workload.Transition::storageClass).containsExactly("standard-ia", "glacier-ir", "deep-archive");
        assertThat(l.transitions()).extracting(Workload.Transition::afterDays).containsExactly(30.0, 90.0, 365.0);
        assertThat(l.objects()).contains(2e6);
    }

    @Test
    void aColderClassBeforeAWarmerOneIsAnInputError() {
        assertThatThrownBy(() -> parse("storage:\n  data: 1 TB\n  lifecycle:\n    standard_ia: 60d\n    glacier_ir: 30d\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("b.yaml:7:17")
                .hasMessageContaining("storage.lifecycle.glacier_ir (30 days) comes before standard-ia (60 days)");
    }

    @Test
    void standardIaBefore30DaysIsRefusedByTheKeyTable() {
        assertThatThrownBy(() -> parse("storage:\n  data: 1 TB\n  lifecycle: { standard_ia: 7d }\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("b.yaml:5:")
                .hasMessageContaining("storage.lifecycle.standard_ia");
    }

    @Test
    void aMisspelledClassGetsADidYouMean() {
        assertThatThrownBy(() -> parse("storage:\n  data: 1 TB\n  lifecycle: { deep_archiv: 365d }\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("deep_archive");
    }

    @Test
    void keepLastIsReadWithItsDefault() {
        String training = "training:\n  model: { preset: llama-2-7b }\n  dataset: { size: 40 GB, tokens: 2B }\n";
        assertThat(parse(training).training().orElseThrow().keepLast()).isEqualTo(2);
        assertThat(parse(training + "  keep_last: 5\n").training().orElseThrow().keepLast()).isEqualTo(5);
    }
}
