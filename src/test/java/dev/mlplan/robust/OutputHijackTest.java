package dev.mlplan.robust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import dev.mlplan.util.SafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19.4: text from a workload (its description, a file name, values echoed in errors, a saved
 * plan) never writes a raw control character, a bidi override or a CI command into mlplan's output,
 * in any format or message. The hostile text carries ESC sequences (colour, screen clear, an OSC
 * title), BEL, the one-character C1 CSI U+009B, RLO and an isolate, and GitHub ({@code ::error}) and
 * Azure ({@code ##vso[}, {@code ##[error]}) commands at line starts.
 */
@Timeout(120)
class OutputHijackTest {
    /** A double-quoted YAML value: YAML's own escapes make the raw characters. */
    static final String HOSTILE_YAML = "\"\\e[31mred\\e[0m \\e[2J \\e]0;title\\a bell\\a csi\\u009b2J "
            + "rlo\\u202eevil\\u202c iso\\u2066x\\u2069\\n::error file=x.yaml,line=1::pwned\\n"
            + "##vso[task.setvariable variable=x]1\\n##[error]azure\\n  ::warning::indented"
            + " =HYPERLINK(1) [link](http://x) ![img](http://x/p.png) <script>alert(1)</script> &#x202E;\"";

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("hostile.yaml"), "version: 1\nname: hostile\ndescription: " + HOSTILE_YAML
                + "\nregions: [us-east-1]\nbudget:\n  monthly: 1 USD\nstorage:\n  data: 100 GB\n", StandardCharsets.UTF_8);
    }

    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        for (String f : List.of("table", "json", "csv", "markdown", "html")) {
            all.add(List.of("recommend", "hostile.yaml", "--format", f));
        }
        for (String f : List.of("markdown", "html", "json")) {
            all.add(List.of("report", "hostile.yaml", "--format", f));
        }
        all.add(List.of("explain", "hostile.yaml"));
        all.add(List.of("validate", "hostile.yaml"));
        all.add(List.of("check", "hostile.yaml"));
        all.add(List.of("check", "hostile.yaml", "--format", "json"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void noCommandWritesTheHostileTextRaw(List<String> args) {
        CliRun r = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), dir, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertSafe(r.out());
        assertSafe(r.err());
        if (List.of("recommend", "report").contains(args.get(0)) && !args.contains("csv")) {
            assertThat(r.out()).as("the text is shown escaped, not dropped").containsAnyOf("\\u001B", "\\\\u001B", "u001B");
        }
    }

    @Test
    void jsonStaysValidAndCarriesTheEscapedText() throws IOException {
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "hostile.yaml", "--format", "json");
        JsonNode description = new ObjectMapper().readTree(r.out()).findValue("description");
        assertThat(description.asText()).startsWith("\\u001B[31mred").contains("\n\\u003A:error file=x.yaml").contains("\\u0023#vso[")
                .doesNotContain("\u001b").doesNotContain("\u202e");
    }

    @Test
    void markdownShowsLinksImagesAndHtmlAsText() {
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "hostile.yaml", "--format", "markdown");
        assertThat(r.out()).contains("\\[link\\](http://x)").contains("\\!\\[img\\]").contains("&lt;script&gt;").contains("&amp;#x202E;")
                .doesNotContain("<script>").doesNotContain("![img]");
    }

    @Test
    void htmlEscapesTheMarkup() {
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "hostile.yaml", "--format", "html");
        assertThat(r.out()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void csvCellsThatWouldBeFormulasStartWithAnApostrophe() throws IOException {
        Path formula = dir.resolve("=HYPERLINK(1).yaml");
        Files.copy(dir.resolve("hostile.yaml"), formula);
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "=HYPERLINK(1).yaml", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(",'=HYPERLINK(1).yaml,").doesNotContain(",=HYPERLINK");
    }

    @Test
    void checkInGithubActionsWritesOnlyItsOwnAnnotationsAndASafeSummary() throws IOException {
        Path summary = dir.resolve("summary.md");
        CliRun r = CliRun.run(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), dir, "check", "hostile.yaml");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertSafe(r.out());
        assertThat(r.out().lines().filter(l -> l.startsWith("::"))).isNotEmpty()
                .allMatch(l -> l.startsWith("::error ") || l.startsWith("::warning ") || l.startsWith("::notice "));
        assertSafe(Files.readString(summary));
    }

    @Test
    void aSavedPlanWithRawControlCharactersIsRenderedSafely() throws IOException {
        CliRun saved = CliRun.run(Map.of(), dir, "recommend", "hostile.yaml", "--format", "json");
        // a hand-edited plan: raw ESC, C1 CSI and RLO in the workload's name, a command on its own line
        String evil = saved.out().replace("\"name\" : \"hostile\"", "\"name\" : \"\\u001b]0;x\\u0007\\u009b2J\\u202eab\\n::error::baseline\"");
        assertThat(evil).isNotEqualTo(saved.out());
        Files.writeString(dir.resolve("evil-plan.json"), evil);
        CliRun r = CliRun.run(Map.of("GITHUB_ACTIONS", "true"), dir, "check", "hostile.yaml", "--baseline", "evil-plan.json");
        assertSafe(r.out());
        assertSafe(r.err());
    }

    static Stream<String> hostileFileNames() {
        return Stream.of("a\u001b[2Jb.yaml", "x\n::error::pwned.yaml", "rlo\u202eyaml.lmth", "bell\u0007.yaml", "c1\u009b2J.yaml",
                "##vso[task.complete result=Succeeded]x.yaml");
    }

    /** A file name is echoed in the error: escaped, whether or not the file exists. */
    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileFileNames")
    void hostileFileNamesAreEscapedInErrorsAndOutput(String name) throws IOException {
        CliRun missing = CliRun.run(Map.of(), dir, "validate", name);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("mlplan: ").contains("file not found");
        assertSafe(missing.err());
        Path file = dir.resolve(name);
        Files.copy(dir.resolve("hostile.yaml"), file);
        try {
            for (String format : List.of("table", "markdown", "csv", "json")) {
                CliRun r = CliRun.run(Map.of(), dir, "recommend", name, "--format", format);
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertSafe(r.out());
            }
            CliRun valid = CliRun.run(Map.of(), dir, "validate", name);
            assertSafe(valid.out());
        } finally {
            Files.delete(file);
        }
    }

    /** Values echoed in messages and "did you mean" hints: escaped, in every position. */
    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileValues")
    void valuesEchoedInErrorsAreEscaped(String yaml) throws IOException {
        Path f = dir.resolve("value.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "value.yaml");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("mlplan: value.yaml:");
        assertSafe(r.err());
        assertThat(r.out()).isEmpty();
    }

    static Stream<String> hostileValues() {
        String head = "version: 1\nname: v\n";
        return Stream.of(
                head + "regions: [\"us-east-1\\u202e\"]\nstorage: { data: 1 GB }\n",
                head + "regions: [\"\\e[2Jus-east-1\"]\nstorage: { data: 1 GB }\n",
                head + "storage: { data: \"10 \\u202eBG\" }\n",
                head + "storage: { data: \"10 G\\e[31mB\" }\n",
                head + "\"epo\\u200bchs\": 1\nstorage: { data: 1 GB }\n",
                head + "\"::error::key\": 1\nstorage: { data: 1 GB }\n",
                head + "storage: { data: \"::error::x\\n##vso[task.x]\" }\n",
                head + "inference:\n  model: { preset: \"distilbert\\u009b\" }\n  traffic: { average: 1/s, peak: 1/s }\n",
                head + "local:\n  accelerator: \"rtx\\e]0;x\\a-4090\"\n  count: 1\n  power: 450 W\n  price: 2000 USD\n"
                        + "training:\n  model: { preset: distilbert }\n  dataset: { size: 1 GB, tokens: 1e9 }\n");
    }

    private static final Pattern COMMAND_LINE = Pattern.compile("^\\s*(::|##\\[)");

    /** No dangerous character raw (a Windows line end aside), no line a CI runner reads as a command of the input's. */
    static void assertSafe(String text) {
        int[] raw = text.replace("\r\n", "\n").codePoints().filter(SafeText::isDangerous).toArray();
        assertThat(raw).as("raw control or bidi characters in:%n%s", text).isEmpty();
        assertThat(text.toLowerCase(Locale.ROOT)).as("an Azure command").doesNotContain("##vso[");
        assertThat(text.lines().filter(l -> COMMAND_LINE.matcher(l).find())
                .filter(l -> !(l.startsWith("::error ") || l.startsWith("::warning ") || l.startsWith("::notice "))))
                .as("lines a CI runner would read as commands").isEmpty();
        assertThat(text).doesNotContain("::error file=x.yaml,line=1::pwned\n").doesNotContain("\tat ");
    }
}
