package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code sagemaker-serverless.memory}: a SageMaker Serverless Inference endpoint has 1,024 to 6,144
 * MB of memory (catalog limit {@code sagemaker-serverless.memory.max}; source:
 * API_ProductionVariantServerlessConfig, see docs/limits.md (SageMaker Serverless Inference)).
 */
public final class SageMakerServerlessMemoryRule extends ServerlessMemoryLimit {
    public static final String ID = "sagemaker-serverless.memory";
    public static final String LIMIT = "sagemaker-serverless.memory.max";

    public SageMakerServerlessMemoryRule() {
        super(Service.SAGEMAKER_SERVERLESS, LIMIT, "a SageMaker Serverless endpoint");
    }

    @Override
    public String id() {
        return ID;
    }
}
