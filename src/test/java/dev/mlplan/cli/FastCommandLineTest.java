package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@link FastCommandLine} parses what it accepts exactly as picocli does, declines the rest, and runs
 * commands with picocli's results, messages and exit codes.
 */
class FastCommandLineTest {
    private static final PrintWriter SINK = new PrintWriter(new StringWriter());
    private static final CliEnv ENV = CliEnv.system();

    private static CommandTable table() {
        CommandTable t = CommandTable.embedded();
        assertThat(t).as("the build writes " + CommandTable.RESOURCE + " (mvn process-classes)").isNotNull();
        return t;
    }

    private static FastCommandLine.Parsed fast(String... args) {
        return FastCommandLine.parse(table(), new MlplanCommand(ENV, SINK, SINK), args);
    }

    @Test
    void theBuiltTableIsPicocliModelOfTheAnnotations() {
        assertThat(CommandTable.format(new ArrayList<>(table().commands().values()))).isEqualTo(CommandTable.format(CommandTableModel.describe()));
    }

    @Test
    void theEverydayCommandsAreInTheTableAndTheOthersAreNot() {
        assertThat(table().commands()).containsOnlyKeys("recommend", "check", "report", "explain", "validate", "init", "schema");
    }

    /** The staleness check looks at the class files beside the table: the commands and their mixins must be there. */
    @Test
    void everyClassTheTableDescribesIsInTheTablesPackage() throws Exception {
        for (CommandTable.Command c : table().commands().values()) {
            Class<?> cls = Class.forName(c.className());
            assertThat(cls.getPackageName()).isEqualTo("dev.mlplan.cli");
            for (String mixin : c.mixins()) {
                assertThat(cls.getDeclaredField(mixin).getType().getPackageName()).isEqualTo("dev.mlplan.cli");
            }
        }
        assertThat(CommonOptions.class.getPackageName()).isEqualTo("dev.mlplan.cli");
    }

    @Test
    void picocliSettingsGivenAsSystemPropertiesLeaveEveryLineToPicocli() {
        String saved = System.getProperty("picocli.trimQuotes");
        System.setProperty("picocli.trimQuotes", "true");
        try {
            assertThat(FastCommandLine.execute(ENV, SINK, SINK, new String[] {"--version"})).isNull();
            assertThat(FastCommandLine.execute(ENV, SINK, SINK, new String[] {"validate", "\"x.yaml\""})).isNull();
        } finally {
            if (saved == null) {
                System.clearProperty("picocli.trimQuotes");
            } else {
                System.setProperty("picocli.trimQuotes", saved);
            }
        }
    }

    @Test
    void theTableTextReadsBackToTheSameTable() {
        String text = CommandTable.format(CommandTableModel.describe());
        assertThat(CommandTable.format(new ArrayList<>(CommandTable.parse(text).commands().values()))).isEqualTo(text);
    }

    @Test
    void aTableOlderThanAClassBesideItIsNotUsed(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("command-table.tsv"), "");
        Path cls = Files.writeString(dir.resolve("RecommendCommand.class"), "");
        Files.setLastModifiedTime(cls, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(table, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        assertThat(CommandTable.isCurrent(table.toUri().toURL())).isTrue();
        Files.setLastModifiedTime(cls, java.nio.file.attribute.FileTime.fromMillis(3_000_000));
        assertThat(CommandTable.isCurrent(table.toUri().toURL())).isFalse();
        assertThat(CommandTable.isCurrent(new java.net.URL("jar:file:/x.jar!/dev/mlplan/cli/command-table.tsv"))).isTrue();
    }

    /** Command lines the fast parser must take: the everyday ones, so that it is really used. */
    private static final String[][] ACCEPTED = {
        {"recommend", "a.yaml"},
        {"recommend", "a.yaml", "b.yaml", "--format", "json", "--output", "plan.json"},
        {"recommend", "--top=10", "a.yaml", "-f", "JSON"},
        {"recommend", "a.yaml", "--catalog", "c.json", "--mfu", "0.3", "--mbu=0.4", "--headroom", "0", "-q", "--no-color", "-v"},
        {"recommend", "a.yaml", "--multi-node-efficiency", "1e-1", "--output", "-"},
        {"check", "a.yaml", "--baseline", "plan.json", "--max-increase", "10%", "--junit", "r.xml", "--budget", "500USD"},
        {"check", "a.yaml", "--format=json", "--warn-at", "80%"},
        {"report", "--from", "plan.json", "-f", "html", "-o", "r.html"},
        {"report", "a.yaml"},
        {"explain", "a.yaml", "--option", "training/ec2/g5.xlarge/spot/us-east-1", "--top", "3"},
        {"validate", "a.yaml", "b.yaml", "--quiet"},
        {"init", "-o", "-"},
        {"init"},
        {"schema", "--output", "s.json"},
        {"recommend", "-"},
    };

    /** Command lines it must leave to picocli (help, errors, odd syntax). */
    private static final String[][] DECLINED = {
        {}, {"--version"}, {"-V"}, {"--version", "recommend"}, {"--help"}, {"help", "recommend"}, {"catalog", "info"}, {"completion"}, {"recomend", "a.yaml"},
        {"recommend"}, {"recommend", "--help"}, {"recommend", "-h", "a.yaml"}, {"recommend", "a.yaml", "--version"},
        {"recommend", "--top", "010", "a.yaml"}, {"recommend", "--top", "0x10", "a.yaml"}, {"recommend", "--top", "-1", "a.yaml"},
        {"recommend", "--top", "99999999999", "a.yaml"}, {"recommend", "--top", "", "a.yaml"}, {"recommend", "--top=", "a.yaml"},
        {"recommend", "--", "a.yaml"}, {"recommend", "@args.txt"}, {"recommend", "a.yaml", "--format", "json", "--format", "csv"},
        {"recommend", "a.yaml", "-f", "json", "--format", "csv"}, {"recommend", "a.yaml", "-vq"}, {"recommend", "a.yaml", "--frmat", "json"},
        {"recommend", "a.yaml", "--top"}, {"recommend", "a.yaml", "--no-color=true"}, {"recommend", "a.yaml", "-fjson"},
        {"recommend", "a.yaml", "--format", "xml"}, {"recommend", "a.yaml", "--mfu", "high"}, {"recommend", "a.yaml", "--output", "--top"},
        {"explain", "a.yaml", "b.yaml"}, {"explain"}, {"init", "extra"}, {"recommend", "a.yaml", "-q", "-q"},
        {"recommend", "a.yaml", "--verbose", "-v"}, {"recommend", "a.yaml", "--catalog", "@c.json"}, {"-q", "recommend", "a.yaml"},
        // a value attached with '=' that starts like an option: picocli says "expected parameter … but found"
        {"init", "--output=-q"}, {"recommend", "a.yaml", "--output=--no-color"}, {"recommend", "a.yaml", "--output=--"},
        {"recommend", "a.yaml", "--output=-fjson"}, {"check", "a.yaml", "--junit=-v"}, {"recommend", "a.yaml", "--catalog=--format"},
        {"explain", "a.yaml", "--option=--top"}, {"recommend", "a.yaml", "--mfu=-0.5"}, {"recommend", "a.yaml", "--output=@x"},
    };

    @Test
    void everydayCommandLinesAreTakenAndParsedAsPicocliParsesThem() throws Exception {
        for (String[] args : ACCEPTED) {
            FastCommandLine.Parsed parsed = fast(args);
            assertThat(parsed).as(String.join(" ", args)).isNotNull();
            assertSameAsPicocli(args, parsed);
        }
    }

    @Test
    void helpErrorsAndOddSyntaxAreLeftToPicocli() {
        for (String[] args : DECLINED) {
            assertThat(fast(args)).as(String.join(" ", args)).isNull();
        }
    }

    /** Seeded random command lines from valid and invalid pieces: whatever is taken parses as picocli parses it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomCommandLinesTakenAreParsedAsPicocliParsesThem(long seed) throws Exception {
        Random random = new Random(seed);
        String[] commands = {"recommend", "check", "report", "explain", "validate", "init", "schema", "catalog", "help"};
        String[] pieces = {"a.yaml", "b.yaml", "-", "--format", "-f", "json", "JSON", "Table", "csv", "markdown", "html", "xml", "--output",
            "-o", "out.txt", "--top", "5", "10", "0", "007", "-3", "1e3", "--top=2", "--format=csv", "--format=", "--catalog", "c.json",
            "--mfu", "0.4", "NaN", "--mbu=0.5", "--headroom", "--multi-node-efficiency", "-q", "--quiet", "-v", "--verbose", "--no-color",
            "--no-color=false", "-h", "--help", "-V", "--", "@f", "--budget", "500USD", "--warn-at", "80%", "--baseline", "p.json",
            "--max-increase", "10%", "--junit", "j.xml", "--from", "--option", "x/y", "-x", "--unknown", "-vq", "",
            "--output=-", "--output=-q", "--output=--top", "--catalog=-x", "--option=-h", "--budget=--warn-at", "--form", "--top=+5",
            "--mfu=-0.5", "--output=@f"};
        int taken = 0;
        for (int n = 0; n < 600; n++) {
            List<String> args = new ArrayList<>();
            args.add(commands[random.nextInt(commands.length)]);
            int len = random.nextInt(7);
            for (int i = 0; i < len; i++) {
                args.add(pieces[random.nextInt(pieces.length)]);
            }
            String[] a = args.toArray(String[]::new);
            FastCommandLine.Parsed parsed = fast(a);
            if (parsed != null) {
                taken++;
                assertSameAsPicocli(a, parsed);
            }
        }
        assertThat(taken).as("command lines taken (of 600)").isGreaterThan(30);
    }

    /** picocli parses the same arguments without error, to the same value at every path of the table. */
    private static void assertSameAsPicocli(String[] args, FastCommandLine.Parsed parsed) throws Exception {
        String line = String.join(" ", args);
        CommandLine cl = CommandFactory.create(ENV, SINK, SINK, args);
        ParseResult result;
        try {
            result = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("taken by the fast parser but rejected by picocli: " + line + ": " + e.getMessage(), e);
        }
        assertThat(result.isUsageHelpRequested() || result.isVersionHelpRequested()).as(line).isFalse();
        ParseResult sub = result.subcommand();
        assertThat(sub).as(line).isNotNull();
        assertThat(sub.isUsageHelpRequested() || sub.isVersionHelpRequested()).as(line).isFalse();
        Object picocliCommand = sub.commandSpec().userObject();
        MlplanCommand picocliParent = (MlplanCommand) cl.getCommand();
        CommandTable.Command command = table().command(args[0]);
        List<CommandTable.Arg> argsOfCommand = new ArrayList<>(command.options().values());
        if (command.positional() != null) {
            argsOfCommand.add(command.positional());
        }
        for (CommandTable.Arg a : argsOfCommand) {
            Object expected = FastCommandLine.get(picocliCommand, picocliParent, a.path());
            Object actual = FastCommandLine.get(parsed.command(), parsed.parent(), a.path());
            assertThat(actual).as(line + ": " + a.path()).isEqualTo(expected);
        }
        assertThat(FastCommandLine.get(parsed.command(), parsed.parent(), command.parentField())).isSameAs(parsed.parent());
        for (String mixin : command.mixins()) {
            assertThat(FastCommandLine.get(parsed.command(), parsed.parent(), mixin)).as(line + ": mixin " + mixin).isNotNull();
        }
    }

    /** Running a command: the same output, messages and exit code by either path. */
    @Test
    void commandsRunWithPicocliResultsMessagesAndExitCodes(@TempDir Path tmp) throws Exception {
        Path good = Path.of("workloads/tiny-sporadic.yaml").toAbsolutePath();
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "version: 1\nname: x\ntraning: {}\n");
        String[][] lines = {
            {"recommend", good.toString()},
            {"recommend", good.toString(), "--format", "json", "--top", "2"},
            {"recommend", bad.toString()},
            {"recommend", tmp.resolve("missing.yaml").toString()},
            {"recommend", good.toString(), "--mfu", "2"},
            {"check", good.toString(), "--budget", "0.01USD"},
            {"check", good.toString(), "--budget", "100USD", "--format", "json"},
            {"validate", good.toString(), bad.toString()},
            {"explain", good.toString(), "--top", "0"},
            {"report", good.toString(), "--from", "plan.json"},
            {"recommend", good.toString(), "--output", tmp.toString()},
            {"--version"},
            {"-V"},
        };
        CliEnv env = new CliEnv(Clock.fixed(dev.mlplan.testing.CliRun.NOW, ZoneOffset.UTC), Map.of(), tmp);
        for (String[] args : lines) {
            assertThat(args[0].equals("--version") || args[0].equals("-V") || fast(args) != null).as(String.join(" ", args)).isTrue();
            StringWriter fastOut = new StringWriter();
            StringWriter fastErr = new StringWriter();
            Integer fastCode = FastCommandLine.execute(env, new PrintWriter(fastOut), new PrintWriter(fastErr), args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = CommandFactory.create(env, new PrintWriter(out), new PrintWriter(err), args).execute(args);
            String line = Arrays.toString(args);
            assertThat(fastCode).as(line).isEqualTo(code);
            assertThat(fastOut.toString()).as(line).isEqualTo(out.toString());
            assertThat(fastErr.toString()).as(line).isEqualTo(err.toString());
        }
    }
}
