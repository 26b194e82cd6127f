package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code sagemaker-serverless.concurrency}: one SageMaker Serverless endpoint serves at most 200
 * concurrent invocations (MaxConcurrency 1–200; catalog limit
 * {@code sagemaker-serverless.concurrency.max}; source: API_ProductionVariantServerlessConfig, see
 * docs/limits.md (SageMaker Serverless Inference)).
 */
public final class SageMakerServerlessConcurrencyRule extends ServerlessConcurrencyLimit {
    public static final String ID = "sagemaker-serverless.concurrency";
    public static final String LIMIT = "sagemaker-serverless.concurrency.max";

    public SageMakerServerlessConcurrencyRule() {
        super(Service.SAGEMAKER_SERVERLESS, LIMIT, "MaxConcurrency of one endpoint");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    String noun() {
        return "invocations";
    }
}
