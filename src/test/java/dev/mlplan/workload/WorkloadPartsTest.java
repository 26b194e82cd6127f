package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlplan.workload.Workload.Named;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schema version 2: keys marked "since version 2", and training, inference and storage given as a
 * list of named mappings (docs/workload-reference.md).
 */
class WorkloadPartsTest {
    private final WorkloadParser parser = new WorkloadParser(WorkloadParserTest.PRESETS);

    private static final String TWO_TRAININGS = """
            version: 2
            name: platform
            training:
              - name: nightly
                model: {preset: llama-2-7b}
                dataset: {size: 2 GB, tokens: 50M}
              - name: ablation
                model: {preset: llama-2-13b}
                dataset: {size: 40 GB, tokens: 2B}
                runs_per_month: 4
            inference:
              name: chat
              model: {preset: llama-2-7b}
              traffic: {average: 5/s}
            storage:
              - name: datasets
                data: 2 TB
                serves: ablation
              - name: features
                data: 100 GB
            """;

    @Test
    void aListGivesOneNamedItemPerEntryInFileOrder() {
        Workload w = parser.parse("w.yaml", TWO_TRAININGS);
        assertThat(w.version()).isEqualTo(2);
        assertThat(w.trainings()).extracting(t -> t.name().orElseThrow()).containsExactly("nightly", "ablation");
        assertThat(w.trainings().get(1).value().runsPerMonth()).isEqualTo(4);
        assertThat(w.inferences()).extracting(Named::name).containsExactly(Optional.of("chat"));
        assertThat(w.storages()).extracting(s -> s.value().serves()).containsExactly(Optional.of("ablation"), Optional.empty());
        // the single-item accessors see the first item, as a version-1 file's only one
        assertThat(w.training().orElseThrow().model().preset()).contains("llama-2-7b");
        assertThat(w.storage().orElseThrow().data().gb()).isEqualTo(2000);
    }

    @Test
    void aVersionOneFileReadsAsBeforeWithOneUnnamedItemPerPart() {
        Workload w = parser.parse("w.yaml", "version: 1\nname: x\nstorage: {data: 1 GB}\n");
        assertThat(w.storages()).containsExactly(Named.of(w.storage().orElseThrow()));
        assertThat(w.trainings()).isEmpty();
        assertThat(w.inferences()).isEmpty();
    }

    @Test
    void versionTwoReadsAVersionOneBodyTheSameWay() {
        String body = "name: x\ntraining:\n  model: {preset: llama-2-7b}\n  dataset: {size: 2 GB, tokens: 50M}\nstorage: {data: 1 GB}\n";
        Workload one = parser.parse("w.yaml", "version: 1\n" + body);
        Workload two = parser.parse("w.yaml", "version: 2\n" + body);
        assertThat(two.trainings()).isEqualTo(one.trainings());
        assertThat(two.storages()).isEqualTo(one.storages());
    }

    @Test
    void theReferenceExampleParses() {
        String reference = WorkloadReference.markdown();
        String yaml = reference.substring(reference.indexOf("```yaml\n") + 8, reference.indexOf("```\n", reference.indexOf("```yaml\n") + 8));
        Workload w = parser.parse("w.yaml", yaml);
        assertThat(w.trainings()).hasSize(2);
        assertThat(w.storage().orElseThrow().serves()).contains("weekly-ablation");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        name in version 1       | version: 1\\nname: x\\nstorage: {name: data, data: 1 GB}                 | w.yaml:3:11: `storage.name` needs `version: 2`; this file says version: 1 (write version: 2 at the top)
        serves in version 1     | version: 1\\nname: x\\nstorage: {data: 1 GB, serves: a}                  | w.yaml:3:23: `storage.serves` needs `version: 2`; this file says version: 1 (write version: 2 at the top)
        list in version 1       | version: 1\\nname: x\\nstorage:\\n  - {name: a, data: 1 GB}                | w.yaml:4:3: `storage` as a list needs `version: 2`; this file says version: 1 (write version: 2 at the top)
        item without name       | version: 2\\nname: x\\nstorage:\\n  - {name: a, data: 1 GB}\\n  - {data: 2 GB} | w.yaml:5:5: storage[1]: missing required key 'name' (every item of a list has one) (such as name: storage-2)
        duplicate name          | version: 2\\nname: x\\nstorage:\\n  - {name: a, data: 1 GB}\\n  - {name: a, data: 2 GB} | w.yaml:5:12: storage[1].name: 'a' is already the name of another item (line 4, column 12); names are unique within the file
        duplicate across kinds  | version: 2\\nname: x\\ninference: {name: a, model: {preset: bert-base}, traffic: {average: 1/s}}\\nstorage: [{name: a, data: 1 GB}] | w.yaml:4:18: storage[0].name: 'a' is already the name of another item (line 3, column 19); names are unique within the file
        empty list              | version: 2\\nname: x\\nstorage: []                                         | w.yaml:3:10: storage: expected at least one item, found an empty list (remove 'storage', or give one item)
        bad item name           | version: 2\\nname: x\\nstorage:\\n  - {name: My Data, data: 1 GB}           | w.yaml:4:12: storage[0].name: "My Data" may only contain lowercase letters, digits and '-' (did you mean 'my-data'?)
        error inside an item    | version: 2\\nname: x\\nstorage:\\n  - {name: a, data: 1 GB}\\n  - {name: b, data: 12 hrs} | w.yaml:5:21: storage[1].data: "12 hrs": unknown unit 'hrs' (expected one of: B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB)
        unknown key in an item  | version: 2\\nname: x\\nstorage:\\n  - {name: a, dta: 1 GB}                  | w.yaml:4:15: unknown key 'dta' in storage[0] (did you mean 'data'?)
        item not a mapping      | version: 2\\nname: x\\nstorage:\\n  - 1 GB                                 | w.yaml:4:5: storage[0]: expected a mapping with keys such as 'data' and 'growth', found "1 GB"
        serves unknown          | version: 2\\nname: x\\ninference: {name: chat, model: {preset: bert-base}, traffic: {average: 1/s}}\\nstorage: {data: 1 GB, serves: caht} | w.yaml:4:31: storage.serves: 'caht' is not the name of a training, inference or batch item (did you mean 'chat'?)
        serves unknown in list  | version: 2\\nname: x\\nstorage:\\n  - {name: a, data: 1 GB, serves: b} | w.yaml:4:35: storage[0].serves: 'b' is not the name of a training, inference or batch item (name a training, inference or batch item, or remove serves)
        serves without compute  | version: 2\\nname: x\\nstorage: {data: 1 GB, serves: chat}                | w.yaml:3:31: storage.serves: 'chat' is not the name of a training, inference or batch item (name a training, inference or batch item, or remove serves)
        """)
    void errors(String name, String body, String message) {
        assertThatThrownBy(() -> parser.parse("w.yaml", body.replace("\\n", "\n") + "\n"))
                .isInstanceOf(WorkloadException.class)
                .hasMessage(message);
    }

    @Test
    void unknownKeyHintsOfAVersionOneFileLeaveOutVersionTwoKeys() {
        assertThatThrownBy(() -> parser.parse("w.yaml", "version: 1\nname: x\nstorage: {data: 1 GB, nmae: a}\n"))
                .hasMessageNotContaining("'name'").hasMessageContaining("unknown key 'nmae' in storage");
        assertThatThrownBy(() -> parser.parse("w.yaml", "version: 2\nname: x\nstorage: {data: 1 GB, nmae: a}\n"))
                .hasMessageContaining("(did you mean 'name'?)");
    }

    @Test
    void everyKeyMarkedSinceTwoIsRefusedInVersionOne() {
        List<String> marked = new java.util.ArrayList<>();
        collect(WorkloadKeys.ROOT, marked);
        assertThat(marked).contains("training.name", "inference.name", "storage.name", "storage.serves");
    }

    private static void collect(WorkloadKeys.Section section, List<String> out) {
        for (WorkloadKeys.Key k : section.keys()) {
            if (k.since() > 1) {
                out.add(section.path().isEmpty() ? k.name() : section.path() + "." + k.name());
            }
            if (k.section() != null) {
                collect(k.section(), out);
            }
        }
    }
}
