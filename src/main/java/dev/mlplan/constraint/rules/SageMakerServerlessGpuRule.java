package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code sagemaker-serverless.gpu}: SageMaker Serverless Inference runs on CPU only (source:
 * SageMaker Serverless Inference docs, "not supported: GPUs", see docs/limits.md (SageMaker Serverless Inference)).
 */
public final class SageMakerServerlessGpuRule extends NoGpuLimit {
    public static final String ID = "sagemaker-serverless.gpu";

    public SageMakerServerlessGpuRule() {
        super(Service.SAGEMAKER_SERVERLESS, "SageMaker Serverless Inference");
    }

    @Override
    public String id() {
        return ID;
    }
}
