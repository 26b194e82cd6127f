package dev.mlplan.workload;

/**
 * Data per unit of time, held in bytes per second. Used both for throughput ("500 MB/s") and for
 * monthly volumes ("100 GB/month", "1.3 TB/month").
 */
public record DataRate(double bytesPerSecond) {
    public double mbPerSecond() {
        return bytesPerSecond / 1e6;
    }

    public double mibPerSecond() {
        return bytesPerSecond / DataSize.MIB;
    }

    public double gbPerMonth() {
        return bytesPerSecond * TimeSpan.HOURS_PER_MONTH * 3600.0 / DataSize.GB;
    }
}
