package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code lambda.duration}: Lambda stops a function after 900 s (15 min), and the timeout cannot be
 * extended (catalog limit {@code lambda.timeout}; source: AWS Lambda quotas page, see docs/limits.md (Lambda)). A
 * training run, or one inference request, must finish within it.
 */
public final class LambdaDurationRule extends ServerlessDurationLimit {
    public static final String ID = "lambda.duration";
    public static final String LIMIT = "lambda.timeout";

    public LambdaDurationRule() {
        super(Service.LAMBDA, LIMIT, "Lambda stops a function");
    }

    @Override
    public String id() {
        return ID;
    }
}
