import dev.mlplan.robust.BadInputs;
import dev.mlplan.robust.BadInputs.Case;
import dev.mlplan.testing.CliRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * In-process half of bench/bad-input-timing.sh (run by it, with the test classpath): every input of
 * the bad-input corpus (committed and generated) through {@code recommend} and {@code validate},
 * ROUNDS times each in this one JVM, and prints the median time of each call, the slowest, and the
 * peak heap. It also writes OUT/heavy.tsv (working directory, argument) for the script's whole-process
 * runs. A run that is not a clean rejection (exit 2, no stack trace) is listed and makes the exit
 * status 1: its time would mean nothing.
 *
 * <p>Usage: {@code java -Xmx256m -cp TEST-CLASSPATH bench/BadInputTimes.java OUT ROUNDS}
 */
public class BadInputTimes {
    record Timed(String label, long medianMicros) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Case> cases = new ArrayList<>(BadInputs.committed());
        cases.addAll(BadInputs.generated(Files.createDirectories(out.resolve("generated"))));
        List<String> heavy = new ArrayList<>();
        for (Case c : BadInputs.heaviest(Files.createDirectories(out.resolve("heavy")))) {
            heavy.add(c.cwd() + "\t" + c.arg());
        }
        Files.write(out.resolve("heavy.tsv"), heavy, StandardCharsets.UTF_8);

        List<Timed> timed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            for (String command : List.of("recommend", "validate")) {
                long[] micros = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    CliRun r = CliRun.run(Map.of(), c.cwd(), command, c.arg());
                    micros[i] = (System.nanoTime() - t0) / 1_000;
                    if (i == 0 && (r.exitCode() != 2 || r.err().contains("\tat ") || r.err().contains("Exception"))) {
                        problems.add(command + " " + c.arg() + ": exit " + r.exitCode() + ", " + r.err().lines().findFirst().orElse(""));
                    }
                }
                Arrays.sort(micros);
                timed.add(new Timed(command + " " + c.arg(), micros[rounds / 2]));
            }
        }
        timed.sort(Comparator.comparingLong(Timed::medianMicros).reversed());
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "in-process, one JVM (max heap %d MB): %d inputs x 2 commands x %d rounds; peak heap %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, cases.size(), rounds, peak >> 20);
        System.out.printf(Locale.ROOT, "median of all calls' medians: %.1f ms; the slowest 15 (median ms):%n",
                timed.get(timed.size() / 2).medianMicros() / 1000.0);
        for (Timed t : timed.subList(0, Math.min(15, timed.size()))) {
            System.out.printf(Locale.ROOT, "  %8.1f  %s%n", t.medianMicros() / 1000.0, t.label());
        }
        if (!problems.isEmpty()) {
            System.out.println("not a clean rejection (exit 2, one message):");
            problems.forEach(p -> System.out.println("  " + p));
            System.exit(1);
        }
    }
}
