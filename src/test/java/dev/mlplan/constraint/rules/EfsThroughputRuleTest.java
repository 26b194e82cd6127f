package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import dev.mlplan.workload.DataSize;
import org.junit.jupiter.api.Test;

/** {@code efs.throughput}: see {@link EfsThroughputRule}. */
class EfsThroughputRuleTest {
    @Test
    void efsClientThroughputIsCapped() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EFS, "efs-standard", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EfsThroughputRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("efs.throughput");
            assertThat(v.reason()).isEqualTo("each instance needs 600 MiB/s; one EFS client reads at most 500 MiB/s");
        });
        var ok = storageFacts(workload(STORAGE_YAML), storage(Service.EFS, "efs-standard", 1), storage(0, 0, 1, 1, 0, 400 * DataSize.MIB, 8));
        assertThat(new EfsThroughputRule().check(ok)).isEmpty();
    }
}
