package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same input gives byte-identical output, run after run and whatever the default locale and
 * time zone (in-process: {@link Locale#setDefault} for every category, restored afterwards). The
 * locales are the classic traps: Turkish dotless i, German decimal comma, Arabic (Saudi Arabia) and
 * Thai digits, Hindi and Persian digits, Swiss apostrophe grouping. The child-process variant
 * (-Duser.language, LANG) is {@code DeterminismIT}.
 */
class DeterminismTest {
    static final List<Locale> LOCALES = List.of(
            Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("de-DE"), Locale.forLanguageTag("ar-SA"),
            Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.forLanguageTag("fa-IR"),
            Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("fr-FR"));
    static final List<String> ZONES = List.of("Pacific/Kiritimati", "America/Adak", "Asia/Kolkata");

    private final Locale savedLocale = Locale.getDefault();
    private final Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    private final Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    private final TimeZone savedZone = TimeZone.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(savedLocale);
        Locale.setDefault(Locale.Category.FORMAT, savedFormat);
        Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        TimeZone.setDefault(savedZone);
    }

    /** The command lines compared: every example workload as a table and as JSON, validation, bad input, catalog views. */
    static Map<String, String[]> commands() throws IOException {
        List<String> files = RecommendFuzzTest.examples().stream().map(Path::toString).toList();
        Map<String, String[]> c = new LinkedHashMap<>();
        c.put("recommend table", concat(List.of("recommend", "--no-color"), files));
        c.put("recommend json", concat(List.of("recommend", "--format", "json"), files));
        c.put("recommend top 20", concat(List.of("recommend", "--no-color", "--top", "20"), files));
        c.put("validate", concat(List.of("validate"), files));
        List<String> bad = BadInputs.committed().stream().map(b -> BadInputs.CORPUS.resolve(b.arg()).toString()).toList();
        c.put("validate bad corpus", concat(List.of("validate"), bad));
        c.put("catalog info", new String[] {"catalog", "info"});
        c.put("catalog show", new String[] {"catalog", "show", "p4d.24xlarge"});
        c.put("catalog show json", new String[] {"catalog", "show", "p4d.24xlarge", "--format", "json"});
        c.put("catalog show typo", new String[] {"catalog", "show", "P4D.24XLARGİ"});
        return c;
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static Map<String, CliRun> runAll(Map<String, String[]> commands) {
        Map<String, CliRun> out = new LinkedHashMap<>();
        commands.forEach((name, args) -> out.put(name, CliRun.run(args)));
        return out;
    }

    @Test
    void outputIsByteIdenticalAcrossRunsLocalesAndTimeZones() throws IOException {
        Map<String, String[]> commands = commands();
        Locale.setDefault(Locale.US);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Map<String, CliRun> reference = runAll(commands);
        assertThat(reference.get("recommend table").exitCode()).isZero();
        assertThat(reference.get("recommend json").exitCode()).isZero();
        assertThat(reference.get("validate bad corpus").exitCode()).isEqualTo(2);
        assertThat(runAll(commands)).as("a second run in the same locale").isEqualTo(reference);
        int i = 0;
        for (Locale locale : LOCALES) {
            Locale.setDefault(locale);
            TimeZone.setDefault(TimeZone.getTimeZone(ZONES.get(i++ % ZONES.size())));
            Map<String, CliRun> runs = runAll(commands);
            for (String name : commands.keySet()) {
                CliRun a = reference.get(name);
                CliRun b = runs.get(name);
                assertThat(b.exitCode()).as("%s under %s", name, locale).isEqualTo(a.exitCode());
                assertThat(b.out()).as("%s stdout under %s", name, locale).isEqualTo(a.out());
                assertThat(b.err()).as("%s stderr under %s", name, locale).isEqualTo(a.err());
            }
        }
        System.out.printf("determinism: %d command lines (%d example workloads) identical over 2 runs in en-US and %d other locales %s%n",
                commands.size(), RecommendFuzzTest.examples().size(), LOCALES.size(), LOCALES);
    }
}
