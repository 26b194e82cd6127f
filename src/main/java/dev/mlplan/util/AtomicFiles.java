package dev.mlplan.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the bytes go to a new file in the same directory, which is then renamed
 * over the target, so a reader sees the old file or the new one, never half of one, and a failed
 * write leaves the old file as it was. The new file is created like any other (permissions from the
 * umask); when it replaces a file, it takes that file's permissions.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Checks the written temporary file before it replaces the target; throwing keeps the target as it was. */
    @FunctionalInterface
    public interface Check {
        void accept(Path written) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, o -> o.write(content), written -> { });
    }

    /**
     * As {@link #write(Path, byte[])}, running {@code check} on the complete temporary file before the
     * rename: whatever it throws leaves the target untouched and the temporary file deleted.
     */
    public static void write(Path target, byte[] content, Check check) throws IOException {
        write(target, o -> o.write(content), check);
    }

    /** What writes a file's content, streamed (a plan of many workloads is never held whole). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Like {@link #write(Path, byte[])}, the content streamed by {@code content} into the new file. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, written -> { });
    }

    /** Like {@link #write(Path, byte[], Check)}, the content streamed by {@code content} into the new file. */
    public static void write(Path target, Content content, Check check) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        boolean created = false;
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                content.writeTo(o);
            }
            check.accept(tmp);
            keepPermissions(abs, tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (created) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void keepPermissions(Path replaced, Path tmp) throws IOException {
        if (!Files.isRegularFile(replaced)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(replaced));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }
}
