package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code ebs.iops}: one EBS volume delivers at most its type's IOPS (gp3 80,000 since 2025; gp2
 * 16,000; io1 64,000; io2 Block Express 256,000; st1 500; sc1 250 — catalog {@code ebsVolumeTypes};
 * source: EC2 CreateVolume docs and the EBS volume-types table, see docs/limits.md (EBS)). Several volumes
 * striped (RAID 0) add up, but only to the instance's own EBS IOPS cap, which the candidate's count
 * of volumes expresses. A volume Multi-Attached to several instances serves all of them: their
 * needs add up.
 */
public final class EbsIopsRule implements EbsVolumes.VolumeRule {
    public static final String ID = "ebs.iops";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type) {
        double need = storage.iops();
        if (need <= 0) {
            return Optional.empty();
        }
        int volumes = Math.max(1, f.candidate().count());
        double max = type.maxIops() * volumes;
        int sharers = EbsVolumes.sharers(f, type);
        if (need * sharers > max) {
            if (sharers > 1) {
                return violation(sharers + " instances need " + Fmt.count(need * sharers) + " IOPS together from one Multi-Attached "
                        + type.name() + " volume; it delivers at most " + Fmt.count(max));
            }
            return violation("needs " + Fmt.count(need) + " IOPS; " + (volumes == 1 ? "a " + type.name() + " volume delivers"
                    : volumes + " striped " + type.name() + " volumes deliver") + " at most " + Fmt.count(max));
        }
        return Optional.empty();
    }
}
