package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instance.max-nodes}: see {@link MaxNodesRule}. */
class MaxNodesRuleTest {
    private final MaxNodesRule rule = new MaxNodesRule();

    @Test
    void eliminatesAFleetLargerThanMaxNodes() {
        var f = inference().maxNodes(4).peak(20).requestsPerSecondEach(4.5).on(instances(5, "g5.xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.max-nodes");
            assertThat(v.reason()).isEqualTo("peak traffic of 20/s needs 5 × g5.xlarge at 4.5 requests/s each; constraints.max_nodes is 4");
        });
    }

    @Test
    void passesAtMaxNodes() {
        var f = inference().maxNodes(4).peak(20).requestsPerSecondEach(6).on(instances(4, "g5.xlarge"));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void eliminatesABatchJobWhoseDeadlineNeedsMoreThanMaxNodes() {
        var f = batch().maxNodes(16).deadline("6h").itemsPerSecondEach(294).nodesNeeded(17).on(instances(16, "inf1.6xlarge"));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("the 6 h deadline needs 17 × inf1.6xlarge at 294 items/s each; constraints.max_nodes is 16"));
    }

    @Test
    void passesABatchJobWithinMaxNodes() {
        assertThat(rule.check(batch().maxNodes(16).deadline("6h").nodesNeeded(16).on(instances(16, "inf1.6xlarge")))).isEmpty();
    }
}
