package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.TrainingRequirements;
import dev.mlplan.workload.Workload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code instance.accelerator-support}: see {@link AcceleratorSupportRule}. */
class AcceleratorSupportRuleTest {
    private final AcceleratorSupportRule rule = new AcceleratorSupportRule();

    @Test
    void keplerGpusAreRuledOut() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p2.xlarge"), 1), training(true, 1, 11, 1), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("instance.accelerator-support");
            assertThat(v.reason()).isEqualTo("K80 (p2): CUDA compute capability 3.7; current PyTorch (CUDA 12) needs 5.0 or newer");
        });
    }

    @Test
    void radeonGraphicsGpusAreRuledOut() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("g4ad.xlarge"), 1), training(true, 1, 7, 1), 0);
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).startsWith("Radeon-Pro-V520 (g4ad)"));
    }

    @Test
    void qloraNeedsAnNvidiaGpu() {
        var w = workload(TRAINING_YAML.replace("  deadline: 12h\n", "  method: qlora\n"));
        var req = new TrainingRequirements(RuleFixtures.trainingRequirements("llama-2-7b").model(), Workload.Method.QLORA, 1e18, 4e9, 1e9, 1e9, 1,
                List.of(), 1e8, 1.5);
        var trn = new Facts(w, CATALOG, Candidate.ec2(Part.TRAINING, type("trn1.2xlarge"), 1), Optional.of(req), Optional.of(training(true, 5, 30, 5)),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
        assertThat(rule.check(trn)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("QLoRA's 4-bit kernels (bitsandbytes) need an NVIDIA GPU; Trainium1 (trn1) runs the Neuron SDK, which has none (use method: lora)"));
        var gpu = new Facts(w, CATALOG, Candidate.ec2(Part.TRAINING, type("g5.xlarge"), 1), Optional.of(req), Optional.of(training(true, 5, 22, 5)),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
        assertThat(rule.check(gpu)).isEmpty();
    }

    @Test
    void currentNvidiaAndNeuronPartsPass() {
        for (String t : List.of("p4d.24xlarge", "g6e.xlarge", "trn1.32xlarge", "inf2.xlarge")) {
            var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type(t), 1), training(true, 1, 20, 1), 0);
            assertThat(rule.check(f)).as(t).isEmpty();
        }
    }
}
