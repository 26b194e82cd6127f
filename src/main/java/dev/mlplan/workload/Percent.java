package dev.mlplan.workload;

/** A percentage, held as a fraction: "80%" is 0.8. */
public record Percent(double fraction) {
    public double percent() {
        return fraction * 100.0;
    }
}
