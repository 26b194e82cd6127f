package dev.mlplan.catalog;

/**
 * An EC2 instance type.
 *
 * @param family e.g. "p4d", "trn1", "m7i"
 * @param accelerators the accelerators it carries, or null for CPU-only types
 * @param ebs EBS caps of the instance, or null when unknown
 * @param networkGbps baseline network bandwidth
 * @param efaInterfaces EFA interfaces (0 when none)
 * @param currentGeneration false for previous-generation types
 * @param source source id of the specs
 */
public record InstanceType(
        String name,
        String family,
        String arch,
        int vcpus,
        double memoryGiB,
        Accelerators accelerators,
        Ebs ebs,
        double networkGbps,
        int efaInterfaces,
        boolean currentGeneration,
        String source) {

    public boolean hasAccelerator() {
        return accelerators != null && accelerators.count() > 0;
    }

    /**
     * @param name accelerator catalog key (see {@link Accelerator#name()})
     * @param count chips (for Neuron: devices)
     * @param memoryGiB total accelerator memory of the instance
     */
    public record Accelerators(String name, int count, double memoryGiB) {}

    /** EBS-optimised caps: baseline and burst maximum bandwidth (Mbit/s) and IOPS. */
    public record Ebs(double baselineMbps, double maxMbps, double baselineIops, double maxIops) {}
}
