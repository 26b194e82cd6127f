package dev.mlplan.catalog;

/**
 * One hourly price of an instance type in a region. For reserved terms, the effective hourly rate
 * including the upfront payment spread over the term; {@code upfrontUsd} says how much of it is paid
 * at purchase (0 when unknown or none).
 */
public record Price(String region, String instanceType, PricingModel pricing, double usdPerHour, double upfrontUsd, String source) {}
