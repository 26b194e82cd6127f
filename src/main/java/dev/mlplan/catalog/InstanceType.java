package dev.mlplan.catalog;

/**
 * An EC2 instance type.
 *
 * @param family e.g. "p4d", "trn1", "m7i"
 * @param accelerators the accelerators it carries, or null for CPU-only types
 * @param arch "x86_64" or "arm64" (EC2 API names)
 * @param memoryGiB instance memory, GiB (EC2 API MiB / 1024)
 * @param ebs EBS caps of the instance, or null when nothing is known (e.g. types that are not
 *     EBS-optimised); a field of 0 inside it means that figure is unknown
 * @param networkGbps baseline network bandwidth, 0 when unknown
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
     * @param memoryGiB total accelerator memory of the instance: count x per-chip memory as the EC2
     *     API reports it for GPUs (A10G 22,888 MiB = 22.35 GiB, not 24), count x the accelerator
     *     table's per-chip memory for Neuron devices
     */
    public record Accelerators(String name, int count, double memoryGiB) {}

    /**
     * EBS-optimised caps: baseline and burst maximum bandwidth (Mbit/s) and IOPS. 0 means unknown
     * (not "no EBS"): rules must treat a 0 IOPS cap as "not known", never as a limit of zero. When
     * only the maximum bandwidth is known, baseline = max.
     */
    public record Ebs(double baselineMbps, double maxMbps, double baselineIops, double maxIops) {}
}
