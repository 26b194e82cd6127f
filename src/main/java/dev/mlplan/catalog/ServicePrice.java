package dev.mlplan.catalog;

/**
 * A unit price of a non-instance service item in a region.
 *
 * @param id item key, e.g. "lambda.x86.gb-second", "s3.standard.gb-month", "ebs.gp3.iops-month"
 * @param usd price per {@code unit}
 * @param unit e.g. "GB-second", "1M requests", "GB-month"
 */
public record ServicePrice(String id, String region, double usd, String unit, String source) {}
