package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code lambda.memory}: a Lambda function has at most 10,240 MB of memory (catalog limit
 * {@code lambda.memory.max}; source: AWS Lambda quotas page, see docs/limits.md (Lambda)). A model being loaded by
 * PyTorch needs about twice its weight size, which the inference estimate already includes.
 */
public final class LambdaMemoryRule extends ServerlessMemoryLimit {
    public static final String ID = "lambda.memory";
    public static final String LIMIT = "lambda.memory.max";

    public LambdaMemoryRule() {
        super(Service.LAMBDA, LIMIT, "a Lambda function");
    }

    @Override
    public String id() {
        return ID;
    }
}
