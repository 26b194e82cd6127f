package dev.mlplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on capacity blocks books one block for its concurrent trials over all its waves (they reuse
 * the instances), not one block per trial; max_upfront judges that whole block. Hand figures: 20
 * trials, 4 at a time, 5 waves × 2.45 h = 12.25 h → a 1-day block × 4 trn1.32xlarge × $9.532/h.
 */
class CapacityBlockSweepTest {
    @TempDir
    Path tmp;

    private static final String SWEEP = """
            version: 2
            name: sweep-cb
            regions: [us-east-1]
            constraints: {max_nodes: 8, pricing: [capacity-block]%s}
            training:
              model: { preset: llama-3.2-1b }
              dataset: { size: 4 GB, tokens: 1B }
              trials: 20
              concurrency: 4
              deadline: 24h
            """;

    private JsonNode part(Cli cli, String extraConstraints) throws Exception {
        cli.write("sweep.yaml", SWEEP.formatted(extraConstraints));
        Cli.Result r = cli.run("recommend", "sweep.yaml", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0");
    }

    @Test
    void oneBlockHoldsTheConcurrentTrialsForTheWholeSweep() throws Exception {
        JsonNode first = part(Cli.withWorkloads(tmp), "").at("/options/0");
        assertThat(first.get("instanceType").asText()).isEqualTo("trn1.32xlarge");
        assertThat(first.get("sweepHours").asDouble()).isCloseTo(12.25, within(0.05));
        double block = 24 * 4 * 9.532;
        assertThat(first.get("upfrontUsd").asDouble()).isCloseTo(block, within(0.01));
        assertThat(first.get("usdPerSweep").asDouble()).isCloseTo(block, within(0.01));
        assertThat(first.get("monthlyUsd").asDouble()).isCloseTo(block, within(0.01));
        assertThat(first.get("usdPerRun").asDouble()).as("one trial's share").isCloseTo(block / 20, within(0.01));
        assertThat(first.at("/costs/0/quantity").asDouble()).isEqualTo(96);
    }

    @Test
    void maxUpfrontJudgesTheWholeBlock() throws Exception {
        JsonNode part = part(Cli.withWorkloads(tmp), ", max_upfront: 900 USD");
        assertThat(part.get("options")).noneMatch(o -> o.get("instanceType").asText().equals("trn1.32xlarge"));
        assertThat(part.get("eliminated")).anyMatch(e -> e.get("rule").asText().equals("pricing.max-upfront")
                && e.get("reason").asText().startsWith("capacity-block: $915.07 paid up front per sweep (1-day block × 4 instances × $9.53/h)"));
    }
}
