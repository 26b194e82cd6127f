package dev.mlplan.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * action.yml and every workflow under .github/workflows pass action-validator (npm
 * {@code @action-validator/cli} 0.6.0, which checks them against SchemaStore's schemas for GitHub
 * actions and workflows). .ci/run installs it into target/ci-tools/action-validator; elsewhere set
 * {@code MLPLAN_ACTION_VALIDATOR} or put {@code action-validator} on PATH. Skipped, saying so, only
 * when the binary is absent.
 */
class ActionValidatorTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LOCAL = ROOT.resolve("target/ci-tools/action-validator/node_modules/.bin/action-validator");

    static Path validator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void find() {
        String override = System.getenv("MLPLAN_ACTION_VALIDATOR");
        validator = override != null && !override.isBlank() ? Path.of(override)
                : Files.isExecutable(LOCAL) ? LOCAL
                : ActionScriptsTest.onPath("action-validator") ? Path.of("action-validator") : null;
    }

    private static void assumeValidator() {
        assumeTrue(validator != null, "action-validator is not installed: run .ci/run, or `npm install --no-save --prefix "
                + "target/ci-tools/action-validator @action-validator/cli@0.6.0`, or set MLPLAN_ACTION_VALIDATOR");
    }

    static List<Path> files() throws Exception {
        List<Path> out = new ArrayList<>(List.of(ROOT.resolve("action.yml")));
        try (Stream<Path> s = Files.list(ROOT.resolve(".github/workflows"))) {
            s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void actionAndWorkflowsAreValid() throws Exception {
        assumeValidator();
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path f : files) {
            ActionScriptsTest.Run r = ActionScriptsTest.bash(ROOT, Map.of(), "'" + validator + "' '" + f + "'");
            assertThat(r.code()).as("action-validator %s:%n%s", ROOT.relativize(f), r.out()).isZero();
        }
    }

    /** The workflows docs/ci.md shows (YAML blocks whose first line names a file under .github/workflows/) are valid too. */
    @Test
    void workflowsInTheDocsAreValid() throws Exception {
        assumeValidator();
        Matcher m = Pattern.compile("```yaml\n# (\\.github/workflows/[\\w.-]+)\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("docs/ci.md")));
        int n = 0;
        while (m.find()) {
            Path wf = Files.createDirectories(tmp.resolve("docs-" + n++ + "/.github/workflows")).resolve(Path.of(m.group(1)).getFileName());
            Files.writeString(wf, m.group(2));
            ActionScriptsTest.Run r = ActionScriptsTest.bash(tmp, Map.of(), "'" + validator + "' '" + wf + "'");
            assertThat(r.code()).as("action-validator on docs/ci.md's %s:%n%s", m.group(1), r.out()).isZero();
        }
        assertThat(n).as("docs/ci.md shows a workflow").isPositive();
    }

    @Test
    void theValidatorRejectsABrokenWorkflow() throws Exception {
        assumeValidator();
        Path wf = Files.createDirectories(tmp.resolve(".github/workflows")).resolve("broken.yml");
        Files.writeString(wf, "name: broken\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n");
        ActionScriptsTest.Run r = ActionScriptsTest.bash(tmp, Map.of(), "'" + validator + "' '" + wf + "'");
        assertThat(r.code()).isNotZero();
        assertThat(r.out()).contains("Additional property 'stepz' is not allowed");
    }
}
