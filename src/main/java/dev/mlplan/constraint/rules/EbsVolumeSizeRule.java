package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import java.util.Optional;

/**
 * {@code ebs.volume-size}: one EBS volume holds at most its type's maximum size (gp2, io1, st1, sc1
 * 16 TiB; gp3 and io2 Block Express 64 TiB — catalog {@code ebsVolumeTypes[].maxGiB}; source: EC2
 * CreateVolume docs and the EBS volume-types table, see docs/limits.md (EBS)). More data is striped
 * over several volumes (RAID 0), which the candidate's count of volumes expresses; the planner stripes
 * at most {@code StoragePlanner.MAX_STRIPE} volumes, so data beyond that many maximum-size volumes
 * is eliminated here. The data counted is the average stored over the month (with growth).
 */
public final class EbsVolumeSizeRule implements EbsVolumes.VolumeRule {
    public static final String ID = "ebs.volume-size";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type) {
        double needGiB = storage.averageDataBytes() / DataSize.GIB;
        int volumes = Math.max(1, f.candidate().count());
        double max = type.maxGiB() * volumes;
        if (needGiB > max) {
            return violation(Fmt.count(needGiB / 1024) + " TiB of data; " + (volumes == 1 ? "a " + type.name() + " volume holds"
                    : volumes + " striped " + type.name() + " volumes hold") + " at most " + Fmt.count(max / 1024) + " TiB ("
                    + Fmt.count(type.maxGiB() / 1024) + " TiB each)");
        }
        return Optional.empty();
    }
}
