package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class DeadlineRuleTest {
    private final DeadlineRule rule = new DeadlineRule();

    @Test
    void eliminatesARunLongerThanTheDeadline() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p3.2xlarge"), 1), training(true, 10, 16, 31.2), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.deadline");
            assertThat(v.reason()).isEqualTo("one run takes 31.2 h on 1 × V100 (p3.2xlarge); the deadline is 12 h");
        });
    }

    @Test
    void passesARunThatEndsExactlyAtTheDeadline() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 12.0), 0);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutADeadline() {
        var w = workload(TRAINING_YAML.replace("  deadline: 12h\n", ""));
        var f = trainingFacts(w, Candidate.ec2(Part.TRAINING, type("p3.2xlarge"), 1), training(true, 10, 16, 1000), 0);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void leavesAModelThatDoesNotFitToTheMemoryRule() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p3.2xlarge"), 1), training(false, 100, 16, 100), 0);
        assertThat(rule.check(f)).isEmpty();
    }
}
