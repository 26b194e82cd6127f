package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.deadline}: see {@link DeadlineRule}. */
class DeadlineRuleTest {
    private final DeadlineRule rule = new DeadlineRule();

    @Test
    void eliminatesARunLongerThanTheDeadline() {
        var f = training().deadline("12h").hoursPerRun(31.2).on(instance("p3.2xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.deadline");
            assertThat(v.reason()).isEqualTo("one run takes 31.2 h on 1 × V100 (p3.2xlarge); the deadline is 12 h");
        });
    }

    @Test
    void passesARunThatEndsExactlyAtTheDeadline() {
        var f = training().deadline("12h").hoursPerRun(12.0).on(instance("p4d.24xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutADeadline() {
        var f = training().hoursPerRun(1000).on(instance("p3.2xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void leavesAModelThatDoesNotFitToTheMemoryRule() {
        var f = training().deadline("12h").needsGiBPerAccelerator(100).acceleratorHasGiB(16).hoursPerRun(100).on(instance("p3.2xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void eliminatesABatchRunLongerThanItsDeadline() {
        var f = batch().deadline("6h").itemsPerSecondEach(294).hoursPerRun(6.07).on(instances(64, "inf1.2xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("one run takes 6.07 h on 64 × inf1.2xlarge at 294 items/s each; the deadline is 6 h"));
    }

    @Test
    void passesABatchRunWithinItsDeadlineOrWithoutOne() {
        assertThat(rule.check(batch().deadline("6h").hoursPerRun(5.96).on(instances(22, "inf2.xlarge")))).isEmpty();
        assertThat(rule.check(batch().hoursPerRun(500).on(instance("inf2.xlarge")))).isEmpty();
    }

    @Test
    void aBatchRunIsNotJudgedByTheTrainingDeadline() {
        // the batch part's facts carry the batch deadline; a training deadline elsewhere in the file does not apply
        var f = batch().hoursPerRun(20).on(instance("g5.xlarge"));
        assertThat(f.runDeadline()).isEmpty();
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void theDeadlineAppliesToTheWholeSweep() {
        // 12 trials, 4 at a time: 3 waves × 5.2 h = 15.6 h; each run alone would meet 12 h
        var f = training().deadline("12h").trials(12, 4).hoursPerRun(5.2).on(instance("p4d.24xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("one sweep takes 12 trials, 4 at a time: 3 waves × 5.2 h = 15.6 h on 8 × A100-40GB (p4d.24xlarge); the deadline is 12 h"));
        // 6 at a time: 2 waves × 5.2 h = 10.4 h fits
        assertThat(rule.check(training().deadline("12h").trials(12, 6).hoursPerRun(5.2).on(instance("p4d.24xlarge")))).isEmpty();
    }
}
