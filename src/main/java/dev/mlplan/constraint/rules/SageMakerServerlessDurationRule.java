package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code sagemaker-serverless.duration}: a SageMaker Serverless Inference invocation may take at most
 * 60 s (catalog limit {@code sagemaker-serverless.timeout}; source: SageMaker Serverless Inference
 * docs, see docs/limits.md (SageMaker Serverless Inference)).
 */
public final class SageMakerServerlessDurationRule extends ServerlessDurationLimit {
    public static final String ID = "sagemaker-serverless.duration";
    public static final String LIMIT = "sagemaker-serverless.timeout";

    public SageMakerServerlessDurationRule() {
        super(Service.SAGEMAKER_SERVERLESS, LIMIT, "SageMaker Serverless ends an invocation");
    }

    @Override
    public String id() {
        return ID;
    }
}
