package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code ebs.internet}: an EBS volume is a block device of the instance it is attached to (one, or up
 * to 16 in one AZ with io1/io2 Multi-Attach; source: EBS Multi-Attach docs, see docs/limits.md (EBS));
 * it has no endpoint of its own. Data the workload serves to the internet
 * ({@code storage.transfer.internet} above 0) would need a server in front of the volume that a
 * storage option does not price, so EBS is not offered for it; S3 serves objects directly, and EFS or
 * FSx are shared by the serving fleet.
 */
public final class EbsInternetRule implements EbsVolumes.VolumeRule {
    public static final String ID = "ebs.internet";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type) {
        var internet = f.workload().storage().map(s -> s.transfer().internet());
        if (internet.isEmpty() || internet.get().bytesPerSecond() <= 0) {
            return Optional.empty();
        }
        return violation(Fmt.count(internet.get().gbPerMonth()) + " GB/month served to the internet; a " + type.name()
                + " volume is reachable only through the instance it is attached to, which a storage option does not price"
                + " (S3 serves objects directly)");
    }
}
