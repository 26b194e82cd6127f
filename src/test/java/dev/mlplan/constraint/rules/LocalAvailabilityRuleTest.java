package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

/** {@code local.availability}: see {@link LocalAvailabilityRule}. */
class LocalAvailabilityRuleTest {
    @Test
    void aLocalMachineCannotBeMultiAz() {
        var w = workload(INFERENCE_YAML + "  availability: multi-az\n");
        var c = new Candidate(Part.INFERENCE, Service.LOCAL, null, "rtx-4090", 1, 0);
        var f = inferenceFacts(w, c, inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 24, 30, 1000), 1);
        assertThat(new LocalAvailabilityRule().check(f)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("local.availability"));
    }
}
