package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18 item 6: the completion scripts. The bash script runs in bash with COMP_WORDS and
 * COMP_CWORD set, as bash's programmable completion calls it; zsh and fish are checked for syntax
 * when the shell is installed, and for their structure and candidate lists always.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = Cli.withWorkloads(dir);
        Files.writeString(dir.resolve("notes.txt"), "not a workload\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mlplan rec                                  | recommend",
        "mlplan recommend --form                     | --format",
        "mlplan recommend --format _                 | table json csv markdown html",
        "mlplan report -f m                          | markdown",
        "mlplan catalog show p4d.24x                 | p4d.24xlarge",
        "mlplan catalog list --region eu-west-       | eu-west-1 eu-west-2 eu-west-3",
        "mlplan catalog list --accelerator H1        | H100",
        "mlplan catalog list --family trn            | trn1 trn1n trn2",
        "mlplan check workloads/x.yaml --pricing res | reserved-1y reserved-1y-all-upfront reserved-1y-no-upfront reserved-1y-partial-upfront"
                + " reserved-3y reserved-3y-all-upfront reserved-3y-no-upfront reserved-3y-partial-upfront",
        "mlplan init --kind s                        | serving",
        "mlplan completion _                         | bash zsh fish",
        "mlplan validate workloads/llama2            | workloads/llama2-7b-finetune.yaml",
    })
    void bashCompletes(String line, String expected) throws Exception {
        // "_" is the empty word being completed after a complete one
        List<String> words = List.of(line.strip().split("\\s+")).stream().map(w -> w.equals("_") ? "" : w).toList();
        Path file = dir.resolve("mlplan.bash");
        Files.writeString(file, cli.run("completion", "bash").out(), StandardCharsets.UTF_8);
        // compopt works only inside a completion bash itself started: a no-op here
        String program = "compopt() { :; }\nsource " + file + "\nCOMP_WORDS=(" + String.join(" ", words.stream().map(w -> "'" + w + "'").toList())
                + ")\nCOMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\nCOMP_LINE=\"${COMP_WORDS[*]}\"\n_complete_mlplan\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = bash(program);
        assertThat(List.of(out.strip().split("\n"))).as(line).containsExactlyInAnyOrderElementsOf(List.of(expected.split(" ")));
    }

    private String bash(String program) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", program).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void zshGetsTheBashScriptThroughBashcompinit() throws Exception {
        String zsh = cli.run("completion", "zsh").out();
        assertThat(zsh).startsWith("#compdef mlplan\n").contains("autoload -U +X bashcompinit && bashcompinit", "complete -F _complete_mlplan");
        assertThat(zsh).endsWith(cli.run("completion", "bash").out());
        syntax("zsh", zsh);
    }

    @Test
    void fishHasOneCompleteLinePerArgumentWithTheCandidates() throws Exception {
        Cli.Result r = cli.run("completion", "fish");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(lines).allMatch(l -> l.startsWith("complete -c mlplan "));
        assertThat(lines).contains("complete -c mlplan -f");
        assertThat(lines).anyMatch(l -> l.startsWith("complete -c mlplan -n '__fish_use_subcommand' -a 'recommend' -d 'Ranks the options"));
        assertThat(lines).anyMatch(l -> l.startsWith("complete -c mlplan -n '__fish_seen_subcommand_from recommend' -s f -l format -x -a 'table json csv markdown html'"));
        assertThat(lines).anyMatch(l -> l.startsWith("complete -c mlplan -n '__fish_seen_subcommand_from catalog; and __fish_seen_subcommand_from list'"
                + " -l region -x -a 'af-south-1 ") && l.contains(" eu-west-1 "));
        assertThat(lines).anyMatch(l -> l.startsWith("complete -c mlplan -n '__fish_seen_subcommand_from catalog; and __fish_seen_subcommand_from show'"
                + " -x -a 'a1.2xlarge ") && l.contains(" p4d.24xlarge "));
        assertThat(lines).contains("complete -c mlplan -n '__fish_seen_subcommand_from validate' -k -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml)'");
        assertThat(lines).anyMatch(l -> l.contains("__fish_seen_subcommand_from catalog; and not __fish_seen_subcommand_from info list show refresh' -a 'show'"));
        syntax("fish", r.out());
    }

    /** {@code zsh -n} / {@code fish -n} when the shell is installed. */
    private void syntax(String shell, String script) throws Exception {
        Path file = dir.resolve("mlplan." + shell);
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process which = new ProcessBuilder("sh", "-c", "command -v " + shell).start();
        Assumptions.assumeTrue(which.waitFor() == 0, shell + " is not installed");
        Process p = new ProcessBuilder(shell, "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }
}
