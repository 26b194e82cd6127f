package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./mlplan} launcher under other default locales (LANG, LC_ALL and the JVM's
 * user.language / user.country / user.timezone, as a Turkish, German or Saudi machine sets them, and
 * the POSIX "C" locale with its ASCII default charset; the OS locales need not be installed, bash's
 * "setlocale" warning about a missing one is ignored) gives byte-identical standard output and
 * standard error to the default run, for every example workload (table and JSON) and for the
 * bad-input corpus's messages. Runs after {@code package} (failsafe).
 */
class DeterminismIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    record Result(int code, byte[] out, byte[] err) {}

    /** Name → environment additions. */
    static Map<String, Map<String, String>> locales() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("tr_TR", Map.of("LANG", "tr_TR.UTF-8",
                "MLPLAN_JAVA_OPTS", "-Duser.language=tr -Duser.country=TR -Duser.timezone=Europe/Istanbul"));
        m.put("de_DE", Map.of("LANG", "de_DE.UTF-8",
                "MLPLAN_JAVA_OPTS", "-Duser.language=de -Duser.country=DE -Duser.timezone=Europe/Berlin"));
        m.put("ar_SA", Map.of("LANG", "ar_SA.UTF-8",
                "MLPLAN_JAVA_OPTS", "-Duser.language=ar -Duser.country=SA -Duser.timezone=Asia/Riyadh"));
        m.put("C", Map.of("LANG", "C", "LC_ALL", "C", "MLPLAN_JAVA_OPTS", "-Duser.timezone=Pacific/Kiritimati"));
        return m;
    }

    Result mlplan(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ROOT.resolve("mlplan").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().remove("MLPLAN_JAVA_OPTS");
        pb.environment().remove("LC_ALL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mlplan " + String.join(" ", args) + " did not finish");
        }
        // bash (the launcher) warns when the machine lacks the locale; that is the shell, not mlplan
        String e = Files.readString(err, java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^bash: warning: setlocale: .*\\R", "");
        return new Result(p.exitValue(), Files.readAllBytes(out), e.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void outputIsByteIdenticalUnderOtherDefaultLocales() throws Exception {
        List<String> files = RecommendFuzzTest.examples().stream().map(Path::toString).toList();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> table = new ArrayList<>(List.of("recommend", "--no-color"));
        table.addAll(files);
        commands.put("recommend table", table);
        List<String> json = new ArrayList<>(List.of("recommend", "--format", "json"));
        json.addAll(files);
        commands.put("recommend json", json);
        List<String> bad = new ArrayList<>(List.of("validate"));
        BadInputs.committed().forEach(c -> bad.add(ROOT.relativize(BadInputs.CORPUS.resolve(c.arg())).toString()));
        commands.put("validate bad corpus", bad);

        Map<String, Result> reference = new LinkedHashMap<>();
        for (var e : commands.entrySet()) {
            reference.put(e.getKey(), mlplan(Map.of("LANG", "C.UTF-8"), e.getValue()));
        }
        assertThat(reference.get("recommend table").code()).as(new String(reference.get("recommend table").err())).isZero();
        assertThat(reference.get("recommend json").code()).isZero();
        assertThat(reference.get("validate bad corpus").code()).isEqualTo(2);
        int compared = 0;
        for (var locale : locales().entrySet()) {
            for (var e : commands.entrySet()) {
                Result a = reference.get(e.getKey());
                Result b = mlplan(locale.getValue(), e.getValue());
                assertThat(b.code()).as("%s under %s", e.getKey(), locale.getKey()).isEqualTo(a.code());
                assertThat(Arrays.equals(a.out(), b.out())).as("%s stdout under %s:%n%s", e.getKey(), locale.getKey(), new String(b.out()))
                        .isTrue();
                assertThat(new String(b.err(), java.nio.charset.StandardCharsets.UTF_8)).as("%s stderr under %s", e.getKey(), locale.getKey())
                        .isEqualTo(new String(a.err(), java.nio.charset.StandardCharsets.UTF_8));
                compared++;
            }
        }
        System.out.printf("determinism (launcher): %d runs under %s identical to the C.UTF-8 run (%d + %d bytes)%n", compared,
                locales().keySet(), reference.get("recommend table").out().length, reference.get("recommend json").out().length);
    }
}
