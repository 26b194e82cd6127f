package dev.mlplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept under {@code src/test/resources/golden/}. Run the tests with
 * {@code -Dmlplan.golden.update=true} (Maven: {@code mvn test -Dmlplan.golden.update=true}) to
 * rewrite them from the current output, then review the diff.
 */
public final class Golden {
    public static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("mlplan.golden.update");
    }

    /** Asserts {@code actual} equals the golden file {@code relative}, or rewrites it when updating. */
    public static void assertMatches(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s is missing; run with -Dmlplan.golden.update=true", file).exists();
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(actual).as("output differs from golden file %s (rerun with -Dmlplan.golden.update=true to accept)", file)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
