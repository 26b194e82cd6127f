package dev.mlplan.workload;

/** Electrical power in watts ("600 W", "1.2 kW"). */
public record Power(double watts) {
    public double kilowatts() {
        return watts / 1000.0;
    }
}
