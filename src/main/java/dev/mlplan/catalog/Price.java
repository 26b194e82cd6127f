package dev.mlplan.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One hourly price of an instance type in a region. For reserved terms, the effective hourly rate
 * including the upfront payment spread over the term; {@code upfrontUsd} says how much of it is paid
 * at purchase (0 when unknown or none).
 *
 * <p>Stored as a JSON array in field order, one per line: the catalog holds tens of thousands.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"region", "instanceType", "pricing", "usdPerHour", "upfrontUsd", "source"})
public record Price(String region, String instanceType, PricingModel pricing, double usdPerHour, double upfrontUsd, String source) {}
