package dev.mlplan.catalog;

/**
 * An EBS volume type's limits (per volume). Prices are {@link ServicePrice}s
 * ("ebs.TYPE.gb-month", "ebs.TYPE.iops-month", "ebs.TYPE.mibps-month").
 *
 * @param includedIops IOPS included in the storage price (gp3: 3,000)
 * @param includedMiBps throughput included in the storage price (gp3: 125)
 * @param iopsPerGiB IOPS the size grants or allows (gp2: 3 per GiB; io2: 1,000 per GiB max), 0 if none
 * @param multiAttachMax instances one volume can attach to (1 unless Multi-Attach)
 */
public record EbsVolumeType(
        String name,
        double minGiB,
        double maxGiB,
        double maxIops,
        double maxMiBps,
        double includedIops,
        double includedMiBps,
        double iopsPerGiB,
        int multiAttachMax,
        String source) {}
