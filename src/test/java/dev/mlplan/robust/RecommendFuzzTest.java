package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the whole command: every example workload under {@code workloads/} is mutated
 * ({@link Mutator}) and run through {@code mlplan recommend --format json} in-process. Every run must
 * end within {@link #TIMEOUT_SECONDS} with exit code 0 (and JSON on standard output) or 2 (and a
 * one-line message naming the file), never 3 or 4, never a stack trace. Outcome counts are printed.
 *
 * <p>{@code -Dmlplan.fuzz.iterations=N} changes the number of runs; {@code -Dmlplan.fuzz.seed=S} the seed.
 */
class RecommendFuzzTest {
    static final int ITERATIONS = Integer.getInteger("mlplan.fuzz.iterations", 3000);
    static final long SEED = Long.getLong("mlplan.fuzz.seed", 20261121L);
    static final int TIMEOUT_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void mutatedExampleWorkloadsGiveAPlanOrAUsageErrorNeverACrash() throws Exception {
        List<Path> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        List<String> originals = new ArrayList<>();
        for (Path p : examples) {
            originals.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        Random random = new Random(SEED);
        Map<Integer, Integer> exits = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long maxMillis = 0;
        String slowest = "";
        long started = System.nanoTime();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-run");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                int which = i % examples.size();
                String mutated = Mutator.mutate(originals.get(which), random, 1 + random.nextInt(3));
                String name = "fuzz-" + i + "-" + examples.get(which).getFileName();
                Files.writeString(dir.resolve(name), mutated, StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                Future<CliRun> f = executor.submit(() -> CliRun.run(Map.of(), dir, "recommend", "--format", "json", name));
                CliRun r;
                try {
                    r = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add("HANG (> " + TIMEOUT_SECONDS + " s) on " + name + ":\n" + mutated);
                    break; // the stuck thread cannot be reused
                } catch (ExecutionException e) {
                    failures.add("escaped " + e.getCause() + " on " + name + ":\n" + mutated);
                    continue;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > maxMillis) {
                    maxMillis = ms;
                    slowest = name;
                }
                exits.merge(r.exitCode(), 1, Integer::sum);
                String problem = check(r, name);
                if (problem != null) {
                    failures.add(problem + " on " + name + " (exit " + r.exitCode() + "):\n--- input\n" + mutated + "\n--- stderr\n" + r.err());
                } else if (r.exitCode() == 2) {
                    kinds.merge(kind(r.err(), name), 1, Integer::sum);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        long total = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("recommend fuzz: %d runs (seed %d) in %d ms, slowest %d ms (%s); exit codes %s; %d distinct error kinds%n",
                ITERATIONS, SEED, total, maxMillis, slowest, exits, kinds.size());
        kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        assertThat(failures).as("%d failing runs; the first:%n%s", failures.size(), failures.isEmpty() ? "" : failures.get(0)).isEmpty();
        assertThat(exits.getOrDefault(0, 0)).as("some mutants stay valid and reach the planner").isGreaterThan(ITERATIONS / 10);
        assertThat(exits.getOrDefault(2, 0)).as("some mutants are rejected").isGreaterThan(ITERATIONS / 10);
    }

    /** What is wrong with this run, or null. */
    static String check(CliRun r, String file) {
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("Exception") || all.contains("Error:") || all.contains("bug in mlplan")) {
            return "stack trace or internal error";
        }
        switch (r.exitCode()) {
            case 0 -> {
                try {
                    List<String> bad = new ArrayList<>();
                    LargestValuesTest.badNumbers(JSON.readTree(r.out()), "", bad);
                    return bad.isEmpty() ? null : "figures that are not finite or are negative: " + bad;
                } catch (IOException e) {
                    return "exit 0 but standard output is not JSON (" + e.getMessage() + ")";
                }
            }
            case 2 -> {
                if (!r.out().isEmpty()) {
                    return "exit 2 with standard output";
                }
                if (!r.err().startsWith("mlplan: " + file)) {
                    return "exit 2 without 'mlplan: FILE' first";
                }
                return null;
            }
            default -> {
                return "exit code " + r.exitCode();
            }
        }
    }

    /** The message without file, position, quoted values and numbers: "training.epochs: expected a number greater than 0". */
    static String kind(String err, String file) {
        String line = err.lines().findFirst().orElse("").substring(("mlplan: " + file).length());
        line = line.replaceFirst("^(:\\d+)?(:\\d+)?: ", "");
        line = line.replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'").replaceAll("\\d+(\\.\\d+)?", "N");
        int cut = line.indexOf(" (");
        line = cut > 0 ? line.substring(0, cut) : line;
        return line.length() > 110 ? line.substring(0, 110) + "…" : line;
    }
}
