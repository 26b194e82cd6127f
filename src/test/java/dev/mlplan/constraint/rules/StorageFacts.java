package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.CATALOG;
import static dev.mlplan.constraint.rules.RuleFixtures.type;
import static dev.mlplan.constraint.rules.RuleFixtures.workload;

import dev.mlplan.catalog.InstanceType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Part;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.workload.DataSize;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a storage part, for rule tests. Defaults: 1 TB read frequently, no GETs, PUTs, IOPS or
 * throughput asked, keys on as many prefixes as the shape has and one prefix needed, read by one
 * instance of no known type.
 */
final class StorageFacts {
    private String access;
    private String internet;
    private double dataBytes = 1e12;
    private double getsPerSecond;
    private double putsPerSecond;
    private int prefixesNeeded = 1;
    private double iops;
    private double throughputBytesPerSecond;
    private int sharedBy = 1;
    private InstanceType reader;
    private String residency;

    /** {@code constraints.residency} in YAML flow style, such as "[eu]". */
    StorageFacts residency(String list) {
        this.residency = list;
        return this;
    }

    /** {@code storage.access}: "frequent", "infrequent" or "archive". */
    StorageFacts access(String access) {
        this.access = access;
        return this;
    }

    /** Data stored, in TiB (1 TB unless set). */
    StorageFacts dataTiB(double tib) {
        this.dataBytes = tib * 1024 * DataSize.GIB;
        return this;
    }

    /** {@code storage.transfer.internet}, as the YAML writes it ("50 GB/month"). */
    StorageFacts servedToInternet(String rate) {
        this.internet = rate;
        return this;
    }

    /** Object GETs per second at peak, over all prefixes. */
    StorageFacts getsPerSecond(double gets) {
        this.getsPerSecond = gets;
        return this;
    }

    /** Object PUTs per second at peak, over all prefixes. */
    StorageFacts putsPerSecond(double puts) {
        this.putsPerSecond = puts;
        return this;
    }

    /** Prefixes S3 needs at its per-prefix request rates. */
    StorageFacts prefixesNeeded(int prefixes) {
        this.prefixesNeeded = prefixes;
        return this;
    }

    /** Block IOPS one instance needs. */
    StorageFacts iops(double iops) {
        this.iops = iops;
        return this;
    }

    /** Throughput one instance needs, in MiB/s. */
    StorageFacts throughputMiBps(double mibps) {
        this.throughputBytesPerSecond = mibps * DataSize.MIB;
        return this;
    }

    /** Throughput one instance needs, in MB/s. */
    StorageFacts throughputMBps(double mbps) {
        this.throughputBytesPerSecond = mbps * 1e6;
        return this;
    }

    /** Instances reading the same data at once. */
    StorageFacts sharedBy(int instances) {
        this.sharedBy = instances;
        return this;
    }

    /** The instance type that reads the data (the training or inference part's). */
    StorageFacts readBy(String instanceType) {
        this.reader = type(instanceType);
        return this;
    }

    /** The facts of this storage part kept on {@code shape}. */
    Facts on(RuleFixtures.Shape shape) {
        var requirements = new StorageRequirements(dataBytes, dataBytes, getsPerSecond, putsPerSecond, shape.count(), prefixesNeeded, iops,
                throughputBytesPerSecond, sharedBy, List.of());
        return new Facts(workload(sections()), CATALOG, shape.of(Part.STORAGE), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(requirements), 0, 0, Optional.ofNullable(reader));
    }

    private String sections() {
        return (residency != null ? "constraints:\n  residency: " + residency + "\n" : "") + "storage:\n  data: 1 TB\n" + (access != null ? "  access: " + access + "\n" : "")
                + (internet != null ? "  transfer: { internet: " + internet + " }\n" : "");
    }
}
