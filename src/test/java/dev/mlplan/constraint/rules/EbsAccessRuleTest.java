package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

/** {@code ebs.access}: see {@link EbsAccessRule}. */
class EbsAccessRuleTest {
    private final EbsAccessRule rule = new EbsAccessRule();

    @Test
    void coldHddIsNotOfferedForFrequentlyReadData() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "sc1", 1), storage(0, 0, 1, 1, 0, 0, 1));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.access");
            assertThat(v.reason()).startsWith("sc1 is Cold HDD for infrequently accessed data");
        });
    }

    @Test
    void coldHddIsFineForInfrequentAccessAndOtherTypesAlways() {
        var infrequent = storageFacts(workload(STORAGE_YAML + "  access: infrequent\n"), storage(Service.EBS, "sc1", 1), storage(0, 0, 1, 1, 0, 0, 1));
        assertThat(rule.check(infrequent)).isEmpty();
        var st1 = storageFacts(workload(STORAGE_YAML), storage(Service.EBS, "st1", 1), storage(0, 0, 1, 1, 0, 0, 1));
        assertThat(rule.check(st1)).isEmpty();
    }
}
