package dev.mlplan.workload;

/** Events per unit of time, held per second. Parsed from text such as "20/s", "100/day", "3M/month". */
public record Rate(double perSecond) {
    public double perMonth() {
        return perSecond * TimeSpan.HOURS_PER_MONTH * 3600.0;
    }

    public double perDay() {
        return perSecond * 86400.0;
    }
}
