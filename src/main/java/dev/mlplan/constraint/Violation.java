package dev.mlplan.constraint;

/**
 * A rule's verdict that a candidate cannot work.
 *
 * @param rule the rule id, e.g. "lambda.duration"
 * @param reason one sentence with the workload's value and the limit
 */
public record Violation(String rule, String reason) {}
