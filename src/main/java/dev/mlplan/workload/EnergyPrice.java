package dev.mlplan.workload;

/** Electricity price in USD per kilowatt-hour ("0.15 USD/kWh"). */
public record EnergyPrice(double usdPerKwh) {}
