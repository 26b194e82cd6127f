package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import java.util.Optional;

/**
 * {@code ebs.throughput}: one EBS volume delivers at most its type's throughput (gp3 2,000 MiB/s
 * since 2025; gp2 250; io1 1,000; io2 Block Express 4,000; st1 500; sc1 250 MiB/s — catalog
 * {@code ebsVolumeTypes}; source: EBS volume-types table, see docs/limits.md (EBS)). A volume Multi-Attached to
 * several instances serves all of them: their needs add up. (st1 and sc1 reach their maximum only
 * at large sizes; mlplan does not model the per-TiB baseline of HDD volumes.)
 */
public final class EbsThroughputRule implements EbsVolumes.VolumeRule {
    public static final String ID = "ebs.throughput";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type) {
        double needMiBps = storage.throughputBytesPerSecond() / DataSize.MIB;
        if (needMiBps <= 0) {
            return Optional.empty();
        }
        int volumes = Math.max(1, f.candidate().count());
        double max = type.maxMiBps() * volumes;
        int sharers = EbsVolumes.sharers(f, type);
        if (needMiBps * sharers > max && sharers > 1) {
            return violation(sharers + " instances need " + Fmt.count(needMiBps * sharers) + " MiB/s together from one Multi-Attached "
                    + type.name() + " volume; it delivers at most " + Fmt.count(max) + " MiB/s");
        }
        if (needMiBps > max) {
            return violation("needs " + Fmt.count(needMiBps) + " MiB/s; " + (volumes == 1 ? "a " + type.name() + " volume delivers"
                    : volumes + " striped " + type.name() + " volumes deliver") + " at most " + Fmt.count(max) + " MiB/s");
        }
        return Optional.empty();
    }
}
