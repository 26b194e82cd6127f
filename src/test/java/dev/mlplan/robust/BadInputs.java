package dev.mlplan.robust;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad-input corpus as the CLI sees it: every file of {@code src/test/resources/bad-workloads/}
 * (with the line and column of {@code expected.csv}) plus inputs that cannot live in the resources
 * and are made at test time in a directory: a 10 MB document, documents just under the 1 MB limit, a
 * directory, a missing file, a dangling symbolic link, a symbolic-link loop, an unreadable file (not
 * when running as root), device files. Shared by the in-process test, the launcher test and the
 * benchmark of bench/bad-input-timing.sh.
 */
public final class BadInputs {
    /** The committed corpus. */
    public static final Path CORPUS = Path.of("src", "test", "resources", "bad-workloads").toAbsolutePath();

    /**
     * One bad input.
     *
     * @param arg what the user types (relative to {@code cwd}, or absolute)
     * @param cwd the working directory to run in
     * @param line expected line, 0 when the problem has no position
     * @param column expected column, 0 when none
     * @param fragment expected part of the message, or null
     */
    public record Case(String arg, Path cwd, int line, int column, String fragment) {
        /** "mlplan: FILE:LINE:COL: " or "mlplan: FILE: ". */
        public String expectedPrefix() {
            return "mlplan: " + arg + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
        }

        @Override
        public String toString() {
            return arg;
        }
    }

    record Row(String file, int line, int column, String fragment) {}

    private BadInputs() {}

    /** The committed corpus, one case per row of expected.csv. */
    public static List<Case> committed() {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Row> rows = mapper.readerFor(Row.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(CORPUS.resolve("expected.csv").toFile())) {
            return rows.readAll().stream().map(r -> new Case(r.file(), CORPUS, r.line(), r.column(), r.fragment())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated and committed inputs that cost the most to reject (size, nesting, expansion, devices). */
    static final List<String> HEAVIEST = List.of("ten-megabytes.yaml", "long-value.yaml", "many-keys.yaml", "long-list.yaml", "/dev/zero",
            "billion-laughs.yaml", "deep-nesting.yaml", "deep-block-nesting.yaml", "binary-png.yaml");

    /** The {@link #HEAVIEST} inputs, the generated ones made in {@code dir} (which must be empty). */
    public static List<Case> heaviest(Path dir) throws IOException {
        List<Case> all = new ArrayList<>(generated(dir));
        all.addAll(committed());
        return all.stream().filter(c -> HEAVIEST.contains(c.arg())).toList();
    }

    /** True when file permissions do not stop this process (root): an unreadable file cannot be made. */
    public static boolean permissionsIgnored(Path dir) throws IOException {
        Path probe = dir.resolve(".probe");
        Files.writeString(probe, "x");
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
        boolean readable = Files.isReadable(probe);
        Files.delete(probe);
        return readable;
    }

    /**
     * Makes the generated inputs in {@code dir} (which must be empty) and returns them. The
     * unreadable file is left out when permissions are ignored (see {@link #permissionsIgnored}).
     */
    public static List<Case> generated(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        // 10 MB: rejected from its size, before it is read
        Path huge = dir.resolve("ten-megabytes.yaml");
        byte[] block = "# padding padding padding padding padding padding padding padding padding padding pad\n".repeat(1024)
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(huge)) {
            out.write("version: 1\nname: huge\nstorage:\n  data: 1 GB\n".getBytes(StandardCharsets.UTF_8));
            while (Files.size(huge) < 10L << 20) {
                out.write(block);
                out.flush();
            }
        }
        cases.add(new Case(huge.getFileName().toString(), dir, 0, 0, "file is too large (" + Files.size(huge) + " bytes"));
        // just under the limit: 900 KB in one value, refused before YAML reads it (WorkloadParser.MAX_RUN)
        Files.writeString(dir.resolve("long-value.yaml"), "version: \"" + "x".repeat(900_000) + "\"\nname: a\n");
        cases.add(new Case("long-value.yaml", dir, 1, 10, "more than 10,000 characters without a space or line break"));
        // just under the limit: 90,000 keys
        StringBuilder keys = new StringBuilder("version: 1\nname: many-keys\nstorage:\n  data: 1 GB\n");
        for (int i = 0; keys.length() < 950_000; i++) {
            keys.append("k").append(i).append(": 1\n");
        }
        Files.writeString(dir.resolve("many-keys.yaml"), keys);
        cases.add(new Case("many-keys.yaml", dir, 5, 1, "unknown key 'k0' at the top level"));
        // just under the limit: a 900 KB flow sequence of numbers
        Files.writeString(dir.resolve("long-list.yaml"), "version: 1\nname: a\nregions: [" + "1, ".repeat(300_000) + "1]\n");
        cases.add(new Case("long-list.yaml", dir, 3, 11, "regions[0]"));
        // three documents
        Files.writeString(dir.resolve("three-documents.yaml"), "---\nversion: 1\nname: a\nstorage: { data: 1 GB }\n---\nversion: 1\n---\nname: b\n");
        cases.add(new Case("three-documents.yaml", dir, 6, 1, "a second YAML document starts here"));
        Files.createDirectory(dir.resolve("a-directory.yaml"));
        cases.add(new Case("a-directory.yaml", dir, 0, 0, "is a directory"));
        cases.add(new Case("missing.yaml", dir, 0, 0, "file not found"));
        cases.add(new Case("no/such/dir/missing.yaml", dir, 0, 0, "file not found"));
        Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("nowhere.yaml"));
        cases.add(new Case("dangling.yaml", dir, 0, 0, "file not found"));
        Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        cases.add(new Case("loop.yaml", dir, 0, 0, "symbolic-link loop"));
        Path unreadable = dir.resolve("unreadable.yaml");
        Files.writeString(unreadable, "version: 1\nname: secret\nstorage: { data: 1 GB }\n");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(unreadable)) {
            cases.add(new Case("unreadable.yaml", dir, 0, 0, "permission denied"));
        }
        for (String device : List.of("/dev/null", "/dev/zero", "/dev/urandom")) {
            if (Files.exists(Path.of(device))) {
                cases.add(new Case(device, dir, 0, 0, "is not a regular file"));
            }
        }
        return cases;
    }
}
