package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14, spot realism: a spot price at AWS's floor, stale spot data, and a deadline one interruption breaks are said on the option. */
class SpotRealismTest {
    private static Workload.Training training(String deadline) {
        return new Workload.Training(null, Workload.Method.FULL, null, Optional.empty(), 1, 1,
                Optional.of(new TimeSpan(dev.mlplan.workload.QuantityParser.parse(deadline, dev.mlplan.workload.QuantityParser.Dimension.DURATION,
                        false).value())), Optional.empty(), true);
    }

    @Test
    void aMultiNodeRunWhoseMarginCannotAbsorbOneInterruptionIsWarned() {
        // 11 h on 4 nodes, 12 h deadline, checkpoints every hour, 25 min restart: one interruption ends the run at 12.4 h
        assertThat(TrainingPlanner.oneInterruptionPastDeadline(training("12h"), 4, 11.0, 1.0, 25 / 60.0)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("spot: one interruption (restart 25 min + up to 1 h of lost work since the last checkpoint) would end the run at 12.4 h,"
                        + " past the 12 h deadline"));
        // without checkpoints the whole run is lost
        assertThat(TrainingPlanner.oneInterruptionPastDeadline(training("20h"), 4, 11.0, 0, 25 / 60.0)).hasValueSatisfying(n -> assertThat(n)
                .contains("no checkpoints").contains("22.4 h"));
        // a margin that absorbs it, or a single node: no warning
        assertThat(TrainingPlanner.oneInterruptionPastDeadline(training("13h"), 4, 11.0, 1.0, 25 / 60.0)).isEmpty();
        assertThat(TrainingPlanner.oneInterruptionPastDeadline(training("12h"), 1, 11.0, 1.0, 25 / 60.0)).isEmpty();
    }

    @Test
    void aSpotPriceAtTheFloorAndStaleSpotDataAreOnTheOption() throws Exception {
        CliRun r = CliRun.run("recommend", "workloads/llama3-70b-pretrain.yaml", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0/options/0");
        assertThat(first.get("pricing").asText()).isEqualTo("spot");
        List<String> notes = new ArrayList<>();
        first.get("notes").forEach(n -> notes.add(n.asText()));
        // trn1n.32xlarge spot in us-east-1 is $2.48/h against $24.78/h on demand: exactly AWS's 90% floor
        assertThat(notes).anyMatch(n -> n.startsWith("spot: $2.48/h is at AWS's floor of 10% of on-demand ($24.78/h)"));
        // the catalog's spot prices are of 2025-11-30; the tests run on 2026-11-21
        assertThat(notes).anyMatch(n -> n.startsWith("spot: price data of 2025-11-30, 356 days old"));
    }
}
