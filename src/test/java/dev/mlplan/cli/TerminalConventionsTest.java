package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Issue 18 item 6: help summaries are whole sentences, -q silences warnings, NO_COLOR counts only when not empty. */
class TerminalConventionsTest {
    @TempDir
    Path dir;

    /**
     * The first description line is a command's summary in its parent's command list: a whole
     * sentence. Example lines of a footer fit the 80-column help, so that none wraps mid-word.
     */
    @Test
    void everyCommandsSummaryIsASentenceAndItsFooterFits() {
        CommandLine root = CommandFactory.create(new CliEnv(Clock.systemUTC(), Map.of(), dir), new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        List<CommandSpec> all = new ArrayList<>();
        collect(root.getCommandSpec(), all);
        assertThat(all).hasSizeGreaterThan(14);
        for (CommandSpec c : all) {
            String[] description = c.usageMessage().description();
            if (c.name().equals("help")) {
                continue; // picocli's own
            }
            assertThat(description).as(c.qualifiedName()).isNotEmpty();
            assertThat(description[0].strip()).as(c.qualifiedName() + " summary").endsWith(".").doesNotContain("%n");
            for (String line : c.usageMessage().footer()) {
                if (!line.startsWith("  ")) {
                    continue; // prose wraps between words; an indented example line must not wrap at all
                }
                assertThat(String.format(line.replace("%n", "")).length()).as(c.qualifiedName() + " footer: " + line)
                        .isLessThanOrEqualTo(c.usageMessage().width());
            }
        }
    }

    private static void collect(CommandSpec spec, List<CommandSpec> out) {
        out.add(spec);
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), out));
    }

    @Test
    void quietLeavesOutTheWarnings() {
        Cli cli = Cli.withWorkloads(dir);
        Cli.Result loud = cli.run("recommend", "workloads/research-rtx4090.yaml");
        assertThat(loud.code()).isZero();
        assertThat(loud.out()).contains("warning: ");
        Cli.Result quiet = cli.run("recommend", "-q", "workloads/research-rtx4090.yaml");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).doesNotContain("warning: ");
        assertThat(quiet.out().lines().filter(l -> !l.startsWith("warning: ")).toList())
                .isEqualTo(loud.out().lines().filter(l -> !l.startsWith("warning: ")).toList());
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void noColorCountsOnlyWhenNotEmpty() {
        assertThat(new CliEnv(Clock.systemUTC(), Map.of("NO_COLOR", "1"), dir).noColorSet()).isTrue();
        assertThat(new CliEnv(Clock.systemUTC(), Map.of("NO_COLOR", "0"), dir).noColorSet()).isTrue();
        assertThat(new CliEnv(Clock.systemUTC(), Map.of("NO_COLOR", ""), dir).noColorSet()).isFalse();
        assertThat(new CliEnv(Clock.systemUTC(), Map.of(), dir).noColorSet()).isFalse();
    }
}
