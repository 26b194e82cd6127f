package dev.mlplan.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The scripts behind action.yml (ci/github/*.sh) and the GitLab template's job, run with bash
 * against a fake release served from {@code file://} URLs: a stub {@code bin/mlplan} that records
 * its arguments and answers with the exit code and last line it is told to. What the real mlplan
 * prints in CI is {@code GithubCiSimulationTest}'s subject; {@code ActionCheckIT} runs check.sh with
 * the real launcher.
 */
class ActionScriptsTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String VERSION = "9.9.9";
    static final String ARCHIVE = "mlplan-" + VERSION + "-linux-x86_64.tar.gz";

    /** A stand-in for bin/mlplan: logs its arguments, writes what check writes, exits with $STUB_CODE. */
    static final String STUB = """
            #!/usr/bin/env bash
            echo "$*" >> "${STUB_LOG:-/dev/null}"
            printf '[%%s]' "$@" >> "${STUB_ARGS:-/dev/null}"; echo >> "${STUB_ARGS:-/dev/null}"
            if [ "$1" = --version ]; then echo "mlplan %s"; exit 0; fi
            prev=""; out=""
            for a in "$@"; do
              [ "$prev" = --junit ] && echo '<testsuites tests="1" failures="0" errors="0"/>' > "$a"
              [ "$prev" = --output ] && out="$a"
              prev="$a"
            done
            if [ -n "$out" ]; then echo "## stub $1" > "$out"; exit "${STUB_CODE:-0}"; fi
            [ -n "${GITHUB_STEP_SUMMARY:-}" ] && echo "## ✅ mlplan check: ${STUB_STATUS:-pass}" >> "$GITHUB_STEP_SUMMARY"
            echo "${STUB_LINE:-PASS: 1 workload, 1 passed, 0 warned, 0 failed}"
            exit "${STUB_CODE:-0}"
            """.formatted(VERSION);

    @TempDir
    Path tmp;

    Path releases;
    Path log;

    record Run(int code, String out) {}

    @BeforeEach
    void fakeRelease() throws Exception {
        assumeTrue(onPath("curl") && onPath("sha256sum") && onPath("tar"), "curl, sha256sum and tar are needed to play a release download");
        Path build = Files.createDirectories(tmp.resolve("build/mlplan-" + VERSION + "/bin"));
        executable(build.resolve("mlplan"), STUB);
        releases = Files.createDirectories(tmp.resolve("releases/v" + VERSION));
        assertThat(bash(tmp, Map.of(), "tar -czf '" + releases.resolve(ARCHIVE) + "' -C '" + tmp.resolve("build") + "' mlplan-" + VERSION).code()).isZero();
        assertThat(bash(releases, Map.of(), "sha256sum " + ARCHIVE + " > checksums_sha256.txt").code()).isZero();
        log = tmp.resolve("stub.log");
    }

    private Map<String, String> runner() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("RUNNER_OS", "Linux");
        env.put("RUNNER_ARCH", "X64");
        env.put("RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner-temp")).toString());
        env.put("GITHUB_PATH", tmp.resolve("github-path").toString());
        env.put("GITHUB_OUTPUT", tmp.resolve("github-output").toString());
        env.put("GITHUB_STEP_SUMMARY", tmp.resolve("step-summary.md").toString());
        env.put("MLPLAN_VERSION", "v" + VERSION);
        env.put("MLPLAN_RELEASE_BASE", tmp.resolve("releases").toUri().toString());
        env.put("STUB_LOG", log.toString());
        return env;
    }

    private String read(String file) throws IOException {
        Path p = tmp.resolve(file);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    @Test
    void installDownloadsVerifiesAndPutsBinOnThePath() throws Exception {
        Run r = script("install.sh", runner());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("matches its SHA-256 in checksums_sha256.txt", "mlplan " + VERSION);
        assertThat(read("github-path").strip()).endsWith("/mlplan-" + VERSION + "/bin");
        assertThat(read("github-output")).contains("path=").contains("/bin/mlplan");
    }

    @Test
    void installRefusesATamperedArchive() throws Exception {
        Files.writeString(releases.resolve("checksums_sha256.txt"), "0".repeat(64) + "  " + ARCHIVE + "\n");
        Run r = script("install.sh", runner());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("::error title=mlplan install::checksum mismatch for " + ARCHIVE);
        assertThat(read("github-path")).isEmpty();
    }

    @Test
    void installNamesTheOnlySupportedPlatform() throws Exception {
        Map<String, String> env = runner();
        env.put("RUNNER_OS", "macOS");
        env.put("RUNNER_ARCH", "ARM64");
        Run r = script("install.sh", env);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("::error title=mlplan install::mlplan releases are built for Linux x86_64 only; this runner is macOS/ARM64");
    }

    @Test
    void installTakesALocalArchive() throws Exception {
        Map<String, String> env = runner();
        env.put("MLPLAN_ARCHIVE", releases.resolve(ARCHIVE).toString());
        env.put("MLPLAN_RELEASE_BASE", "https://invalid.example/not-used");
        Run r = script("install.sh", env);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("matches its SHA-256");
    }

    private Map<String, String> checkEnv() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo/workloads/team"));
        Files.writeString(repo.resolve("a.yaml"), "");
        Files.writeString(repo.resolve("b.yaml"), "");
        Path bin = tmp.resolve("stub-mlplan");
        executable(bin, STUB);
        Map<String, String> env = runner();
        env.put("MLPLAN", bin.toString());
        env.put("FILES", "workloads/**/*.yaml\nmissing.yaml");
        return env;
    }

    @Test
    void checkRecordsExitCodeAndStatusAndNeverFailsItself() throws Exception {
        Map<String, String> env = checkEnv();
        env.put("STUB_LINE", "WARN: 2 workloads, 1 passed, 1 warned, 0 failed");
        env.put("STUB_STATUS", "warn");
        env.put("BUDGET", "500USD");
        Run warn = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(warn.code()).as(warn.out()).isZero();
        assertThat(read("github-output")).contains("exit-code=0\n", "status=warn\n", "junit=" + tmp.resolve("repo/mlplan-junit.xml"));
        // globs expanded (** included); an unmatched name is passed on for check to report as invalid
        assertThat(read("stub.log")).contains("check workloads/team/a.yaml workloads/team/b.yaml missing.yaml --junit mlplan-junit.xml --budget 500USD");
        assertThat(read("step-summary.md")).isEqualTo("## ✅ mlplan check: warn\n");

        for (String[] c : new String[][] {{"1", "fail"}, {"2", "invalid"}, {"3", "error"}}) {
            Files.delete(tmp.resolve("github-output"));
            env.put("STUB_CODE", c[0]);
            Run r = script(tmp.resolve("repo"), "check.sh", env);
            assertThat(r.code()).isZero();
            assertThat(read("github-output")).contains("exit-code=" + c[0] + "\n", "status=" + c[1] + "\n");
        }
    }

    /** A matched name with a space stays one file; ARGS are split on blanks and never globbed; a whole line naming a file is that file. */
    @Test
    void fileNamesWithSpacesStayWhole() throws Exception {
        Map<String, String> env = checkEnv();
        Files.writeString(tmp.resolve("repo/workloads/team/with space.yaml"), "");
        Files.writeString(tmp.resolve("repo/two words.yaml"), "");
        env.put("FILES", "workloads/**/*.yaml\ntwo words.yaml\nmissing.yaml");
        env.put("ARGS", "--warn-at 70% *");
        env.put("STUB_ARGS", tmp.resolve("stub.args").toString());
        Run r = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(read("stub.args")).startsWith("[check][workloads/team/a.yaml][workloads/team/b.yaml][workloads/team/with space.yaml]"
                + "[two words.yaml][missing.yaml][--junit][mlplan-junit.xml][--warn-at][70%][*]");
    }

    /** The command line the step logs is shell-quoted: a matched name with a line end does not start a line of its own. */
    @Test
    void theLoggedCommandLineCannotStartAWorkflowCommand() throws Exception {
        Map<String, String> env = checkEnv();
        Files.writeString(tmp.resolve("repo/workloads/team/x\n::stop-commands::zz.yaml"), "");
        Run r = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("::stop-commands"))).as(r.out()).isEmpty();
        assertThat(r.out()).contains("mlplan check workloads/team/a.yaml workloads/team/b.yaml $'workloads/team/x\\n::stop-commands::zz.yaml'");
    }

    /** With args: --format json the table is not there to read: the status comes from the summary's heading. */
    @Test
    void statusComesFromTheSummaryWhateverTheFormat() throws Exception {
        Map<String, String> env = checkEnv();
        env.put("ARGS", "--format json");
        env.put("STUB_LINE", "{\"status\" : \"warn\"}");
        env.put("STUB_STATUS", "warn");
        script(tmp.resolve("repo"), "check.sh", env);
        assertThat(read("github-output")).contains("exit-code=0\n", "status=warn\n");
    }

    /** A JUnit file in a directory that does not exist yet: the directory is made, and the output is its absolute path. */
    @Test
    void junitInANewDirectoryHasItsAbsolutePath() throws Exception {
        Map<String, String> env = checkEnv();
        env.put("JUNIT", "reports/j.xml");
        Run r = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(read("github-output")).contains("exit-code=0\n", "junit=" + tmp.resolve("repo/reports/j.xml") + "\n");
        assertThat(tmp.resolve("repo/reports/j.xml")).exists();
    }

    @Test
    void aMissingBaselineIsAWarningAndAPresentOneIsComparedAndDiffed() throws Exception {
        Map<String, String> env = checkEnv();
        env.put("BASELINE", "plan.json");
        env.put("MAX_INCREASE", "10%");
        env.put("DIFF", "true");
        Run none = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(none.out()).contains("::warning title=mlplan baseline::baseline plan.json not found; checking budgets only");
        assertThat(read("stub.log")).doesNotContain("--baseline");

        Files.writeString(tmp.resolve("repo/plan.json"), "{}");
        Run with = script(tmp.resolve("repo"), "check.sh", env);
        assertThat(with.code()).isZero();
        assertThat(read("stub.log")).contains("--baseline plan.json --max-increase 10%", "recommend workloads/team/a.yaml",
                "diff plan.json " + tmp.resolve("runner-temp/mlplan/plan.json") + " --format markdown");
        String comment = Files.readString(tmp.resolve("runner-temp/mlplan/comment.md"));
        assertThat(comment).startsWith("## ✅ mlplan check: pass\n").contains("<details><summary>Plan diff against the baseline</summary>", "## stub diff");
    }

    /** One comment as the API lists it. */
    private static String comment(long id, String login, String body) {
        return "{\"id\": " + id + ", \"user\": {\"login\": \"" + login + "\"}, \"body\": \"" + body + "\"}";
    }

    /** A fake gh: logs its arguments; answers the comment list ($GH_EXISTING, a JSON array) through the --jq filter; {@code api user} as $GH_LOGIN (403 when unset). */
    private Map<String, String> commentEnv(String existing) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("fake-bin"));
        executable(bin.resolve("gh"), """
                #!/usr/bin/env bash
                printf '%s\\n' "$*" >> "$GH_LOG"
                for a in "$@"; do case "$a" in body=@*) cp "${a#body=@}" "$GH_BODY";; esac; done
                if [ "$2" = user ]; then [ -n "${GH_LOGIN:-}" ] || { echo "HTTP 403" >&2; exit 1; }; echo "$GH_LOGIN"; exit 0; fi
                if [ "$2" != --method ]; then
                  q=""; prev=""; for a in "$@"; do [ "$prev" = --jq ] && q="$a"; prev="$a"; done
                  printf '%s' "${GH_EXISTING:-[]}" | jq -r "$q"
                fi
                """);
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"pull_request\": {\"number\": 17}}");
        Path body = tmp.resolve("body.md");
        Files.writeString(body, "## ✅ mlplan check: pass\n");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("GH_LOG", tmp.resolve("gh.log").toString());
        env.put("GH_BODY", tmp.resolve("gh-body.md").toString());
        env.put("GH_EXISTING", existing);
        env.put("GITHUB_REPOSITORY", "acme/models");
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("BODY_FILE", body.toString());
        return env;
    }

    @Test
    void commentIsCreatedOnceThenUpdated() throws Exception {
        assumeTrue(onPath("jq"), "jq reads the pull-request number (present on GitHub runners)");
        Run created = script("comment.sh", commentEnv("[]"));
        assertThat(created.code()).as(created.out()).isZero();
        assertThat(read("gh.log")).contains("api --paginate repos/acme/models/issues/17/comments --jq",
                "api --method POST repos/acme/models/issues/17/comments -F body=@");
        assertThat(read("gh-body.md")).isEqualTo("<!-- mlplan-cost-gate -->\n## ✅ mlplan check: pass\n");

        Files.delete(tmp.resolve("gh.log"));
        Run updated = script("comment.sh", commentEnv("[" + comment(4242, "github-actions[bot]", "<!-- mlplan-cost-gate -->\\nold") + "]"));
        assertThat(updated.code()).isZero();
        assertThat(read("gh.log")).contains("api --method PATCH repos/acme/models/issues/comments/4242 -F body=@").doesNotContain("POST");
        assertThat(updated.out()).contains("updated comment 4242 on pull request #17");
    }

    /** Someone else's comment with the marker is never edited: only the token's own (the bot's, or `gh api user`'s login). */
    @Test
    void onlyTheTokensOwnCommentIsEdited() throws Exception {
        assumeTrue(onPath("jq"), "jq reads the pull-request number (present on GitHub runners)");
        String list = "[" + comment(1, "mallory", "<!-- mlplan-cost-gate -->\\nfake") + ", " + comment(2, "github-actions[bot]", "other")
                + ", " + comment(3, "github-actions[bot]", "<!-- mlplan-cost-gate -->\\nours") + ", " + comment(4, "alice", "<!-- mlplan-cost-gate -->\\nx") + "]";
        Run bot = script("comment.sh", commentEnv(list));
        assertThat(bot.code()).as(bot.out()).isZero();
        assertThat(read("gh.log")).contains("api --method PATCH repos/acme/models/issues/comments/3 ");

        Files.delete(tmp.resolve("gh.log"));
        Map<String, String> env = commentEnv(list);
        env.put("GH_LOGIN", "alice");
        Run pat = script("comment.sh", env);
        assertThat(pat.code()).as(pat.out()).isZero();
        assertThat(read("gh.log")).contains("api --method PATCH repos/acme/models/issues/comments/4 ");

        Files.delete(tmp.resolve("gh.log"));
        env.put("GH_LOGIN", "bob");
        script("comment.sh", env);
        assertThat(read("gh.log")).contains("api --method POST").doesNotContain("PATCH");
    }

    /** A body over the limit is cut at a whole line (no UTF-8 character split), its <details> closed. */
    @Test
    void aLongBodyIsCutAtALineAndItsDetailsClosed() throws Exception {
        assumeTrue(onPath("jq"), "jq reads the pull-request number (present on GitHub runners)");
        Map<String, String> env = commentEnv("[]");
        // 3,000 lines of "| € x |" rows: each "| € 1234 |"-like row is 3 bytes for "€" plus ASCII, ~70,000 bytes in all
        StringBuilder body = new StringBuilder("## mlplan\n\n<details><summary>diff</summary>\n\n");
        for (int i = 0; i < 3000; i++) {
            body.append("| € ").append(i).append(" | ").append("é".repeat(5)).append(" |\n");
        }
        body.append("\n</details>\n");
        Files.writeString(tmp.resolve("body.md"), body);
        Run r = script("comment.sh", env);
        assertThat(r.code()).as(r.out()).isZero();
        byte[] sent = Files.readAllBytes(tmp.resolve("gh-body.md"));
        assertThat(sent.length).isLessThan(65000);
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(sent)).toString(); // throws on a cut character
        assertThat(text).contains("\n</details>\n").endsWith("… cut at 64,000 characters; the full summary is on the run page.\n");
        String kept = text.substring(0, text.indexOf("\n</details>"));
        assertThat(kept.lines().filter(l -> l.startsWith("| ")).allMatch(l -> l.endsWith("éé |"))).isTrue();
    }

    @Test
    void noCommentOutsidePullRequests() throws Exception {
        assumeTrue(onPath("jq"), "jq reads the pull-request number (present on GitHub runners)");
        Map<String, String> env = commentEnv("[]");
        Files.writeString(tmp.resolve("event.json"), "{\"ref\": \"refs/heads/main\"}");
        Run r = script("comment.sh", env);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("not a pull-request event");
        assertThat(tmp.resolve("gh.log")).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitlabTemplateInstallsChecksAndKeepsJunitAndMarkdown() throws Exception {
        assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64"), "the template installs the x86_64 archive");
        Map<String, Object> doc = new Yaml().load(Files.readString(ROOT.resolve("ci/gitlab/mlplan.gitlab-ci.yml")));
        Map<String, Object> job = (Map<String, Object>) doc.get("mlplan-check");
        Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
        assertThat(((Map<String, Object>) artifacts.get("reports")).get("junit")).isEqualTo("mlplan-junit.xml");
        assertThat((List<String>) artifacts.get("paths")).containsExactly("mlplan-junit.xml", "mlplan-check.md");
        assertThat(artifacts.get("when")).isEqualTo("always");

        Path repo = Files.createDirectories(tmp.resolve("gitlab/workloads"));
        Files.writeString(repo.resolve("a.yaml"), "");
        Files.writeString(repo.resolve("with space.yaml"), "");
        Map<String, String> env = new HashMap<>();
        env.put("STUB_ARGS", tmp.resolve("stub.args").toString());
        ((Map<String, Object>) doc.get("variables")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        env.put("MLPLAN_VERSION", VERSION);
        env.put("MLPLAN_RELEASE_BASE", tmp.resolve("releases").toUri().toString());
        env.put("STUB_LOG", log.toString());
        env.put("STUB_CODE", "1");
        String script = String.join("\n", (List<String>) job.get("script"));
        Run r = bash(tmp.resolve("gitlab"), env, script);
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(tmp.resolve("gitlab/mlplan-junit.xml")).exists();
        assertThat(Files.readString(tmp.resolve("gitlab/mlplan-check.md"))).isEqualTo("## stub check\n");
        assertThat(read("stub.log")).contains("check workloads/a.yaml workloads/with space.yaml --junit mlplan-junit.xml",
                "check workloads/a.yaml workloads/with space.yaml --format markdown --output mlplan-check.md");
        // the name with a space is one argument
        assertThat(read("stub.args")).contains("[check][workloads/a.yaml][workloads/with space.yaml][--junit][mlplan-junit.xml]");

        Files.writeString(releases.resolve("checksums_sha256.txt"), "0".repeat(64) + "  " + ARCHIVE + "\n");
        Run tampered = bash(tmp.resolve("gitlab"), env, script);
        assertThat(tampered.code()).isEqualTo(3);
        assertThat(tampered.out()).contains("checksum mismatch");
    }

    /** Releases come from the repository input (default mlplan/mlplan, jreleaser.yml's owner), never guessed from the workflow's repository. */
    @Test
    @SuppressWarnings("unchecked")
    void releasesComeFromTheRepositoryInput() throws Exception {
        Map<String, Object> action = new Yaml().load(Files.readString(ROOT.resolve("action.yml")));
        Map<String, Object> input = (Map<String, Object>) ((Map<String, Object>) action.get("inputs")).get("repository");
        assertThat(input.get("default")).isEqualTo("mlplan/mlplan");
        assertThat(Files.readString(ROOT.resolve("jreleaser.yml"))).contains("owner: mlplan\n    name: mlplan");
        Map<String, Object> install = ((List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps")).get(0);
        String base = (String) ((Map<String, Object>) install.get("env")).get("MLPLAN_RELEASE_BASE");
        assertThat(base).isEqualTo("${{ format('https://github.com/{0}/releases/download', inputs.repository) }}");
        assertThat(Files.readString(ROOT.resolve("action.yml"))).doesNotContain("github.action_repository ||").doesNotContain("|| github.repository");
    }

    private Run script(String name, Map<String, String> env) throws Exception {
        return script(tmp, name, env);
    }

    private Run script(Path dir, String name, Map<String, String> env) throws Exception {
        return bash(dir, env, "bash '" + ROOT.resolve("ci/github/" + name) + "'");
    }

    static Run bash(Path dir, Map<String, String> env, String script) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.startsWith("MLPLAN"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bash did not finish").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
