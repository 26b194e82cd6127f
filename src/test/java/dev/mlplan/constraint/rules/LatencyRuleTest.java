package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import org.junit.jupiter.api.Test;

class LatencyRuleTest {
    private final LatencyRule rule = new LatencyRule();

    @Test
    void eliminatesWhenP99MissesTheTarget() {
        var f = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g4dn.xlarge"), 1),
                inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 16, 1, 4200), 1);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.latency");
            assertThat(v.reason()).isEqualTo("estimated p99 latency is 4.2 s on g4dn.xlarge (1 × T4); the target is 3 s");
        });
    }

    @Test
    void passesAtTheTarget() {
        var f = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 1),
                inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 22, 1, 3000), 1);
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void passesWithoutATarget() {
        var f = inferenceFacts(workload(INFERENCE_YAML), Candidate.ec2(Part.INFERENCE, type("g5.xlarge"), 1),
                inferenceRequirements("llama-2-7b", true, 20, 0), inference(true, 15, 22, 1, 99_000), 1);
        assertThat(rule.check(f)).isEmpty();
    }
}
