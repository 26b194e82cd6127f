package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import dev.mlplan.workload.DataSize;
import org.junit.jupiter.api.Test;

/** catalog.price, s3.block-io, efs.throughput and local.availability. */
class OtherRulesTest {

    @Test
    void capacityBlockOnlyTypeIsNotPurchasableOnDemand() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("trn2.48xlarge"), 1), training(true, 10, 96, 5), 0);
        assertThat(new PriceAvailabilityRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("catalog.price");
            assertThat(v.reason()).isEqualTo("trn2.48xlarge has no on-demand, spot or reserved price in us-east-1 (not purchasable on demand: capacity blocks only)");
        });
    }

    @Test
    void pricedTypePasses() {
        var f = trainingFacts(workload(TRAINING_YAML), Candidate.ec2(Part.TRAINING, type("p4d.24xlarge"), 1), training(true, 10, 40, 5), 0);
        assertThat(new PriceAvailabilityRule().check(f)).isEmpty();
    }

    @Test
    void s3AloneCannotServeBlockIops() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new S3BlockIoRule().check(f)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("s3.block-io"));
        var staged = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard+ebs", 1), storage(0, 0, 1, 1, 50000, 0, 1));
        assertThat(new S3BlockIoRule().check(staged)).isEmpty();
    }

    @Test
    void efsClientThroughputIsCapped() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.EFS, "efs-standard", 1), storage(0, 0, 1, 1, 0, 600 * DataSize.MIB, 1));
        assertThat(new EfsThroughputRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("efs.throughput");
            assertThat(v.reason()).isEqualTo("each instance needs 600 MiB/s; one EFS client reads at most 500 MiB/s");
        });
        var ok = storageFacts(workload(STORAGE_YAML), storage(Service.EFS, "efs-standard", 1), storage(0, 0, 1, 1, 0, 400 * DataSize.MIB, 8));
        assertThat(new EfsThroughputRule().check(ok)).isEmpty();
    }

    @Test
    void aLocalMachineCannotBeMultiAz() {
        var w = workload(INFERENCE_YAML + "  availability: multi-az\n");
        var c = new Candidate(Part.INFERENCE, Service.LOCAL, null, "rtx-4090", 1, 0);
        var f = inferenceFacts(w, c, inferenceRequirements("llama-2-7b", true, 20, 3000), inference(true, 15, 24, 30, 1000), 1);
        assertThat(new LocalAvailabilityRule().check(f)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("local.availability"));
    }
}
