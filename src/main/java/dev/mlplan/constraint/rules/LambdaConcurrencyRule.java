package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Service;

/**
 * {@code lambda.concurrency}: an account runs at most 1,000 function instances at once per region by
 * default (catalog limit {@code lambda.concurrency.default}; source: AWS Lambda quotas page, see
 * docs/limits.md (Lambda)).
 */
public final class LambdaConcurrencyRule extends ServerlessConcurrencyLimit {
    public static final String ID = "lambda.concurrency";
    public static final String LIMIT = "lambda.concurrency.default";

    public LambdaConcurrencyRule() {
        super(Service.LAMBDA, LIMIT, "the default regional limit");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    String noun() {
        return "functions";
    }
}
