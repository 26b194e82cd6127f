package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class MaxNodesRuleTest {
    private final MaxNodesRule rule = new MaxNodesRule();

    @Test
    void eliminatesAFleetLargerThanMaxNodes() {
        var w = workload("constraints: { max_nodes: 4 }\n" + INFERENCE_YAML);
        var f = inferenceFacts(w, Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 5), inferenceRequirements("llama-2-7b", true, 20, 3000),
                inference(true, 15, 22, 4.5, 1000), 5);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.max-nodes");
            assertThat(v.reason()).isEqualTo("peak traffic of 20/s needs 5 × g5.xlarge at 4.5 requests/s each; constraints.max_nodes is 4");
        });
    }

    @Test
    void passesAtMaxNodes() {
        var w = workload("constraints: { max_nodes: 4 }\n" + INFERENCE_YAML);
        var f = inferenceFacts(w, Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 4), inferenceRequirements("llama-2-7b", true, 20, 3000),
                inference(true, 15, 22, 6, 1000), 4);
        assertThat(rule.check(f)).isEmpty();
    }
}
