package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of the docs/design.md example (20 seeds × 100 = 2,000 documents, plus byte-level
 * mutations through files): each either parses or fails with a one-line {@link WorkloadException}
 * naming the file; nothing else may escape.
 */
class WorkloadFuzzTest {
    private static final int PER_SEED = 100;
    private static final String[] INSERTS = {
        "\t", ":", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!int ", "!!binary ", "<<: ", "|", ">", "#", "'", "\"", ",",
        "---\n", "...\n", "\n", "  ", "\u00e9", "\u4e2d\u6587", "\ud83d\ude80", "\u200f", "\u0301", "\ufeff", "\u0000", "\u0007",
        "\ud800", "%YAML 1.2\n", "? ", "~", "null", "1e400", "-1", ".nan", ".inf", "0", "99999999999999999999", "1,000"
    };
    private static final String[] VALUES = {
        "0", "-1", "1e400", ".nan", "-.inf", "NaN", "''", "\"\"", "[]", "{}", "~", "yes", "3.5", "12 GB", "12h", "50/s",
        "4500 USD", "80%", "7B", "any", "[any, us-east-1]", "&x [*x]", "*undefined", "!!python/object:os.system ls", "\"\\ud800\""
    };

    private final WorkloadParser parser = new WorkloadParser(WorkloadParserTest.PRESETS);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedDocumentsParseOrFailCleanly(long seed) {
        Random random = new Random(seed);
        String original = WorkloadParserTest.designExample();
        int parsed = 0;
        for (int i = 0; i < PER_SEED; i++) {
            String mutated = mutate(original, random, 1 + random.nextInt(3));
            if (check(() -> parser.parse("fuzz.yaml", mutated), "fuzz.yaml", mutated)) {
                parsed++;
            }
        }
        assertThat(parsed).as("some mutations stay valid").isLessThan(PER_SEED);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedBytesInFilesFailCleanly(long seed, @TempDir Path dir) throws IOException {
        Random random = new Random(seed);
        byte[] original = WorkloadParserTest.designExample().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            byte[] bytes = original.clone();
            for (int j = 0, n = 1 + random.nextInt(4); j < n; j++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("fuzz-" + i + ".yaml");
            Files.write(file, bytes);
            check(() -> parser.parse(file), file.toString(), new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /** True if it parsed; fails the test on any exception but a clean WorkloadException. */
    private static boolean check(ThrowingParse parse, String file, String input) {
        try {
            Workload w = parse.run();
            assertThat(w.name()).matches("[a-z0-9-]{1,63}");
            assertThat(w.training().isPresent() || w.inference().isPresent() || w.storage().isPresent()).isTrue();
            return true;
        } catch (WorkloadException e) {
            assertThat(e.getMessage()).as(input).startsWith(file).doesNotContain("\n");
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isNotNegative();
            assertThat(e.problem()).isNotBlank();
            return false;
        } catch (RuntimeException | Error e) {
            fail("unexpected " + e + " for input:\n" + input, e);
            return false;
        }
    }

    @FunctionalInterface
    private interface ThrowingParse {
        Workload run();
    }

    static String mutate(String text, Random random, int times) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (int t = 0; t < times; t++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(7)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    if (!line.isEmpty()) {
                        int pos = random.nextInt(line.length());
                        char c = (char) (0x20 + random.nextInt(0x5f));
                        lines.set(at, line.substring(0, pos) + c + line.substring(pos + 1));
                    }
                }
                case 3 -> {
                    int other = random.nextInt(lines.size());
                    String a = lines.get(at);
                    String b = lines.get(other);
                    int ca = a.indexOf(": ");
                    int cb = b.indexOf(": ");
                    if (ca > 0 && cb > 0) {
                        lines.set(at, a.substring(0, ca) + b.substring(cb));
                        lines.set(other, b.substring(0, cb) + a.substring(ca));
                    }
                }
                case 4 -> {
                    int pos = random.nextInt(line.length() + 1);
                    String insert = INSERTS[random.nextInt(INSERTS.length)];
                    lines.set(at, line.substring(0, pos) + insert + line.substring(pos));
                }
                case 5 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon) + ": " + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                default -> lines.set(at, " ".repeat(random.nextInt(5)) + line.strip());
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
