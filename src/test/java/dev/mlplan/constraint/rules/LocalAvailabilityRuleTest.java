package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code local.availability}: see {@link LocalAvailabilityRule}. */
class LocalAvailabilityRuleTest {
    private final LocalAvailabilityRule rule = new LocalAvailabilityRule();

    @Test
    void aLocalMachineCannotBeMultiAz() {
        var f = inference().model("llama-2-7b").availability("multi-az").on(local("rtx-4090"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("local.availability");
            assertThat(v.reason()).isEqualTo("the service must be multi-AZ; a local machine is one machine in one place");
        });
    }

    @Test
    void aLocalMachineCannotServeTrafficThatNeedsSeveral() {
        var f = inference().model("llama-2-7b").peak(20).requestsPerSecondEach(8).instancesNeeded(3).on(local("rtx-4090"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).isEqualTo("peak traffic needs 3 machines like it; there is one"));
    }

    @Test
    void aLocalMachineServesASingleInstanceServiceItCanCarry() {
        var f = inference().model("llama-2-7b").availability("single").peak(20).requestsPerSecondEach(30).instancesNeeded(1).on(local("rtx-4090"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void aMultiAzServiceOnEc2IsNotThisRulesConcern() {
        var f = inference().model("llama-2-7b").availability("multi-az").on(instances(2, "g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }
}
