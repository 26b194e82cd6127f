package dev.mlplan.util;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a file the build made from a resource (the catalog's binary form from its JSON) still holds
 * what that resource holds. In the jar the build made both in one run, and its step cannot be
 * skipped. In a class-path directory (an IDE's build, or {@code mvn compile}, which copies resources
 * but does not run the step that makes the file) the source may be newer: the made file names the
 * source's length, and must not be older than it.
 */
public final class BuildOutputs {
    private BuildOutputs() {}

    /**
     * @param namedLength the source length the made file names, or -1 when it names none (not current)
     */
    public static boolean isCurrent(URL source, URL made, long namedLength) {
        if (!"file".equals(made.getProtocol()) || source == null || !"file".equals(source.getProtocol())) {
            return true;
        }
        try {
            return isCurrent(Path.of(source.toURI()), Path.of(made.toURI()), namedLength);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A made file is current when it names the source file's length and is not older than the source. */
    public static boolean isCurrent(Path source, Path made, long namedLength) {
        try {
            return namedLength >= 0 && Files.size(source) == namedLength
                    && Files.getLastModifiedTime(source).compareTo(Files.getLastModifiedTime(made)) <= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
