package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Candidate;
import dev.mlplan.constraint.Part;
import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

/**
 * The SageMaker Serverless Inference and Fargate rules ({@code sagemaker-serverless.memory},
 * {@code .duration}, {@code .concurrency}, {@code .gpu}; {@code fargate.memory}, {@code fargate.gpu}),
 * which share their logic with the Lambda rules through one base class per kind of limit.
 */
class ServerlessRulesTest {
    private static Candidate serverless(double mb) {
        return new Candidate(Part.INFERENCE, Service.SAGEMAKER_SERVERLESS, null, "serverless-" + (int) mb + "mb", 1, mb);
    }

    private static Candidate fargate() {
        return new Candidate(Part.INFERENCE, Service.FARGATE, null, "fargate-16vcpu-120gb", 1, 120000);
    }

    @Test
    void limitsAreThoseOfLimitsMd() {
        assertThat(CATALOG.limit(SageMakerServerlessMemoryRule.LIMIT).value()).isEqualTo(6144);
        assertThat(CATALOG.limit(SageMakerServerlessDurationRule.LIMIT).value()).isEqualTo(60);
        assertThat(CATALOG.limit(SageMakerServerlessConcurrencyRule.LIMIT).value()).isEqualTo(200);
        assertThat(CATALOG.limit(FargateMemoryRule.LIMIT).value()).isEqualTo(120);
    }

    @Test
    void serverlessMemoryCeilingIsSixGigabytes() {
        var f = inferenceFacts(workload(INFERENCE_YAML), serverless(6144), inferenceRequirements("bert-large", false, 1, 0), inference(false, 7, 6, 1, 100), 1);
        assertThat(new SageMakerServerlessMemoryRule().check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("sagemaker-serverless.memory");
            assertThat(v.reason()).isEqualTo("serving the model needs 7 GiB (weights loaded with about 2× overhead); a SageMaker Serverless endpoint has at most 6,144 MB");
        });
    }

    @Test
    void serverlessInvocationsEndAfterSixtySeconds() {
        var f = inferenceFacts(workload(INFERENCE_YAML), serverless(2048), inferenceRequirements("bert-base", false, 1, 0), inference(true, 1, 2, 0.01, 61_000), 1);
        assertThat(new SageMakerServerlessDurationRule().check(f)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("one request takes 1.02 min; SageMaker Serverless ends an invocation after 1 min"));
    }

    @Test
    void serverlessConcurrencyIsTwoHundredPerEndpoint() {
        var f = inferenceFacts(workload(INFERENCE_YAML), serverless(2048), inferenceRequirements("bert-base", false, 500, 0), inference(true, 1, 2, 2, 500), 1);
        assertThat(new SageMakerServerlessConcurrencyRule().check(f)).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("peak traffic needs about 250 concurrent invocations; MaxConcurrency of one endpoint is 200"));
    }

    @Test
    void neitherServerlessNorFargateGeneratesTokens() {
        var llm = inferenceRequirements("llama-2-7b", true, 1, 0);
        assertThat(new SageMakerServerlessGpuRule().check(inferenceFacts(workload(INFERENCE_YAML), serverless(6144), llm, inference(true, 5, 6, 1, 100), 1)))
                .hasValueSatisfying(v -> assertThat(v.reason()).endsWith("SageMaker Serverless Inference has no GPU"));
        assertThat(new FargateGpuRule().check(inferenceFacts(workload(INFERENCE_YAML), fargate(), llm, inference(true, 30, 110, 1, 100), 1)))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("fargate.gpu"));
        var bert = inferenceRequirements("bert-base", false, 1, 0);
        assertThat(new FargateGpuRule().check(inferenceFacts(workload(INFERENCE_YAML), fargate(), bert, inference(true, 1, 110, 100, 50), 1))).isEmpty();
    }

    @Test
    void fargateTasksHaveAtMost120Gb() {
        var f = inferenceFacts(workload(INFERENCE_YAML), fargate(), inferenceRequirements("llama-2-70b", false, 1, 0), inference(false, 280, 111, 1, 100), 1);
        assertThat(new FargateMemoryRule().check(f)).hasValueSatisfying(v -> assertThat(v.reason()).endsWith("a Fargate task has at most 120 GB"));
    }
}
