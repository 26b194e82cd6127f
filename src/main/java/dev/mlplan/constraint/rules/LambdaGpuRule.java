package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code lambda.gpu}: Lambda has no GPU or other accelerator (source: AWS Lambda quotas and
 * function-configuration pages, see docs/limits.md (Lambda)). See {@link NoGpuLimit} for which work needs one.
 */
public final class LambdaGpuRule extends NoGpuLimit {
    public static final String ID = "lambda.gpu";

    public LambdaGpuRule() {
        super(Service.LAMBDA, "Lambda");
    }

    @Override
    public String id() {
        return ID;
    }
}
