package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code fargate.gpu}: Fargate tasks have no GPU (source: ECS Fargate task definition docs, see
 * docs/limits.md (Fargate)).
 */
public final class FargateGpuRule extends NoGpuLimit {
    public static final String ID = "fargate.gpu";

    public FargateGpuRule() {
        super(Service.FARGATE, "Fargate");
    }

    @Override
    public String id() {
        return ID;
    }
}
