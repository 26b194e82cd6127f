package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import dev.mlplan.testing.Golden;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * mlplan sweep: golden output in every format, crossovers that agree with single plans, a grid, and
 * bad input refused with exit 2 and one message.
 */
class SweepCommandTest {
    /** The example: Lambda gives way to an instance as a sporadic model's traffic grows (peak 1/s caps it at 86,400/day). */
    private static final String[] TINY = {"sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.traffic.average=10/day..80000/day", "--log"};

    private static String[] with(String... more) {
        String[] out = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, out, 0, TINY.length);
        System.arraycopy(more, 0, out, TINY.length, more.length);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"table,txt", "json,json", "csv,csv", "markdown,md", "html,html"})
    void goldenInEveryFormat(String format, String ext) {
        CliRun r = CliRun.run(with("--format", format));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Golden.assertMatches("sweep/tiny-sporadic-traffic." + ext, r.out());
    }

    @Test
    void theJsonDocumentHasStepsAndCrossoversWithBothOptionsAndTheirCosts() throws IOException {
        JsonNode root = new ObjectMapper().readTree(CliRun.run(with("--format", "json")).out());
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("steps")).hasSize(20);
        JsonNode c = root.get("crossovers").get(0);
        assertThat(c.get("unit").asText()).isEqualTo("/day");
        assertThat(c.get("from").get("service").asText()).isEqualTo("lambda");
        assertThat(c.get("to").get("service").asText()).isEqualTo("ec2");
        assertThat(c.get("below").asDouble()).isLessThan(c.get("at").asDouble());
        assertThat(c.get("above").asDouble()).isGreaterThan(c.get("at").asDouble());
        assertThat((c.get("above").asDouble() - c.get("below").asDouble()) / c.get("above").asDouble()).isLessThanOrEqualTo(1e-4);
    }

    /** The guarantee: just below a crossover recommend ranks its `from` option first, just above it its `to` option. */
    @Test
    void aCrossoverAgreesWithSinglePlans(@TempDir Path tmp) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode sweep = json.readTree(CliRun.run(with("--format", "json")).out());
        assertThat(sweep.get("crossovers")).isNotEmpty();
        Cli cli = Cli.withWorkloads(tmp);
        String yaml = cli.read("workloads/tiny-sporadic.yaml");
        for (JsonNode c : sweep.get("crossovers")) {
            for (String side : new String[] {"below", "above"}) {
                String value = new BigDecimal(c.get(side).asText()).toPlainString() + c.get("unit").asText();
                cli.write("workloads/at.yaml", yaml.replace("average: 100/day", "average: " + value));
                Cli.Result r = cli.run("recommend", "--format", "json", "workloads/at.yaml");
                assertThat(r.code()).as(r.err()).isZero();
                JsonNode first = json.readTree(r.out()).get("workloads").get(0).get("parts").get(0).get("options").get(0);
                JsonNode expected = c.get(side.equals("below") ? "from" : "to");
                assertThat(first.get("id").asText()).as("rank 1 at %s (%s)", value, side).isEqualTo(expected.get("id").asText());
            }
        }
    }

    @Test
    void twoKeysMakeAGrid() throws IOException {
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.traffic.average=10/day..80000/day",
                "--vary", "inference.hours_per_day=4..24", "--steps", "3", "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("vary")).hasSize(2);
        assertThat(root.get("steps")).hasSize(9);
        assertThat(root.get("steps").get(0).get("at")).hasSize(2);
    }

    @Test
    void aKeyTheFileLeavesAtItsDefaultCanBeSwept() {
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.hours_per_day=1..24", "--steps", "4");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("inference.hours_per_day");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "inference.trafic.average=1/s..2/s|did you mean 'inference.traffic.average'",
        "inference.traffic.average=1/s..200000000/s|at most 10000000/s",
        "inference.traffic.average=1 GB..2 GB|is a size; expected a rate",
        "inference.traffic.average=10/day..10000000/day|traffic.peak (1/s) is below traffic.average",
        "inference.traffic.pattern=1..2|is not a number or quantity",
        "training.runs_per_month=1..2|has no training",
        "inference[2].hours_per_day=1..2|not a list",
        "inference.traffic.average|expected KEY=FROM..TO",
        "inference.traffic.average=5/s..5/s|the same value",
        "inference.traffic.average=0/s..5/s|greater than 0"
    })
    void badInputIsRefusedWithExitTwoAndOneMessage(String caseText) {
        String[] parts = caseText.split("\\|");
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", parts[0], "--steps", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("mlplan: ").contains(parts[1]).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * A swept average above the file's peak: the message names the swept key and value that broke it
     * (1,000,000/day = 1,000,000 ÷ 86,400 = 11.574/s, shown 11.6/s, not 11.574074074074074/s), and what to do.
     */
    @Test
    void aSweptAverageAboveThePeakSaysWhichValueAndThatThePeakMustBeRaised() {
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.traffic.average=10/day..1000000/day", "--log");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("at inference.traffic.average = 1,000,000/day")
                .contains("traffic.peak (1/s) is below traffic.average (11.6/s)")
                .contains("raise traffic.peak in the file to at least 1,000,000/day, or --vary it too")
                .doesNotContain("11.574");
    }

    /**
     * In a grid, a step whose peak falls below its average names both swept values: peaks 1, 2, 3/s by
     * averages 10, 65,005 and 130,000/day (0.0001, 0.75 and 1.50/s): only 1/s × 130,000/day (130,000 ÷
     * 86,400 = 1.505/s) fails, whichever step is planned first.
     */
    @Test
    void aGridStepWithThePeakBelowTheAverageNamesBothValues() {
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.traffic.peak=1/s..3/s",
                "--vary", "inference.traffic.average=10/day..130000/day", "--steps", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("mlplan: --vary: at inference.traffic.peak = 1/s, inference.traffic.average = 130,000/day, ")
                .contains("traffic.peak (1/s) is below traffic.average (1.5").contains("narrow the ranges").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "10001"})
    void stepsAreBounded(String steps) {
        CliRun r = CliRun.run(with("--steps", steps));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--steps");
    }

    /** docs/sweep-tiny-sporadic.svg: the HTML report's chart as a standalone image for the docs, kept current like a golden. */
    @Test
    void theDocsShowTheSweepChart() throws IOException {
        String html = CliRun.run(with("--format", "html")).out();
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
        StringBuilder style = new StringBuilder();
        for (String line : html.substring(html.indexOf("<style>"), html.indexOf("</style>")).split("\n")) {
            if (line.strip().startsWith("svg")) {
                style.append(line.strip()).append('\n');
            }
        }
        String doc = svg.replaceFirst(">\n", ">\n<style>\nsvg { background: #fff; font-family: system-ui, sans-serif; }\n" + style + "</style>\n") + "\n";
        Path file = Path.of("docs", "sweep-tiny-sporadic.svg");
        if (Golden.updating()) {
            java.nio.file.Files.writeString(file, doc);
        }
        assertThat(java.nio.file.Files.readString(file)).as("docs/sweep-tiny-sporadic.svg is stale; regenerate with -Dmlplan.golden.update=true")
                .isEqualTo(doc);
    }

    @Test
    void helpIsGolden() {
        CliRun r = CliRun.run("sweep", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Examples:", "--vary", "--log");
        Golden.assertMatches("cli/help-sweep.txt", r.out());
    }

    @Test
    void aGridIsBoundedByItsCells() {
        CliRun r = CliRun.run("sweep", "workloads/tiny-sporadic.yaml", "--vary", "inference.traffic.average=1/day..2/day",
                "--vary", "inference.hours_per_day=4..24", "--steps", "101");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("10000 cells");
    }
}
