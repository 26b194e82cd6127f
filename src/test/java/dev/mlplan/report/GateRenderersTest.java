package dev.mlplan.report;

import static dev.mlplan.testing.TestPlans.finetune;
import static dev.mlplan.testing.TestPlans.infeasible;
import static dev.mlplan.testing.TestPlans.plan;
import static dev.mlplan.testing.TestPlans.serving;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.gate.Gate;
import dev.mlplan.gate.GateResult;
import dev.mlplan.gate.Threshold;
import dev.mlplan.testing.Golden;
import dev.mlplan.testing.TestPlans;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The check's renderings (terminal, JUnit XML, GitHub) from hand-built plans; the JUnit XML parsed back. */
class GateRenderersTest {
    /** finetune fails the increase (+$100 over +10%), serving fails its increase too (and warns on its budget), infeasible is new, old-job removed. */
    static GateResult result() {
        var base = plan(finetune(200, 10, 1000.0), serving(50, 120.0), new dev.mlplan.plan.PlanResult.WorkloadPlan("old-job", "workloads/old-job.yaml",
                null, List.of("us-east-1"), List.of(), List.of(), 12.5, null, List.of()));
        var now = plan(finetune(300, 10, 1000.0), serving(100, 120.0), infeasible(null));
        return Gate.check(now, Optional.of(base), new Gate.Thresholds(null, null, Threshold.parse("10%")));
    }

    static GateResult budgetOnly() {
        return Gate.check(plan(finetune(300, 10, 1000.0), serving(100, 120.0)), Optional.empty(), Gate.Thresholds.none());
    }

    @Test
    void terminalGolden() {
        Golden.assertMatches("check/check-baseline.txt", CheckRenderer.render(result(), TestPlans.CATALOG));
        Golden.assertMatches("check/check-budget.txt", CheckRenderer.render(budgetOnly(), TestPlans.CATALOG));
    }

    @Test
    void junitGoldenAndParsedBack() throws Exception {
        String xml = JUnitRenderer.render(result());
        Golden.assertMatches("check/junit.xml", xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(4);
        NodeList cases = root.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            names.add(c.getAttribute("classname") + "/" + c.getAttribute("name"));
            if (c.getElementsByTagName("failure").getLength() > 0) {
                failed.add(c.getAttribute("classname") + "/" + c.getAttribute("name"));
            }
        }
        assertThat(names).containsExactly("mlplan.finetune/budget", "mlplan.finetune/max-increase", "mlplan.infeasible/budget",
                "mlplan.infeasible/max-increase", "mlplan.old-job/max-increase", "mlplan.serving/budget", "mlplan.serving/max-increase");
        assertThat(failed).containsExactlyInAnyOrder("mlplan.finetune/max-increase", "mlplan.infeasible/max-increase", "mlplan.serving/max-increase");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(xml).doesNotContain("timestamp", "hostname");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("+$100.00 (+47.6%) vs baseline $210.00 is more than the allowed +10%");
    }

    @Test
    void junitOfAPassingCheck() throws Exception {
        String xml = JUnitRenderer.render(Gate.check(plan(serving(10, 100.0)), Optional.empty(), Gate.Thresholds.none()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void githubSummaryGoldenAndAnnotations() {
        Golden.assertMatches("check/github-summary.md", GithubRenderer.summary(result(), TestPlans.CATALOG));
        Golden.assertMatches("check/github-summary-budget.md", GithubRenderer.summary(budgetOnly(), TestPlans.CATALOG));
        assertThat(GithubRenderer.annotations(budgetOnly())).containsExactly(
                "::warning file=workloads/serving.yaml,title=mlplan budget::serving: $100.00 a month is 83%25 of the budget of $120.00 (warns at 75%25)");
        assertThat(GithubRenderer.annotations(result())).hasSize(3).allSatisfy(a -> assertThat(a).startsWith("::error file=workloads/"));
    }

    /** budgetOnly's workloads and two files that could not be read: one at a line and column, one as a whole. */
    static GateResult withInvalid() {
        return Gate.check(plan(finetune(300, 10, 1000.0), serving(100, 120.0)), Optional.empty(), Gate.Thresholds.none(), List.of(
                new GateResult.InvalidFile("workloads/typo.yaml", 6, 17, "inference.availability: unknown value \"multi_az\" (did you mean 'multi-az'?)"),
                new GateResult.InvalidFile("workloads/empty.yaml", null, null, "file is empty: expected a workload with at least 'version' and 'name'")));
    }

    @Test
    void invalidFilesInEveryRendering() throws Exception {
        GateResult g = withInvalid();
        assertThat(g.status()).isEqualTo(dev.mlplan.gate.Status.FAIL);
        assertThat(g.summary()).isEqualTo("FAIL: 2 workloads, 1 passed, 1 warned, 0 failed; 2 files invalid");
        assertThat(g.invalid()).extracting(GateResult.InvalidFile::file).containsExactly("workloads/empty.yaml", "workloads/typo.yaml");
        Golden.assertMatches("check/check-invalid.txt", CheckRenderer.render(g, TestPlans.CATALOG));
        Golden.assertMatches("check/github-summary-invalid.md", GithubRenderer.summary(g, TestPlans.CATALOG));
        String xml = JUnitRenderer.render(g);
        Golden.assertMatches("check/junit-invalid.xml", xml);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getElementsByTagName("error").getLength()).isEqualTo(2);
        assertThat(GithubRenderer.annotations(g, new GithubRenderer.Places(f -> "repo/" + f,
                f -> Optional.of(new dev.mlplan.workload.WorkloadParser.Position(4, 3))))).containsExactly(
                "::error file=repo/workloads/empty.yaml,title=mlplan invalid workload::file is empty: expected a workload with at least 'version' and 'name'",
                "::error file=repo/workloads/typo.yaml,line=6,col=17,title=mlplan invalid workload::inference.availability: unknown value \"multi_az\" (did you mean 'multi-az'?)",
                "::warning file=repo/workloads/serving.yaml,line=4,col=3,title=mlplan budget::serving: $100.00 a month is 83%25 of the budget of $120.00 (warns at 75%25)");
    }

    @Test
    void everyPartOfAnAnnotationIsEscaped() {
        assertThat(GithubRenderer.command("error", "dir,a/b:c%.yaml", 3, 4, "t:1,2", "50% of\r\nx::y"))
                .isEqualTo("::error file=dir%2Ca/b%3Ac%25.yaml,line=3,col=4,title=t%3A1%2C2::50%25 of%0D%0Ax::y");
    }

    @Test
    void annotationEscaping() {
        assertThat(GithubRenderer.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
        assertThat(GithubRenderer.data("x\ny\r%")).isEqualTo("x%0Ay%0D%25");
    }
}
