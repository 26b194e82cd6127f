package dev.mlplan.build;

import dev.mlplan.estimate.ModelPresetTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Build step (process-classes): writes the model presets of {@code model-presets.json} as the
 * tab-separated table that a start reads without Jackson ({@code dev.mlplan.estimate.ModelPresetTable}).
 *
 * <p>Usage: {@code ModelPresetTableFile OUTPUT}
 */
public final class ModelPresetTableFile {
    private ModelPresetTableFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ModelPresetTableFile OUTPUT");
        }
        dev.mlplan.util.AtomicFiles.write(Path.of(args[0]), ModelPresetTable.tableFromJson().getBytes(StandardCharsets.UTF_8));
    }
}
