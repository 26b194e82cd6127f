package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import dev.mlplan.workload.DataSize;
import org.junit.jupiter.api.Test;

/** {@code ebs.throughput}: see {@link EbsThroughputRule}. */
class EbsThroughputRuleTest {
    @Test
    void throughputOverTheVolumeMaximumIsEliminated() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp2", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EbsThroughputRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.throughput");
            assertThat(v.reason()).isEqualTo("needs 600 MiB/s; a gp2 volume delivers at most 250 MiB/s");
        });
        var gp3 = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "gp3", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EbsThroughputRule().check(gp3)).isEmpty();
    }
}
