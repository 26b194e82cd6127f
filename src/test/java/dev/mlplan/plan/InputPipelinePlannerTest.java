package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 3: image training takes the slowest of accelerators, CPU input pipeline and storage, each named with its numbers. */
class InputPipelinePlannerTest {
    private static JsonNode training(Path file) throws Exception {
        CliRun r = CliRun.run("recommend", file.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).at("/workloads/0/parts/0");
    }

    private static String steps(JsonNode option) {
        return option.get("estimate").toString();
    }

    @Test
    void theResnetExampleIsBoundByItsHostsCpus() throws Exception {
        JsonNode first = training(Path.of("workloads/resnet50-imagenet.yaml")).at("/options/0");
        assertThat(first.get("instanceType").asText()).isEqualTo("trn1n.32xlarge");
        // 90 epochs × 1.28M images ÷ (128 vCPUs × 60 images/s) = 15,000 s = 4.17 h, + 10 min setup
        assertThat(first.get("hoursPerRun").asDouble()).isEqualTo(4.33);
        assertThat(steps(first)).contains("128 vCPUs × 60 samples/s per vCPU = 7,680 samples/s").contains("the pipeline binds")
                .contains("115 M ÷ 7,680 samples/s");
    }

    @Test
    void gpuDecodingLiftsTheCeilingOnNvidiaGpusAndEbsDataIsReadAtEbsBandwidth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.yaml");
        Files.writeString(file, """
                version: 2
                name: dali
                constraints: {families: {include: [p4d]}}
                training:
                  model: {preset: resnet-50, precision: bf16}
                  dataset: {size: 150 GB, samples: 1.28M, location: ebs}
                  epochs: 90
                  data_pipeline: gpu
                """);
        JsonNode first = training(file).at("/options/0");
        assertThat(first.get("instanceType").asText()).isEqualTo("p4d.24xlarge");
        assertThat(steps(first)).contains("DALI decodes with nvJPEG on the A100-40GB; no CPU ceiling").doesNotContain("the pipeline binds")
                .contains("Mbps EBS baseline bandwidth");
    }
}
