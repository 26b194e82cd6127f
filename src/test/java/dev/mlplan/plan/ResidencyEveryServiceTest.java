package dev.mlplan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlplan.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * constraints.residency (residency.region) judges every compute offer of every part and service, not
 * only EC2's: Lambda, SageMaker Serverless, SageMaker endpoints and Fargate were offered outside the
 * residency (rank 1 of a distilbert service with residency [eu] was Lambda in ap-east-2), and so was a
 * batch part's Lambda. With regions: [any] and residency: [eu], every option shown, and every
 * alternative region of it, lies in the EU's six regions, and each service still has an option there.
 */
class ResidencyEveryServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The EU member states' AWS regions (not eu-west-2 London, nor eu-central-2 Zurich). */
    private static final Set<String> EU = Set.of("eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2");

    /** A sporadic service at 100 requests a day (Lambda and SageMaker Serverless cheapest) and a steady one at 5/s (Fargate, endpoints), with storage. */
    private static final String INFERENCE = """
            version: 2
            name: res-inf
            regions: [any]
            constraints: { residency: [eu] }
            inference:
              - name: sporadic
                model: { preset: distilbert, precision: fp32 }
                traffic: { average: 100/day, peak: 1/s, pattern: sporadic }
                latency_p99: 5s
                availability: single
              - name: steady
                model: { preset: distilbert, precision: fp32 }
                traffic: { average: 5/s, peak: 10/s, pattern: steady }
                latency_p99: 2s
                availability: single
            storage:
              data: 2 TB
              reads: 1/s
            """;

    /** A LoRA fine-tune (EC2, SageMaker training) and a batch job (EC2, Lambda, SageMaker batch transform). */
    private static final String TRAINING_AND_BATCH = """
            version: 2
            name: res-train
            regions: [any]
            constraints: { residency: [eu] }
            training:
              model: { preset: llama-2-7b, precision: bf16 }
              method: lora
              dataset: { size: 40 GB, tokens: 100M, location: s3 }
              runs_per_month: 2
            batch:
              model: { preset: distilbert }
              items: 1000000
              runs_per_month: 4
              deadline: 6h
            """;

    private static final Map<String, JsonNode> PLANS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    private static JsonNode plan(String name, String yaml) {
        return PLANS.computeIfAbsent(name, k -> {
            try {
                Files.writeString(dir.resolve(name + ".yaml"), yaml, StandardCharsets.UTF_8);
                CliRun r = CliRun.run(Map.of(), dir, "recommend", name + ".yaml", "--format", "json", "--top", "1000");
                assertThat(r.exitCode()).as(r.err()).isZero();
                return JSON.readTree(r.out()).at("/workloads/0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} part {1}: {2}")
    @CsvSource({
        "inference, 0, ec2", "inference, 0, lambda", "inference, 0, sagemaker-serverless",
        "inference, 1, ec2", "inference, 1, fargate", "inference, 1, sagemaker-endpoint",
        "training, 0, ec2", "training, 0, sagemaker-training",
        "batch, 1, ec2", "batch, 1, lambda", "batch, 1, sagemaker-batch-transform"})
    void everyServiceIsOfferedOnlyInsideTheResidency(String kind, int part, String service) {
        JsonNode w = kind.equals("inference") ? plan("inference", INFERENCE) : plan("training", TRAINING_AND_BATCH);
        JsonNode p = w.at("/parts/" + part);
        assertThat(p.get("part").asText()).isEqualTo(kind);
        List<String> regions = new ArrayList<>();
        for (JsonNode o : p.get("options")) {
            if (o.get("service").asText().equals(service)) {
                regions.add(o.get("region").asText());
                for (JsonNode a : o.path("alternatives")) {
                    regions.add(a.get("region").asText());
                }
            }
        }
        assertThat(regions).as(service + " is offered somewhere in the EU").isNotEmpty();
        assertThat(regions).as(service + " offers").allMatch(EU::contains);
        // the offers left out are eliminations naming the rule, a region and the residency
        Set<String> eliminatedBy = new HashSet<>();
        for (JsonNode e : p.get("eliminated")) {
            if (e.get("rule").asText().equals("residency.region") && e.get("service").asText().equals(service)) {
                eliminatedBy.add(e.get("reason").asText());
            }
        }
        assertThat(eliminatedBy).as(service + " eliminated by residency.region").isNotEmpty()
                .allMatch(r -> r.contains("is outside constraints.residency [eu]") && !EU.contains(r.substring(0, r.indexOf(' '))));
    }

    @Test
    void everyOptionOfEveryPartIsInsideTheResidency() {
        for (JsonNode w : List.of(plan("inference", INFERENCE), plan("training", TRAINING_AND_BATCH))) {
            for (JsonNode p : w.get("parts")) {
                assertThat(p.get("options")).as(p.get("part").asText()).isNotEmpty();
                for (JsonNode o : p.get("options")) {
                    assertThat(o.get("region").asText()).as(o.get("id").asText()).isIn(EU);
                }
            }
        }
    }

    /**
     * regions: [us-east-1] with residency [eu-west-1]: nothing can run. Every compute service is
     * eliminated by residency.region in us-east-1 (only EC2 was), and a warning says why once.
     */
    @Test
    void aResidencyThatAllowsNoneOfTheRegionsEliminatesEveryServiceAndSaysSo() {
        JsonNode w = plan("conflict", """
                version: 2
                name: res-us
                regions: [us-east-1]
                constraints: { residency: [eu-west-1] }
                inference:
                  model: { preset: distilbert, precision: fp32 }
                  traffic: { average: 100/day, peak: 1/s, pattern: sporadic }
                  latency_p99: 5s
                  availability: single
                """);
        assertThat(w.get("warnings").toString()).contains("constraints.residency [eu-west-1] allows none of regions [us-east-1]")
                .contains("residency.region");
        JsonNode p = w.at("/parts/0");
        assertThat(p.get("options")).isEmpty();
        Set<String> services = new HashSet<>();
        for (JsonNode e : p.get("eliminated")) {
            if (e.get("rule").asText().equals("residency.region")) {
                services.add(e.get("service").asText());
                assertThat(e.get("reason").asText()).startsWith("us-east-1 is outside constraints.residency [eu-west-1]");
            }
        }
        assertThat(services).contains("ec2", "lambda", "sagemaker-serverless", "sagemaker-endpoint", "fargate");
    }
}
