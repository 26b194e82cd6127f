package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree, and what picocli gives every command line: suggestions, help through "help". */
class CommandFactoryTest {
    @Test
    void theTreeHoldsEveryCommandInTheOrderTheHelpListsThem() {
        PrintWriter w = new PrintWriter(new StringWriter());
        CommandLine cl = CommandFactory.create(CliEnv.system(), w, w);
        assertThat(cl.getSubcommands().keySet())
                .containsExactly("recommend", "sweep", "check", "diff", "report", "explain", "validate", "init", "schema", "catalog", "completion", "help");
        assertThat(cl.getSubcommands().get("catalog").getSubcommands()).containsOnlyKeys("info", "list", "show", "refresh");
    }

    @Test
    void aMisspeltSubcommandGetsADidYouMean() {
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

    @Test
    void fileParametersArePathsSoThatCompletionOffersFileNames() {
        CliRun r = CliRun.run("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("compgen -f");
    }
}
