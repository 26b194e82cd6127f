package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

/** {@code s3.block-io}: see {@link S3BlockIoRule}. */
class S3BlockIoRuleTest {
    @Test
    void s3AloneCannotServeBlockIops() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new S3BlockIoRule().check(f)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("s3.block-io"));
        var staged = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard+ebs", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new S3BlockIoRule().check(staged)).isEmpty();
    }
}
