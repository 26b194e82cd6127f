package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import java.util.Optional;

/**
 * {@code ebs.shared}: an EBS volume attaches to one instance; io1 and io2 volumes with Multi-Attach
 * attach to up to 16 Nitro instances in one Availability Zone (catalog {@code ebsVolumeTypes}
 * {@code multiAttachMax}; source: EBS Multi-Attach docs, see docs/limits.md (EBS)). Data that
 * {@code storage.shared_by} instances read at once needs a volume type that can be shared that far,
 * or a shared file system (EFS, FSx for Lustre) or S3.
 */
public final class EbsSharedRule implements EbsVolumes.VolumeRule {
    public static final String ID = "ebs.shared";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type) {
        int sharedBy = storage.sharedBy();
        if (sharedBy <= type.multiAttachMax()) {
            return Optional.empty();
        }
        String can = type.multiAttachMax() <= 1 ? "a " + type.name() + " volume attaches to one instance"
                : "a " + type.name() + " volume attaches to at most " + type.multiAttachMax() + " instances (Multi-Attach, one AZ)";
        return violation(sharedBy + " instances read the same data at once; " + can);
    }
}
