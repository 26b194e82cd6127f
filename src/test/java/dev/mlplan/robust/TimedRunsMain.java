package dev.mlplan.robust;

import dev.mlplan.testing.CliRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs mlplan command lines in-process, one after the other, in one JVM (started by
 * {@code BadInputTimingIT} with a small heap), and prints the exit code and wall time of each, then
 * the peak heap. Input: a file of lines {@code CWD<TAB>ARG<TAB>ARG…}. Output, one line per run:
 * {@code EXIT<TAB>MILLIS<TAB>STDOUT-LENGTH<TAB>FIRST-LINE-OF-STDERR}, then {@code peak-heap-mb<TAB>N}.
 */
public final class TimedRunsMain {
    private TimedRunsMain() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String[] parts = line.split("\t");
            String[] cli = Arrays.copyOfRange(parts, 1, parts.length);
            long t0 = System.nanoTime();
            CliRun r = CliRun.run(Map.of(), Path.of(parts[0]), cli);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String first = r.err().lines().findFirst().orElse("").replace('\t', ' ');
            boolean trace = r.err().contains("\tat ") || r.err().contains("Exception");
            out.append(r.exitCode()).append('\t').append(ms).append('\t').append(r.out().length()).append('\t')
                    .append(trace ? "TRACE " : "").append(first).append('\n');
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.append("peak-heap-mb\t").append(peak >> 20).append('\n');
        out.append("max-heap-mb\t").append(Runtime.getRuntime().maxMemory() >> 20).append('\n');
        System.out.print(out);
        System.out.flush();
    }
}
