package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.util.Fmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No human format writes e-notation: every example workload rendered as a terminal table, Markdown,
 * HTML, explanation and CSV has no "8.4e19" anywhere (FLOPs read "84 EFLOPs", parameters "6.74 B",
 * money "$1,234.50"); and the number formats of {@link Fmt} never write it, over a seeded sweep of
 * magnitudes from 10^-12 to 10^27. Every requirement key the planners write has a label in
 * {@link Labels}, so no report prints an internal key.
 */
class NoENotationTest {
    /** A digit, an "e", maybe a sign, a digit: 8.4e19, 1.00e-05, 3e+7. */
    private static final Pattern E_NOTATION = Pattern.compile("[0-9]e[+-]?[0-9]");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyHumanFormatOfAnExampleWorkloadIsFreeOfENotation(Path file) throws Exception {
        var w = ModelPresets.workloadParser().parse(file.toAbsolutePath());
        PlanResult plan = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test"), LocalDate.of(2026, 8, 1))
                .plan(List.of(w));
        for (var wp : plan.workloads()) {
            for (var p : wp.parts()) {
                for (String key : p.requirements().keySet()) {
                    assertThat(Labels.known(key)).as("requirement key %s of %s has a label in report/Labels (the one table of labels)", key, file).isTrue();
                }
            }
        }
        String html = HtmlRenderer.render(plan);
        // the style sheet's colours (#e5e7eb) are not numbers
        String htmlText = html.replaceAll("(?s)<style>.*?</style>", "");
        for (var format : List.of(
                new Rendered("table", new TableRenderer(false).render(plan)),
                new Rendered("markdown", MarkdownRenderer.render(plan)),
                new Rendered("html", htmlText),
                new Rendered("explain", ExplainRenderer.render(plan, Integer.MAX_VALUE)),
                new Rendered("csv", CsvRenderer.render(plan)))) {
            assertThat(eNotation(format.text())).as(file.getFileName() + " as " + format.name()).isEmpty();
        }
    }

    record Rendered(String name, String text) {}

    @Test
    void theNumberFormatsNeverWriteENotation() {
        Random random = new Random(187L);
        for (int i = 0; i < 5_000; i++) {
            double v = Math.pow(10, -12 + random.nextDouble() * 39) * (random.nextBoolean() ? 1 : -1);
            for (String s : List.of(Fmt.sig(v), Fmt.large(v), Fmt.flops(v), Fmt.flopRate(v), Fmt.seconds(Math.abs(v) < 1e6 ? v : 1), Fmt.usd(v),
                    Fmt.hours(Math.abs(v)), Fmt.millis(Math.abs(v)), Labels.value("parameters", v), Labels.value("totalFlops", v),
                    Labels.value("acceleratorMemoryGiB", v), Labels.value("someKeyAddedLater", v))) {
                assertThat(eNotation(s)).as("%s of %s", s, v).isEmpty();
            }
        }
    }

    @Test
    void readableExamples() {
        assertThat(Fmt.flops(8.7e19)).isEqualTo("87 EFLOPs");
        assertThat(Fmt.flops(1.4e9)).isEqualTo("1.4 GFLOPs");
        assertThat(Fmt.flops(9.996e20)).isEqualTo("1 ZFLOPs");
        assertThat(Fmt.flops(3.2e25)).isEqualTo("32,000 ZFLOPs");
        assertThat(Fmt.flopRate(3.12e14)).isEqualTo("312 TFLOP/s");
        assertThat(Fmt.large(6.74e9)).isEqualTo("6.74 B");
        assertThat(Fmt.large(1.2e12)).isEqualTo("1.2 T");
        assertThat(Fmt.large(124e6)).isEqualTo("124 M");
        assertThat(Fmt.large(5500)).isEqualTo("5,500");
        assertThat(Fmt.seconds(7.5e-9)).isEqualTo("7.5 ns");
        assertThat(Fmt.usd(1234567.891)).isEqualTo("$1,234,567.89");
        assertThat(Labels.label("acceleratorMemoryGiB")).isEqualTo("accelerator memory");
        assertThat(Labels.value("acceleratorMemoryGiB", 118.0)).isEqualTo("118 GiB");
        assertThat(Labels.value("totalFlops", 8.4e19)).isEqualTo("84 EFLOPs");
        assertThat(Labels.value("parameters", 6_738_415_616L)).isEqualTo("6.74 B");
        assertThat(Labels.label("frontDoorRequestsPerMonth")).as("a key the table does not know yet").isEqualTo("front door requests per month");
    }

    private static List<String> eNotation(String text) {
        Matcher m = E_NOTATION.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find() && found.size() < 5) {
            int from = Math.max(0, m.start() - 40);
            found.add(text.substring(from, Math.min(text.length(), m.end() + 20)).replace('\n', ' '));
        }
        return found;
    }
}
