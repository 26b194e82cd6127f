package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code fargate.memory}: a Fargate task has at most 120 GB of memory, with 16 vCPU (catalog limit
 * {@code fargate.memory.max}; source: ECS task-size docs, Linux platform 1.4.0+, see docs/limits.md (Fargate)).
 */
public final class FargateMemoryRule extends ServerlessMemoryLimit {
    public static final String ID = "fargate.memory";
    public static final String LIMIT = "fargate.memory.max";

    public FargateMemoryRule() {
        super(Service.FARGATE, LIMIT, "a Fargate task");
    }

    @Override
    public String id() {
        return ID;
    }
}
