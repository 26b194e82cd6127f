package dev.mlplan.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14: accelerator memory published in GB was read as GiB (an A10G's "24 GB" is 22,888 MiB =
 * 22.35 GiB as EC2's DescribeInstanceTypes reports it), so a model needing 23.3 GiB was placed on one
 * A10G. The accelerator table is the one figure of a chip's memory; instance types carry count × it.
 */
class AcceleratorMemoryTest {
    private final CatalogDocument embedded = CatalogLoader.embedded().document();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1} MiB")
    @CsvSource({
        // GpuInfo.Gpus[].MemoryInfo.SizeInMiB of g5, g6, g6e, g4dn, p4d, p4de, p5, p5en, p6-b200 (Karpenter's
        // instance-types reference, generated from EC2 DescribeInstanceTypes, 2026-07-11)
        "A10G, 22888", "L4, 22888", "L40S, 45776", "T4, 16384", "A100-40GB, 40960", "A100-80GB, 81920", "H100, 81920",
        "H200, 144384", "B200, 183359",
        // AWS Neuron hardware pages: 32 GiB per Trainium1 / Inferentia2 chip, 96 GiB per Trainium2
        "Trainium1, 32768", "Inferentia2, 32768", "Trainium2, 98304",
        // g6f / gr6f: an eighth, a quarter and a half of an L4 (GpuInfo.Gpus[].MemoryInfo.SizeInMiB, count 0)
        "L4-1/8, 2861", "L4-1/4, 5722", "L4-1/2, 11444",
    })
    void aChipHasTheMemoryEc2Reports(String chip, int mib) {
        Accelerator a = embedded.accelerators().stream().filter(x -> x.name().equals(chip)).findFirst().orElseThrow();
        assertThat(a.memoryGiB()).isEqualTo(mib / 1024.0);
    }

    @Test
    void everyInstanceTypeCarriesItsChipsMemoryTimesTheirCount() {
        Map<String, Accelerator> table = embedded.accelerators().stream().collect(Collectors.toMap(Accelerator::name, Function.identity()));
        assertThat(embedded.instanceTypes()).filteredOn(InstanceType::hasAccelerator)
                .filteredOn(t -> !t.accelerators().name().equals("K80")) // p2.16xlarge lists a K80 board (2 GPUs) per device
                .allSatisfy(t -> assertThat(t.accelerators().memoryGiB()).as(t.name())
                        .isEqualTo(t.accelerators().count() * table.get(t.accelerators().name()).memoryGiB()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"g6f.large, L4-1/8", "g6f.xlarge, L4-1/8", "g6f.2xlarge, L4-1/4", "g6f.4xlarge, L4-1/2", "gr6f.4xlarge, L4-1/2"})
    void aFractionalGpuTypeCarriesOneFractionOfAnL4WithAShareOfItsComputeAndBandwidth(String type, String fraction) {
        InstanceType t = embedded.instanceTypes().stream().filter(x -> x.name().equals(type)).findFirst().orElseThrow();
        assertThat(t.accelerators().name()).isEqualTo(fraction);
        assertThat(t.accelerators().count()).isEqualTo(1);
        Accelerator part = embedded.accelerators().stream().filter(x -> x.name().equals(fraction)).findFirst().orElseThrow();
        Accelerator l4 = embedded.accelerators().stream().filter(x -> x.name().equals("L4")).findFirst().orElseThrow();
        double share = part.memoryGiB() / l4.memoryGiB();
        assertThat(part.fractional()).isTrue();
        assertThat(l4.fractional()).isFalse();
        assertThat(part.bf16Tflops()).isCloseTo(l4.bf16Tflops() * share, within(1e-9));
        assertThat(part.bandwidthGBs()).isCloseTo(l4.bandwidthGBs() * share, within(1e-9));
    }

    @Test
    void aModelNeedingMoreThanAnA10GHasIsNotPlacedOnOne() throws Exception {
        // a 9.9B-parameter fp16 model: 18.4 GiB of weights, 23.3 GiB to serve by mlplan's own rule; 24 "GB" would fit it
        Files.writeString(dir.resolve("w.yaml"), """
                version: 1
                name: a10g-fit
                constraints: { families: { include: [g5] } }
                inference:
                  model: { parameters: 9.9B, architecture: transformer, precision: fp16 }
                  traffic: { average: 1/s }
                  tokens_in: 200
                  tokens_out: 100
                """, StandardCharsets.UTF_8);
        CliRun r = CliRun.run(Map.of(), dir, "recommend", "w.yaml", "--top", "50");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("| g5.xlarge ").doesNotContain("| g5.2xlarge ")
                .containsPattern("instance\\.accelerator-memory \\(g5\\.[0-9a-z]+.*serving needs 23\\.\\d GiB; g5\\.[0-9a-z]+ \\(1 × A10G\\) has 22\\.4 GiB");
    }
}
