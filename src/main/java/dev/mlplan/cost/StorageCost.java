package dev.mlplan.cost;

import static dev.mlplan.workload.TimeSpan.HOURS_PER_MONTH;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import dev.mlplan.workload.Workload.Transfer;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly cost of keeping and reading data: S3 storage classes and requests, EBS volumes with
 * provisioned IOPS and throughput, EFS, FSx for Lustre, and data transfer. Unit prices come from the
 * catalog's service prices (ids named below; sources in docs/limits.md and the catalog).
 */
public final class StorageCost {
    private static final double TB = 1000.0;

    /**
     * HDD volumes' sustained (baseline) throughput grows with their size: st1 40 and sc1 12 MiB/s per
     * TiB (EBS volume-types table); bursts above it run out, so mlplan sizes HDD volumes to the baseline.
     */
    static final java.util.Map<String, Double> HDD_BASELINE_MIBPS_PER_TIB = java.util.Map.of("st1", 40.0, "sc1", 12.0);

    /**
     * The throughput one volume of {@code type} sustains at its maximum size: the type's maximum, or
     * for HDD volumes the per-TiB baseline times the maximum size when that is lower (sc1: 12 × 16 =
     * 192 MiB/s; st1: 40 × 16 = 640, so its 500 MiB/s maximum).
     */
    public static double sustainedMiBps(EbsVolumeType type) {
        double baseline = HDD_BASELINE_MIBPS_PER_TIB.getOrDefault(type.name(), 0.0);
        return baseline > 0 ? Math.min(type.maxMiBps(), baseline * type.maxGiB() / 1024) : type.maxMiBps();
    }

    /** io1/io2 throughput per provisioned IOPS: 256 KiB per I/O (EBS volume-types table). */
    static final double IO_MIBPS_PER_IOPS = 0.25;

    private final ServicePrices prices;

    public StorageCost(ServicePrices prices) {
        this.prices = prices;
    }

    /**
     * When and how much the stored data is read, for the per-request and per-GB charges.
     *
     * @param hours hours a month the data is read
     * @param averageToPeak the average request rate over those hours as a share of the peak rate the
     *     workload gives ({@code storage.reads} and {@code storage.writes} are peak rates; the peak only
     *     sizes prefixes and fleets, requests are charged on the average)
     * @param basis where the hours and the average come from, for the notes
     * @param gb data read a month (for per-GB retrieval fees); 0 when the workload gives no read volume
     * @param gbBasis where that figure comes from
     */
    public record Reading(double hours, double averageToPeak, String basis, double gb, String gbBasis) {
        public Reading {
            if (!(averageToPeak > 0 && averageToPeak <= 1)) {
                throw new IllegalArgumentException("averageToPeak must be in (0, 1], got " + averageToPeak);
            }
        }
    }

    /** Minimum storage duration in days (the class bills at least this long per object; S3 pricing page). */
    static final java.util.Map<String, Integer> S3_MIN_DAYS = java.util.Map.of("standard-ia", 30, "onezone-ia", 30, "glacier-ir", 90,
            "glacier-flexible", 90, "deep-archive", 180);

    /**
     * S3: storage at the class's GB-month price (Standard tiered at 50 TB / 500 TB); GET and PUT
     * requests at the class's prices on the average rate over the hours read; the per-GB retrieval
     * fee of the IA and Glacier classes on the data read; for Glacier Flexible Retrieval and Deep
     * Archive one restore request (Standard tier) per GET, as each object read is restored first.
     */
    public InstanceCost.Priced s3(String storageClass, StorageRequirements s, String region, Reading reading) {
        List<CostComponent> c = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double gb = s.averageDataBytes() / DataSize.GB;
        boolean standard = "standard".equals(storageClass);
        if (standard) {
            var t1 = prices.get("s3.standard.gb-month", region);
            var t2 = prices.get("s3.standard.gb-month.next-450tb", region);
            var t3 = prices.get("s3.standard.gb-month.over-500tb", region);
            double first = Math.min(gb, 50 * TB);
            double next = Math.min(Math.max(0, gb - 50 * TB), 450 * TB);
            double over = Math.max(0, gb - 500 * TB);
            c.add(CostComponent.of(CostCategory.STORAGE, "Storage [S3 Standard, first 50 TB]", "GB-months", first, t1.usd(), t1.source()));
            if (next > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Storage [S3 Standard, next 450 TB]", "GB-months", next, t2.usd(), t2.source()));
            }
            if (over > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Storage [S3 Standard, over 500 TB]", "GB-months", over, t3.usd(), t3.source()));
            }
            fallbackNote(notes, region, t1);
        } else {
            var p = prices.get("s3." + storageClass + ".gb-month", region);
            c.add(CostComponent.of(CostCategory.STORAGE, "Storage [S3 " + storageClass + "]", "GB-months", gb, p.usd(), p.source()));
            fallbackNote(notes, region, p);
        }
        String prefix = standard ? "s3." : "s3." + storageClass + ".";
        var get = prices.get(prefix + "get.per-1k", region);
        var put = prices.get(prefix + "put.per-1k", region);
        double seconds = Math.min(reading.hours(), HOURS_PER_MONTH) * 3600;
        double avgReads = s.readsPerSecond() * reading.averageToPeak();
        double avgWrites = s.writesPerSecond() * reading.averageToPeak();
        double gets = avgReads * seconds / 1000;
        double puts = avgWrites * seconds / 1000;
        String when = Fmt.hours(seconds / 3600) + "/month";
        if (gets > 0) {
            c.add(CostComponent.of(CostCategory.STORAGE, "GET requests [" + Fmt.count(avgReads) + "/s average for " + when + "]", "1k requests", gets, get.usd(), get.source()));
        }
        if (puts > 0) {
            c.add(CostComponent.of(CostCategory.STORAGE, "PUT requests [" + Fmt.count(avgWrites) + "/s average for " + when + "]", "1k requests", puts, put.usd(), put.source()));
        }
        if (gets > 0 || puts > 0) {
            notes.add("requests on the average rate for " + when + " (" + reading.basis() + "); the peak rate only sizes the prefixes");
        }
        if (!standard) {
            var retrieval = prices.get(prefix + "retrieval.gb", region);
            if (reading.gb() > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Retrieval [S3 " + storageClass + ", " + reading.gbBasis() + "]", "GB", reading.gb(), retrieval.usd(),
                        retrieval.source()));
            } else {
                notes.add("S3 " + storageClass + " charges " + Fmt.usd(retrieval.usd()) + " per GB retrieved; no read volume given, not priced");
            }
            var restore = prices.find(prefix + "restore.per-1k", region);
            if (restore.isPresent() && gets > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Restore requests [S3 " + storageClass + ", Standard tier, one per GET]", "1k requests", gets,
                        restore.get().usd(), restore.get().source()));
                notes.add("S3 " + storageClass + " objects are restored before they are read (Standard tier: hours, not milliseconds)");
            }
            notes.add("S3 " + storageClass + " bills each object for at least " + S3_MIN_DAYS.get(storageClass) + " days"
                    + (storageClass.startsWith("glacier-ir") || storageClass.endsWith("-ia") ? " and at least 128 KB" : "")
                    + "; deleted or overwritten earlier, the rest is charged (not priced here)");
        }
        return total(c, notes);
    }

    /**
     * EBS: {@code copies} sets of {@code stripe} volumes striped together (RAID 0; one set per
     * reading instance unless the type is shared by Multi-Attach), each volume sized to its share of
     * the data or to what its IOPS need (gp2 3 IOPS/GiB; io1 50; io2 1,000), with IOPS and
     * throughput above the included amounts provisioned and paid for.
     */
    public InstanceCost.Priced ebs(EbsVolumeType type, int copies, int stripe, StorageRequirements s, String region) {
        List<CostComponent> c = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String t = type.name();
        int volumes = copies * stripe;
        int sharers = type.multiAttachMax() > 1 && s.sharedBy() > 1 ? Math.min(s.sharedBy(), type.multiAttachMax()) : 1;
        double iops = s.iops() * sharers / stripe;
        double mibps = s.throughputBytesPerSecond() / DataSize.MIB * sharers / stripe;
        if (stripe > 1) {
            notes.add(stripe + " " + t + " volumes striped (RAID 0), each with 1/" + stripe + " of the data, IOPS and throughput");
        }
        if (("io1".equals(t) || "io2".equals(t)) && mibps / IO_MIBPS_PER_IOPS > iops) {
            iops = Math.ceil(mibps / IO_MIBPS_PER_IOPS);
            notes.add(t + " throughput comes with provisioned IOPS: " + Fmt.count(mibps) + " MiB/s needs " + Fmt.count(iops)
                    + " IOPS at 256 KiB per I/O");
        }
        double gib = Math.max(type.minGiB(), s.averageDataBytes() / DataSize.GIB / stripe);
        double sizeForIops = switch (t) {
            case "gp2" -> iops / 3.0;
            case "io1" -> iops / 50.0;
            case "io2" -> iops / 1000.0;
            default -> 0;
        };
        if (sizeForIops > gib) {
            notes.add(t + " volume sized up to " + Fmt.count(Math.ceil(sizeForIops)) + " GiB to reach " + Fmt.count(iops) + " IOPS");
            gib = Math.ceil(sizeForIops);
        }
        double baselinePerTiB = HDD_BASELINE_MIBPS_PER_TIB.getOrDefault(t, 0.0);
        if (baselinePerTiB > 0 && mibps > 0 && mibps / baselinePerTiB * 1024 > gib) {
            gib = Math.ceil(mibps / baselinePerTiB * 1024);
            notes.add(t + " volume sized up to " + Fmt.count(gib) + " GiB for a sustained " + Fmt.count(mibps) + " MiB/s ("
                    + Fmt.count(baselinePerTiB) + " MiB/s per TiB baseline)");
        }
        var storage = prices.get("ebs." + t + ".gb-month", region);
        c.add(CostComponent.of(CostCategory.STORAGE, "Storage [" + t + ", " + volumes + (volumes == 1 ? " volume" : " volumes") + "]", "GB-months", gib * volumes, storage.usd(), storage.source()));
        fallbackNote(notes, region, storage);
        if ("gp3".equals(t)) {
            double extraIops = Math.max(0, iops - type.includedIops());
            double extraMibps = Math.max(0, mibps - type.includedMiBps());
            if (extraIops > 0) {
                var p = prices.get("ebs.gp3.iops-month", region);
                c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned IOPS [gp3, over 3,000]", "IOPS-months", extraIops * volumes, p.usd(), p.source()));
            }
            if (extraMibps > 0) {
                var p = prices.get("ebs.gp3.mibps-month", region);
                c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned throughput [gp3, over 125 MiB/s]", "MiB/s-months", extraMibps * volumes, p.usd(), p.source()));
            }
        } else if ("io1".equals(t) && iops > 0) {
            var p = prices.get("ebs.io1.iops-month", region);
            c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned IOPS [io1]", "IOPS-months", iops * volumes, p.usd(), p.source()));
        } else if ("io2".equals(t) && iops > 0) {
            var p1 = prices.get("ebs.io2.iops-month", region);
            var p2 = prices.get("ebs.io2.iops-month.32k-64k", region);
            var p3 = prices.get("ebs.io2.iops-month.over-64k", region);
            double a = Math.min(iops, 32000);
            double b = Math.min(Math.max(0, iops - 32000), 32000);
            double d = Math.max(0, iops - 64000);
            c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned IOPS [io2, up to 32,000]", "IOPS-months", a * volumes, p1.usd(), p1.source()));
            if (b > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned IOPS [io2, 32,001–64,000]", "IOPS-months", b * volumes, p2.usd(), p2.source()));
            }
            if (d > 0) {
                c.add(CostComponent.of(CostCategory.STORAGE, "Provisioned IOPS [io2, over 64,000]", "IOPS-months", d * volumes, p3.usd(), p3.source()));
            }
        }
        return total(c, notes);
    }

    /**
     * EFS Standard storage with elastic throughput, which also charges per GB read
     * ({@code efs.elastic.read.gb}, $0.03 in us-east-1). Writes are charged too ($0.06/GB) but the
     * workload gives no written volume, so they are left out and the notes say so.
     */
    public InstanceCost.Priced efs(StorageRequirements s, String region, double readGbPerMonth, String readBasis) {
        var p = prices.get("efs.standard.gb-month", region);
        List<CostComponent> c = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        c.add(CostComponent.of(CostCategory.STORAGE, "Storage [EFS Standard]", "GB-months", s.averageDataBytes() / DataSize.GB, p.usd(), p.source()));
        var read = prices.find("efs.elastic.read.gb", region);
        if (read.isPresent() && readGbPerMonth > 0) {
            c.add(CostComponent.of(CostCategory.STORAGE, "Elastic throughput reads [" + readBasis + "]", "GB", readGbPerMonth, read.get().usd(), read.get().source()));
        } else if (readGbPerMonth > 0) {
            notes.add("EFS elastic throughput also charges per GB read; the catalog has no price for it");
        }
        if (s.writesPerSecond() > 0) {
            notes.add("EFS elastic throughput also charges per GB written ($0.06/GB in us-east-1); written volume not given, not priced");
        }
        fallbackNote(notes, region, p);
        return total(c, notes);
    }

    /**
     * FSx for Lustre PERSISTENT_2 at {@code mbPerTiB} MB/s per TiB: capacity is the larger of the data
     * and the throughput all readers need divided by the per-TiB rate, in 2.4 TiB steps after the
     * first 1.2 TiB.
     */
    public InstanceCost.Priced fsxLustre(int mbPerTiB, StorageRequirements s, String region) {
        double dataTiB = s.averageDataBytes() / (1024.0 * DataSize.GIB);
        double needMBps = s.throughputBytesPerSecond() / 1e6 * Math.max(1, s.sharedBy());
        double tib = Math.max(dataTiB, needMBps / mbPerTiB);
        double provisioned = tib <= 1.2 ? 1.2 : 1.2 + Math.ceil((tib - 1.2) / 2.4) * 2.4;
        var p = prices.get("fsx-lustre.persistent-2-" + mbPerTiB + ".gb-month", region);
        List<String> notes = new ArrayList<>();
        notes.add("file system of " + Fmt.sig(provisioned) + " TiB gives " + Fmt.count(provisioned * mbPerTiB) + " MB/s in one AZ");
        fallbackNote(notes, region, p);
        return total(List.of(CostComponent.of(CostCategory.STORAGE, "Storage [FSx for Lustre PERSISTENT_2, " + mbPerTiB + " MB/s/TiB]", "GB-months",
                provisioned * 1024 * DataSize.GIB / DataSize.GB, p.usd(), p.source())), notes);
    }

    /**
     * Data transfer: cross-AZ charged on both sides ($0.01/GB each direction), cross-region per GB,
     * internet egress per GB after the first 100 GB a month, which are free.
     */
    public List<CostComponent> transfer(Transfer t, String region) {
        List<CostComponent> c = new ArrayList<>();
        if (t.crossAz().bytesPerSecond() > 0) {
            var p = prices.get("transfer.cross-az.gb", region);
            c.add(CostComponent.of(CostCategory.NETWORK, "Data transfer [cross-AZ, both directions]", "GB", t.crossAz().gbPerMonth() * 2, p.usd(), p.source()));
        }
        if (t.crossRegion().bytesPerSecond() > 0) {
            var p = prices.get("transfer.cross-region.gb", region);
            c.add(CostComponent.of(CostCategory.NETWORK, "Data transfer [cross-region]", "GB", t.crossRegion().gbPerMonth(), p.usd(), p.source()));
        }
        if (t.internet().bytesPerSecond() > 0) {
            var p = prices.get("transfer.internet.gb", region);
            c.add(CostComponent.of(CostCategory.NETWORK, "Data transfer [internet, after 100 GB free]", "GB", Math.max(0, t.internet().gbPerMonth() - 100), p.usd(), p.source()));
        }
        return c;
    }

    /**
     * Data kept in {@code storageRegion} and read by compute in {@code computeRegion}: the data read a
     * month leaves the storage's region at its cross-region transfer price (empty when no read volume
     * is known, or the regions are the same).
     */
    public List<CostComponent> crossRegionReads(Reading reading, String storageRegion, String computeRegion) {
        if (storageRegion.equals(computeRegion) || reading.gb() <= 0) {
            return List.of();
        }
        var p = prices.get("transfer.cross-region.gb", storageRegion);
        return List.of(CostComponent.of(CostCategory.NETWORK, "Data transfer [cross-region to " + computeRegion + ", " + reading.gbBasis() + "]", "GB", reading.gb(),
                p.usd(), p.source()));
    }

    private static void fallbackNote(List<String> notes, String region, ServicePrices.Resolved p) {
        if (p.fallback()) {
            notes.add(p.price().id() + " has no " + region + " price in the catalog; the us-east-1 price is used");
        }
    }

    private static InstanceCost.Priced total(List<CostComponent> c, List<String> notes) {
        return new InstanceCost.Priced(List.copyOf(c), CostComponent.total(c), 0, List.copyOf(notes));
    }
}
