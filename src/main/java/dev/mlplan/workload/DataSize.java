package dev.mlplan.workload;

/** An amount of data, held in bytes. Parsed from text such as "200 GB" (decimal) or "40 GiB" (binary). */
public record DataSize(double bytes) {
    public static final double GB = 1e9;
    public static final double GIB = 1024.0 * 1024 * 1024;
    public static final double MIB = 1024.0 * 1024;

    public static DataSize ofGb(double gb) {
        return new DataSize(gb * GB);
    }

    public static DataSize ofGiB(double gib) {
        return new DataSize(gib * GIB);
    }

    public double gb() {
        return bytes / GB;
    }

    public double gib() {
        return bytes / GIB;
    }

    public double mib() {
        return bytes / MIB;
    }
}
