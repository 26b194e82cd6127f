package dev.mlplan.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.workload.WorkloadParser.Position;
import org.junit.jupiter.api.Test;

/** {@link WorkloadParser#position}: where a key stands, for CI annotations (check's budget line). */
class WorkloadPositionTest {
    @Test
    void nestedKeyInBlockAndFlowStyle() {
        String block = "version: 1\nname: a\nbudget:\n  warn_at: 75%\n  monthly: 500 USD\n";
        assertThat(WorkloadParser.position(block, "budget", "monthly")).contains(new Position(5, 3));
        assertThat(WorkloadParser.position(block, "budget")).contains(new Position(3, 1));
        String flow = "\uFEFFversion: 1\nbudget: { monthly: 500 USD }\n";
        assertThat(WorkloadParser.position(flow, "budget", "monthly")).contains(new Position(2, 11));
    }

    @Test
    void absentKeyOrUnreadableTextIsEmpty() {
        assertThat(WorkloadParser.position("version: 1\nbudget: 500\n", "budget", "monthly")).isEmpty();
        assertThat(WorkloadParser.position("version: 1\n", "budget", "monthly")).isEmpty();
        assertThat(WorkloadParser.position("a: [unclosed\n", "a")).isEmpty();
        assertThat(WorkloadParser.position("", "budget")).isEmpty();
    }
}
