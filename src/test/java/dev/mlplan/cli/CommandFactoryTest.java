package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line builds only what the arguments need, and behaves as the whole tree would. */
class CommandFactoryTest {
    private static CommandLine built(String... args) {
        PrintWriter w = new PrintWriter(new StringWriter());
        return CommandFactory.create(CliEnv.system(), w, w, args);
    }

    @Test
    void aSubcommandBuildsOnlyItself() {
        assertThat(built("recommend", "x.yaml").getSubcommands()).containsOnlyKeys("recommend");
        assertThat(built("catalog", "show", "p4d.24xlarge").getSubcommands()).containsOnlyKeys("catalog");
        assertThat(built("catalog").getSubcommands().get("catalog").getSubcommands()).containsKeys("info", "list", "show", "refresh");
    }

    @Test
    void aLoneVersionBuildsNone() {
        assertThat(built("--version").getSubcommands()).isEmpty();
        assertThat(built("-V").getSubcommands()).isEmpty();
    }

    @Test
    void helpCompletionAndAnythingElseBuildTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "recommend"}, {"completion"}, {"recomend"}, {"--version", "x"}}) {
            assertThat(built(args).getSubcommands().keySet()).as(String.join(" ", args)).containsExactlyElementsOf(CommandFactory.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void aMisspeltSubcommandStillGetsADidYouMean() {
        CliRun r = CliRun.run("recomend", "workloads/tiny-sporadic.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("recomend").contains("recommend");
    }

    @Test
    void helpForASubcommandThroughHelpWorks() {
        CliRun r = CliRun.run("help", "recommend");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--format", "Examples:");
    }
}
