package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.access}: see {@link EbsAccessRule}. */
class EbsAccessRuleTest {
    private final EbsAccessRule rule = new EbsAccessRule();

    @Test
    void coldHddIsNotOfferedForFrequentlyReadData() {
        assertThat(rule.check(storage().access("frequent").on(volume("sc1")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.access");
            assertThat(v.reason()).startsWith("sc1 is Cold HDD for infrequently accessed data");
        });
    }

    @Test
    void coldHddIsFineForInfrequentAccessAndOtherTypesAlways() {
        assertThat(rule.check(storage().access("infrequent").on(volume("sc1")))).isEmpty();
        assertThat(rule.check(storage().access("frequent").on(volume("st1")))).isEmpty();
    }
}
