package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.catalog.CatalogLoader;
import dev.mlplan.constraint.ConstraintEngine;
import dev.mlplan.estimate.ModelPresets;
import dev.mlplan.report.JsonRenderer;
import dev.mlplan.workload.Workload;
import dev.mlplan.workload.WorkloadParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Offers are ranked by their figures and built (notes, cost lines, estimate steps) only when shown.
 * For every example workload, in its own regions and in all regions, every offer built as it is made
 * has the figures it was ranked by, and the plans are the same either way.
 */
class PartCollectorTest {
    private static final WorkloadParser PARSER = ModelPresets.workloadParser();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("workloads"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static String plan(Workload w, int top, PartCollector.Building building) {
        Planner planner = new Planner(CatalogLoader.embedded(), ConstraintEngine.standard(), PlanOptions.defaults("test").withTop(top),
                LocalDate.of(2026, 8, 1), building);
        return JsonRenderer.render(planner.plan(List.of(w)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void offersBuiltWhenShownEqualOffersBuiltAtOnce(Path file) throws IOException {
        String yaml = Files.readString(file);
        for (String variant : List.of(yaml, yaml.replaceFirst("(?m)^regions:.*$", "regions: [any]"))) {
            Workload w = PARSER.parse(file.toString(), variant);
            for (int top : new int[] {1, 5, 1000}) {
                String lazy = plan(w, top, PartCollector.Building.WHEN_SHOWN);
                String eager = plan(w, top, PartCollector.Building.AT_ONCE);
                assertThat(lazy).as(file + " top " + top).isEqualTo(eager);
            }
        }
    }
}
