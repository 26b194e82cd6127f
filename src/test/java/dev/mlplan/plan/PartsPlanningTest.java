package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.plan.PlanResult.PartPlan;
import dev.mlplan.plan.PlanResult.WorkloadPlan;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several items of a part kind in one workload (schema version 2), each planned as its own part. */
class PartsPlanningTest {
    private static final Planner PLANNER = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(),
            PlanOptions.defaults("test"), LocalDate.of(2026, 11, 21));
    private static final WorkloadParser PARSER = new WorkloadParser(ModelPresets.names());

    static Stream<Path> versionOneExamples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream()
                    .filter(p -> read(p).contains("\nversion: 1\n"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String json(Workload w) {
        return JsonRenderer.render(PLANNER.plan(List.of(w)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionOneExamples")
    void aVersionOneExamplePlansTheSameWhenItSaysVersionTwo(Path file) {
        String text = read(file);
        Workload one = PARSER.parse(file.toString(), text);
        Workload two = PARSER.parse(file.toString(), text.replace("\nversion: 1\n", "\nversion: 2\n"));
        assertThat(json(two)).isEqualTo(json(one));
    }

    private static final String COMPUTE = """
            version: 2
            name: t
            regions: [us-east-1]
            training:
              - name: small
                model: {preset: llama-3.2-1b}
                dataset: {size: 4 GB, tokens: 100M}
                runs_per_month: 2
              - name: big
                model: {preset: llama-3.1-8b}
                dataset: {size: 80 GB, tokens: 1B}
            inference:
              name: chat
              model: {preset: bert-base}
              traffic: {average: 300/s, peak: 450/s}
              tokens_in: 128
              latency_p99: 50ms
              availability: multi-az
            """;

    private static PartPlan part(WorkloadPlan w, String label) {
        return w.parts().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void eachItemIsItsOwnPartAndTheTotalIsTheirSum() {
        WorkloadPlan w = PLANNER.plan(PARSER.parse("t.yaml", COMPUTE + "storage: {name: data, data: 100 GB}\n"));
        assertThat(w.parts()).extracting(PartPlan::label)
                .containsExactly("training: small", "training: big", "inference: chat", "storage: data");
        assertThat(part(w, "training: small").requirements().get("model")).isEqualTo("llama-3.2-1b");
        assertThat(part(w, "training: big").requirements().get("model")).isEqualTo("llama-3.1-8b");
        // the parts' best options, and the workload's own lines (CloudWatch Logs of its services, issue 20)
        double sum = w.parts().stream().mapToDouble(p -> p.options().get(0).monthlyUsd()).sum() + dev.mlplan.cost.CostComponent.total(w.costs());
        assertThat(w.monthlyUsd()).isEqualTo(sum);
    }

    @Test
    void aNamedPartsOptionIdsNameIt() {
        WorkloadPlan w = PLANNER.plan(PARSER.parse("t.yaml", COMPUTE));
        assertThat(part(w, "training: small").options()).allMatch(o -> o.id().startsWith("training/small/"));
        assertThat(part(w, "inference: chat").options()).allMatch(o -> o.id().startsWith("inference/chat/"))
                .allMatch(o -> o.alternatives() == null || o.alternatives().stream().allMatch(a -> a.id().startsWith("inference/chat/")));
        List<String> ids = w.parts().stream().flatMap(p -> p.options().stream()).map(PlanResult.Option::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void storageFollowsTheComputeItemItServes() {
        // by default the first training item: requests are charged while its best option runs
        WorkloadPlan byDefault = PLANNER.plan(PARSER.parse("t.yaml", COMPUTE + "storage: {name: data, data: 100 GB, reads: 100/s}\n"));
        WorkloadPlan big = PLANNER.plan(PARSER.parse("t.yaml", COMPUTE + "storage: {name: data, data: 100 GB, reads: 100/s, serves: big}\n"));
        WorkloadPlan chat = PLANNER.plan(PARSER.parse("t.yaml", COMPUTE + "storage: {name: data, data: 100 GB, serves: chat}\n"));
        assertThat(json(byDefault)).contains("while the best training option runs: 2 runs ×");
        assertThat(json(big)).contains("while the best training option runs: 1 runs ×");
        // serving a multi-AZ fleet: every instance reads the data, so a single-attach volume is out
        var inference = part(chat, "inference: chat").options().get(0);
        assertThat((Integer) part(chat, "storage: data").requirements().get("sharedBy")).isEqualTo(inference.count());
        assertThat(part(chat, "storage: data").options()).noneMatch(o -> o.instanceType().equals("gp3"));
    }

    private static String json(WorkloadPlan w) {
        return JsonRenderer.render(new PlanResult(1, "t", new PlanResult.CatalogRef("c", "d", "s"), List.of(w)));
    }
}
