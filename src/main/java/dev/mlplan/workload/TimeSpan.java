package dev.mlplan.workload;

/** A duration, held in seconds. Parsed from text such as "12h", "30m", "3s", "36 months". */
public record TimeSpan(double seconds) {
    /** Average month used throughout mlplan: 365 days / 12 = 730 hours. */
    public static final double HOURS_PER_MONTH = 730.0;

    public static TimeSpan ofHours(double h) {
        return new TimeSpan(h * 3600.0);
    }

    public double hours() {
        return seconds / 3600.0;
    }

    public double millis() {
        return seconds * 1000.0;
    }

    public double months() {
        return hours() / HOURS_PER_MONTH;
    }
}
