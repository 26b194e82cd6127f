package dev.mlplan.util;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text kept aside to be written later, after something that can only be known at the end (a
 * report's summary table comes before the workloads it sums): in memory up to {@link #IN_MEMORY}
 * characters, then in a temporary file, deleted on {@link #close()}, so that a report of a thousand
 * workloads does not hold them all in memory.
 */
public final class Spool implements Closeable {
    /** Characters kept in memory before the spool moves to a temporary file. */
    public static final int IN_MEMORY = 4 << 20;

    private final StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer fileWriter;

    public void append(CharSequence text) throws IOException {
        if (fileWriter != null) {
            fileWriter.append(text);
            return;
        }
        memory.append(text);
        if (memory.length() > IN_MEMORY) {
            file = Files.createTempFile("mlplan-spool-", ".txt");
            fileWriter = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            fileWriter.append(memory);
            memory.setLength(0);
            memory.trimToSize();
        }
    }

    /** Writes everything appended so far into {@code out}. */
    public void copyTo(Writer out) throws IOException {
        if (fileWriter == null) {
            out.append(memory);
            return;
        }
        fileWriter.flush();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        if (fileWriter != null) {
            fileWriter.close();
            Files.deleteIfExists(file);
            fileWriter = null;
        }
    }
}
