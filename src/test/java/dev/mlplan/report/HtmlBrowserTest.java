package dev.mlplan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanOptions;
import dev.mlplan.plan.PlanResult;
import dev.mlplan.plan.Planner;
import dev.mlplan.testing.TestPlans;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless browser (Debian's chromium; .ci/run installs it): the page
 * loads without console errors, the SVG charts are in the DOM, and a screenshot shows them (not
 * blank, with the charts' colour present). Skipped when no chromium is installed. Local files only.
 */
class HtmlBrowserTest {
    /** The bar chart's highlight colour, #0072B2. */
    private static final int CHART_BLUE = 0x0072B2;

    private static Path chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        chromium = find().orElse(null);
    }

    static Optional<Path> find() {
        String override = System.getenv("MLPLAN_CHROMIUM");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    record Run(int code, String stdout, String stderr) {}

    private Run chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static PlanResult realPlan() throws Exception {
        var w = ModelPresets.workloadParser().parse(Path.of("workloads/research-rtx4090.yaml").toAbsolutePath());
        return new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test"), LocalDate.of(2026, 8, 1)).plan(List.of(w));
    }

    private static PlanResult plan(String file) throws Exception {
        var w = ModelPresets.workloadParser().parse(Path.of(file).toAbsolutePath());
        return new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test"), LocalDate.of(2026, 8, 1)).plan(List.of(w));
    }

    /** Pages of a PDF: its page objects ("/Type /Page"), not the page tree ("/Type /Pages"). */
    static int pages(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * A reviewer prints a workload's report: with the print style (A4, margins, eliminated options
     * as a summary, rows kept whole), each example workload fits in at most three pages.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"workloads/ml-platform.yaml", "workloads/llama2-7b-finetune.yaml"})
    void aWorkloadsReportPrintsInAtMostThreePages(String file) throws Exception {
        assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it): the printed report's page count is not checked");
        String name = Path.of(file).getFileName().toString().replace(".yaml", "");
        Path html = tmp.resolve(name + ".html");
        Files.writeString(html, HtmlRenderer.render(plan(file)), StandardCharsets.UTF_8);
        Path pdf = tmp.resolve(name + ".pdf");
        Run print = chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString());
        assertThat(print.code()).as(print.stderr()).isZero();
        assertThat(pdf).exists();
        byte[] bytes = Files.readAllBytes(pdf);
        int pages = pages(bytes);
        // kept for CI artifacts and for a look by eye
        Path keep = Files.createDirectories(Path.of("target", "browser-screenshots"));
        Files.write(keep.resolve(name + ".pdf"), bytes);
        Files.copy(html, keep.resolve(name + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(keep.resolve(name + ".pdf.txt"), name + ": " + pages + " pages\n");
        assertThat(pages).as(name + " printed").isBetween(1, 3);
    }

    @Test
    void pagesCountsPageObjectsNotThePageTree() {
        byte[] pdf = "1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj 2 0 obj << /Type /Page >> 3 0 obj <</Type/Page/Parent 1 0 R>>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(pages(pdf)).isEqualTo(2);
    }

    private static List<String> consoleProblems(String stderr) {
        return stderr.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("ERR_FILE_NOT_FOUND")
                || l.contains("Refused to")).toList();
    }

    @Test
    void reportLoadsWithoutConsoleErrorsAndShowsItsCharts() throws Exception {
        assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");
        for (PlanResult plan : List.of(TestPlans.plan(TestPlans.finetune(300, 10, 1000.0), TestPlans.serving(82.5, 4000.0)), realPlan())) {
            Path html = tmp.resolve("report-" + plan.workloads().get(0).name() + ".html");
            Files.writeString(html, HtmlRenderer.render(plan), StandardCharsets.UTF_8);
            String url = html.toUri().toString();

            Run dom = chromium("--dump-dom", url);
            assertThat(dom.code()).as(dom.stderr()).isZero();
            int svgs = dom.stdout().split("<svg ", -1).length - 1;
            assertThat(svgs).as("SVG charts in the DOM").isGreaterThanOrEqualTo(2);
            assertThat(dom.stdout()).contains("class=\"chart bars\"", "class=\"chart break-even\"", "</html>");

            Path png = tmp.resolve(html.getFileName() + ".png");
            Run shot = chromium("--enable-logging=stderr", "--v=0", "--screenshot=" + png, "--window-size=1280,2400", url);
            assertThat(shot.code()).as(shot.stderr()).isZero();
            assertThat(consoleProblems(shot.stderr())).as("console errors").isEmpty();
            assertThat(png).exists();
            assertThat(Files.size(png)).isGreaterThan(10_000);

            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(1280);
            long nonWhite = 0;
            long chartBlue = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    if (rgb != 0xFFFFFF) {
                        nonWhite++;
                    }
                    if (close(rgb, CHART_BLUE)) {
                        chartBlue++;
                    }
                }
            }
            long total = (long) img.getWidth() * img.getHeight();
            // kept for CI artifacts and for a look by eye
            Path keep = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Files.copy(png, keep.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(keep.resolve(png.getFileName() + ".txt"), "size " + img.getWidth() + "x" + img.getHeight() + ", non-white pixels "
                    + nonWhite + " of " + total + ", chart-blue pixels " + chartBlue + ", svg elements " + svgs + "\n");
            assertThat(nonWhite).as("not a blank page").isGreaterThan(total / 50);
            assertThat(chartBlue).as("chart bars and lines visible in the screenshot").isGreaterThan(1_000);
        }
    }

    @Test
    void theConsoleCheckCatchesAScriptError() throws Exception {
        assumeTrue(chromium != null, "chromium is not installed (.ci/run installs it)");
        Path html = tmp.resolve("bad.html");
        Files.writeString(html, "<!DOCTYPE html><html><body><p>x</p><script>console.error('broken'); undefinedFunction();</script></body></html>");
        Run shot = chromium("--enable-logging=stderr", "--v=0", "--screenshot=" + tmp.resolve("bad.png"), "--window-size=400,300",
                html.toUri().toString());
        assertThat(consoleProblems(shot.stderr())).as(shot.stderr()).isNotEmpty();
    }

    private static boolean close(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF);
        int dg = ((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF);
        int db = (rgb & 0xFF) - (target & 0xFF);
        return Math.abs(dr) <= 12 && Math.abs(dg) <= 12 && Math.abs(db) <= 12;
    }
}
