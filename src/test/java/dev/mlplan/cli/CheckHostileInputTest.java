package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.util.SafeText;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code check} on hostile input, as a GitHub runner sees it: a YAML tag whose {@code %xx} SnakeYAML
 * decodes into a line end, a workflow command and an ESC, and file names holding a line end, a
 * workflow command, ESC and BEL. Every output (the table, standard error, the annotations, the step
 * summary and the JUnit file) holds no raw control character and no line that starts a workflow
 * command other than mlplan's own annotations; the JUnit file parses with the JDK's XML parser.
 */
class CheckHostileInputTest {
    @TempDir
    Path tmp;

    /** A tag SnakeYAML rejects, quoting it decoded: "\n::stop-commands::zz" and ESC [31m (a colour mlplan itself writes). */
    private static final String TAG = "version: 1\nname: t\ndescription: !!%0A%3A%3Astop-commands%3A%3Azz%1B%5B31m x\n";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("tag.yaml", TAG),
                Arguments.of("inv\n::stop-commands::zz.yaml", "x"),
                Arguments.of("inv\u001b[2J\u0007.yaml", "x"),
                Arguments.of("inv\u001b[31m\r::warning::x.yaml", "version: 1\n"),
                Arguments.of("missing\n::stop-commands::zz.yaml", null));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("vectors")
    void noOutputCarriesAControlCharacterOrAWorkflowCommand(String name, String content) throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        if (content != null) {
            Files.writeString(repo.resolve(name), content);
        }
        Files.writeString(repo.resolve("summary.md"), "");
        Cli cli = new Cli(repo).env("GITHUB_ACTIONS", "true").env("GITHUB_WORKSPACE", repo.toString())
                .env("GITHUB_STEP_SUMMARY", repo.resolve("summary.md").toString());
        for (String format : List.of("table", "json", "markdown")) {
            Cli.Result r = cli.run("check", name, "--junit", "j.xml", "--format", format);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertSafe(r.out(), "stdout " + format);
            assertSafe(r.err(), "stderr " + format);
            assertThat(r.err()).as("the problem on stderr").contains("mlplan: ");
            if (format.equals("table")) {
                assertThat(r.out()).contains("INVALID ").contains("::error file=");
                // the table has one row per file: the hostile name stays on one line
                assertThat(r.out().lines().filter(l -> l.startsWith("| INVALID ")).count()).isEqualTo(1);
            }
        }
        String summary = cli.read("summary.md");
        assertSafe(summary, "summary");
        assertThat(summary.lines().filter(l -> l.contains(" invalid | ")).count()).as(summary).isEqualTo(3);
        String junit = cli.read("j.xml");
        assertSafe(junit, "junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.getBytes(StandardCharsets.UTF_8)));
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).doesNotContain("\n").doesNotContain("\u001b");
    }

    /** No character {@link SafeText} escapes, and the only lines starting "::" are mlplan's ::error / ::warning annotations. */
    private static void assertSafe(String text, String what) {
        assertThat(text.codePoints().filter(cp -> cp != '\n' && SafeText.isDangerous(cp)).toArray()).as(what + ": " + text).isEmpty();
        for (String line : text.split("\n", -1)) {
            String t = line.stripLeading();
            if (t.startsWith("::")) {
                assertThat(t).as(what).matches("::(error|warning) (file=[^,:]*,)?(line=\\d+,)?(col=\\d+,)?title=mlplan [a-z -]+::.*");
            }
            assertThat(t).as(what).doesNotStartWith("##[");
        }
    }

    /** A Markdown-injecting file name stays one code span in one table cell: no live link, no HTML, no extra column. */
    @Test
    void aFileNameCannotInjectMarkdownIntoTheSummary() throws Exception {
        String name = "a`[click me](https:evil.example) <img src=x onerror=alert(1)> `|x.yaml";
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("w"));
        Files.writeString(repo.resolve("w").resolve(name), "x");
        Cli.Result r = new Cli(repo).run("check", "w/" + name, "--format", "markdown");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String row = r.out().lines().filter(l -> l.contains(" invalid | ")).findFirst().orElseThrow();
        // the name holds single backticks, so the span is fenced with two; its "|" is escaped as GitHub tables need
        assertThat(row).contains("| ``w/a`[click me](https:evil.example) <img src=x onerror=alert(1)> `\\|x.yaml`` |");
        // 6 unescaped pipes: the 5 columns of "| | workload | monthly | budget | reason |"
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6);
    }

    /** A backslash in a Linux file name is part of the name in annotation and JUnit paths, not a '/'. */
    @Test
    void aBackslashInAFileNameIsNotAPathSeparator() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("dir"));
        Files.writeString(repo.resolve("dir/x\\y.yaml"), "version: 1\n");
        Cli.Result r = new Cli(repo).env("GITHUB_ACTIONS", "true").env("GITHUB_WORKSPACE", repo.toString())
                .run("check", repo.resolve("dir/x\\y.yaml").toString(), "--junit", "j.xml");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).contains("::error file=dir/x\\y.yaml,");
        assertThat(new Cli(repo).read("j.xml")).contains("file=\"dir/x\\y.yaml\"");
    }

    /** Through a symbolic link to the workspace, annotation and JUnit paths are still relative to it. */
    @Test
    void aWorkspaceReachedThroughALinkStillGivesRelativePaths() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Files.createDirectories(real.resolve("workloads"));
        Files.writeString(real.resolve("workloads/bad.yaml"), "version: 1\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        // the runner names the workspace by its link; the file is named by its real path
        Cli.Result r = new Cli(real).env("GITHUB_ACTIONS", "true").env("GITHUB_WORKSPACE", link.toString())
                .run("check", real.resolve("workloads/bad.yaml").toString(), "--junit", "j.xml");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).contains("::error file=workloads/bad.yaml,");
        assertThat(new Cli(real).read("j.xml")).contains("file=\"workloads/bad.yaml\"");
    }

    /**
     * --junit into a directory that does not exist: exit 2 before planning, naming --junit (not --output); nothing is
     * printed as a result, so no half-done run; --output the same.
     */
    @Test
    void aJUnitFileInAMissingDirectoryIsRefusedUpFrontByItsOwnName() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("summary.md"), "");
        Cli cli = Cli.withWorkloads(repo).env("GITHUB_STEP_SUMMARY", repo.resolve("summary.md").toString());
        String file = "workloads/" + Files.list(Cli.REPO.resolve("workloads")).map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        Cli.Result r = cli.run("check", file, "--junit", "out/j.xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--junit out/j.xml: directory ").contains("does not exist").doesNotContain("--output");
        assertThat(r.out()).doesNotContain("PASS").doesNotContain("FAIL");
        Cli.Result o = cli.run("check", file, "--output", "out/c.md");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--output out/c.md: directory ");
        // a writable --junit: the summary and the file both written
        Files.createDirectories(repo.resolve("out"));
        Cli.Result ok = cli.run("check", file, "--junit", "out/j.xml");
        assertThat(ok.code()).as(ok.err()).isLessThanOrEqualTo(1);
        assertThat(cli.read("summary.md")).contains("mlplan check:");
        assertThat(cli.read("out/j.xml")).startsWith("<?xml");
    }
}
