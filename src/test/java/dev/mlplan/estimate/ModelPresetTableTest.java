package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's table of model presets holds exactly what the JSON holds, and is used only when current. */
class ModelPresetTableTest {
    @Test
    void theTableReadsToTheSamePresetsAsTheJson() {
        Map<String, ModelPreset> json = ModelPresetTable.readJson();
        Map<String, ModelPreset> table = ModelPresetTable.readTable(ModelPresetTable.tableFromJson());
        assertThat(table).hasSize(json.size()).isEqualTo(json);
        assertThat(List.copyOf(table.keySet())).isEqualTo(List.copyOf(json.keySet()));
    }

    @Test
    void theBuiltTableIsTheJsonsAndIsWhatLoads() throws Exception {
        try (var in = ModelPresetTable.class.getResourceAsStream(ModelPresetTable.TABLE)) {
            assertThat(in).as("the build writes " + ModelPresetTable.TABLE + " (mvn process-classes)").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ModelPresetTable.tableFromJson());
        }
        assertThat(ModelPresetTable.load()).isEqualTo(ModelPresetTable.readJson());
    }

    @Test
    void aTableOfAnotherOrANewerJsonIsNotUsed(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("model-presets.json"), "{\"presets\": []}");
        String text = ModelPresetTable.toTable(Map.of(), Files.size(json));
        Path table = Files.writeString(dir.resolve("model-presets.tsv"), text);
        Files.setLastModifiedTime(json, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(table, FileTime.fromMillis(2_000_000));
        assertThat(ModelPresetTable.isCurrent(json, table, text)).isTrue();
        assertThat(ModelPresetTable.isCurrent(json, table, ModelPresetTable.toTable(Map.of(), Files.size(json) + 1))).isFalse();
        Files.setLastModifiedTime(json, FileTime.fromMillis(3_000_000));
        assertThat(ModelPresetTable.isCurrent(json, table, text)).isFalse();
    }

    @Test
    void aMalformedTableIsRefused() {
        String good = ModelPresetTable.tableFromJson();
        assertThatThrownBy(() -> ModelPresetTable.readTable("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelPresetTable.readTable(good.replace("kvHeads", "kv_heads"))).isInstanceOf(IllegalArgumentException.class);
        String[] lines = good.split("\n");
        assertThatThrownBy(() -> ModelPresetTable.readTable(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\textra\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelPresetTable.readTable(lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[2] + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    }
}
