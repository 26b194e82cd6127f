package dev.mlplan.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** EC2 Capacity Blocks for ML: whole days, 1–14 in 1-day steps, then 7-day steps up to 182 days, paid up front. */
class CapacityBlockTest {
    @ParameterizedTest(name = "{0} h → {1} days")
    @CsvSource({
        "0.5, 1", "23.5, 1", "23.6, 2", "47, 2", "100, 5", "335.5, 14", "336, 21", "500, 21", "505, 28",
    })
    void aRunGetsTheShortestBlockItFitsIn(double runHours, int days) {
        // a run must end 30 min before its block: 23.5 h fits one day, 23.6 h needs two
        assertThat(CapacityBlock.forRun(runHours).orElseThrow().days()).isEqualTo(days);
        assertThat(CapacityBlock.forRun(runHours).orElseThrow().hours()).isEqualTo(days * 24.0);
    }

    @Test
    void beyondFourteenDaysBlocksGrowByWeeksUpTo182Days() {
        assertThat(CapacityBlock.forRun(14 * 24 - 0.5).orElseThrow().days()).isEqualTo(14);
        assertThat(CapacityBlock.forRun(14 * 24).orElseThrow().days()).isEqualTo(21);
        assertThat(CapacityBlock.forRun(474).orElseThrow().days()).isEqualTo(21);
        assertThat(CapacityBlock.forRun(182 * 24 - 0.5).orElseThrow().hours()).isEqualTo(182 * 24);
        assertThat(CapacityBlock.forRun(182 * 24)).isEmpty();
    }

    @Test
    void aTrainingRunOnACapacityBlockIsPricedByTheDayAndPaidUpFront() throws Exception {
        // llama3-70b-pretrain (us-east-1, us-west-2): p5e.48xlarge is sold in us-west-2 only as capacity blocks at $39.799/h;
        // a 474 h run on 9 nodes books 21 days: 504 h × 9 × $39.799 = $180,528.26 per run, paid up front
        CliRun r = CliRun.run("recommend", "workloads/llama3-70b-pretrain.yaml", "--format", "json", "--top", "20");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode block = null;
        for (JsonNode o : new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0/options")) {
            if (o.get("pricing").asText().equals("capacity-block") && o.get("instanceType").asText().equals("p5e.48xlarge")) {
                block = o;
            }
        }
        assertThat(block).isNotNull();
        assertThat(block.get("count").asInt()).isEqualTo(9);
        assertThat(block.get("upfrontUsd").asDouble()).isEqualTo(block.get("usdPerRun").asDouble());
        assertThat(block.get("usdPerRun").asDouble()).isCloseTo(504 * 9 * 39.799, org.assertj.core.api.Assertions.within(0.01));
        assertThat(block.get("notes").toString()).contains("capacity block: 21 days × 9 instances per run");
    }
}
