package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code s3.block-io}: see {@link S3BlockIoRule}. */
class S3BlockIoRuleTest {
    private final S3BlockIoRule rule = new S3BlockIoRule();

    @Test
    void s3AloneCannotServeBlockIops() {
        var blockIo = storage().iops(50000);
        assertThat(rule.check(blockIo.on(s3("s3-standard")))).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("s3.block-io"));
        assertThat(rule.check(blockIo.on(s3("s3-standard+ebs")))).isEmpty();
    }
}
