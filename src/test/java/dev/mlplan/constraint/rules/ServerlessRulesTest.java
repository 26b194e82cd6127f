package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The SageMaker Serverless Inference and Fargate rules ({@code sagemaker-serverless.memory},
 * {@code .duration}, {@code .concurrency}, {@code .gpu}; {@code fargate.memory}, {@code fargate.gpu}),
 * which share their logic with the Lambda rules through one base class per kind of limit.
 */
class ServerlessRulesTest {
    @Test
    void limitsAreThoseOfTheDocumentedQuotas() {
        assertThat(CATALOG.limit(SageMakerServerlessMemoryRule.LIMIT).value()).isEqualTo(6144);
        assertThat(CATALOG.limit(SageMakerServerlessDurationRule.LIMIT).value()).isEqualTo(60);
        assertThat(CATALOG.limit(SageMakerServerlessConcurrencyRule.LIMIT).value()).isEqualTo(200);
        assertThat(CATALOG.limit(FargateMemoryRule.LIMIT).value()).isEqualTo(120);
    }

    @Test
    void serverlessMemoryCeilingIsSixGigabytes() {
        var rule = new SageMakerServerlessMemoryRule();
        assertThat(rule.check(inference().model("bert-large").needsGiB(7).hasGiB(6).on(serverless(6144)))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("sagemaker-serverless.memory");
            assertThat(v.reason()).isEqualTo("serving the model needs 7 GiB (weights loaded with about 2× overhead); a SageMaker Serverless endpoint has at most 6,144 MB");
        });
        assertThat(rule.check(inference().model("bert-large").needsGiB(5.5).hasGiB(6).on(serverless(6144)))).isEmpty();
    }

    @Test
    void serverlessInvocationsEndAfterSixtySeconds() {
        var rule = new SageMakerServerlessDurationRule();
        assertThat(rule.check(inference().model("bert-base").estimatedP99Ms(61_000).on(serverless(2048)))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("one request takes 1.02 min; SageMaker Serverless ends an invocation after 1 min"));
        assertThat(rule.check(inference().model("bert-base").estimatedP99Ms(60_000).on(serverless(2048)))).isEmpty();
    }

    @Test
    void serverlessConcurrencyIsTwoHundredPerEndpoint() {
        var rule = new SageMakerServerlessConcurrencyRule();
        // 500 requests/s × 0.5 s each = 250 invocations at once
        assertThat(rule.check(inference().model("bert-base").peak(500).estimatedP99Ms(500).on(serverless(2048)))).hasValueSatisfying(v -> assertThat(v.reason())
                .isEqualTo("peak traffic needs about 250 concurrent invocations; MaxConcurrency of one endpoint is 200"));
        assertThat(rule.check(inference().model("bert-base").peak(400).estimatedP99Ms(500).on(serverless(2048)))).isEmpty();
    }

    @Test
    void neitherServerlessNorFargateGeneratesTokens() {
        var llm = inference().model("llama-2-7b").tokensOut(256);
        assertThat(new SageMakerServerlessGpuRule().check(llm.on(serverless(6144))))
                .hasValueSatisfying(v -> assertThat(v.reason()).endsWith("SageMaker Serverless Inference has no GPU"));
        assertThat(new FargateGpuRule().check(llm.on(fargate()))).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("fargate.gpu"));
    }

    @Test
    void bothServeOneShotModels() {
        var bert = inference().model("bert-base");
        assertThat(new SageMakerServerlessGpuRule().check(bert.on(serverless(6144)))).isEmpty();
        assertThat(new FargateGpuRule().check(bert.on(fargate()))).isEmpty();
    }

    @Test
    void fargateTasksHaveAtMost120Gb() {
        var rule = new FargateMemoryRule();
        assertThat(rule.check(inference().model("llama-2-70b").needsGiB(280).hasGiB(111).on(fargate())))
                .hasValueSatisfying(v -> assertThat(v.reason()).endsWith("a Fargate task has at most 120 GB"));
        assertThat(rule.check(inference().model("llama-2-7b").needsGiB(30).hasGiB(111).on(fargate()))).isEmpty();
    }
}
