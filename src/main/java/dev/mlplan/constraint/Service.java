package dev.mlplan.constraint;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an option runs. The ids are part of the JSON contract (docs/design.md, JSON output). */
public enum Service {
    EC2("ec2"),
    LAMBDA("lambda"),
    SAGEMAKER_TRAINING("sagemaker-training"),
    SAGEMAKER_ENDPOINT("sagemaker-endpoint"),
    SAGEMAKER_SERVERLESS("sagemaker-serverless"),
    SAGEMAKER_BATCH_TRANSFORM("sagemaker-batch-transform"),
    FARGATE("fargate"),
    S3("s3"),
    EBS("ebs"),
    EFS("efs"),
    FSX_LUSTRE("fsx-lustre"),
    LOCAL("local");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
