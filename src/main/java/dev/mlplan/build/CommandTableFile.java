package dev.mlplan.build;

import dev.mlplan.cli.CommandFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Build step (process-classes, after the picocli upgrade): writes the command table that
 * {@code dev.mlplan.cli.FastCommandLine} parses everyday command lines with, from picocli's model of
 * the annotated command classes ({@code dev.mlplan.cli.CommandTable} has the format).
 *
 * <p>Usage: {@code CommandTableFile OUTPUT}
 */
public final class CommandTableFile {
    private CommandTableFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CommandTableFile OUTPUT");
        }
        dev.mlplan.util.AtomicFiles.write(Path.of(args[0]), CommandFactory.commandTable().getBytes(StandardCharsets.UTF_8));
    }
}
