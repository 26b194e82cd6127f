package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.EbsVolumeType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.estimate.StorageRequirements;
import java.util.Optional;

/** What the EBS volume rules share: which volume type a storage candidate is, and how many instances share it. */
final class EbsVolumes {
    private EbsVolumes() {}

    /** A rule about the volume type of an EBS candidate with storage facts; every other candidate passes it. */
    interface VolumeRule extends Rule {
        @Override
        default Optional<Violation> check(Facts f) {
            return of(f).flatMap(type -> check(f, f.storage().get(), type));
        }

        Optional<Violation> check(Facts f, StorageRequirements storage, EbsVolumeType type);
    }

    /** The volume type of an EBS candidate with storage facts; empty for anything else. */
    static Optional<EbsVolumeType> of(Facts f) {
        if (f.service() != Service.EBS || f.storage().isEmpty()) {
            return Optional.empty();
        }
        return f.catalog().ebsVolumeType(f.candidate().resource());
    }

    /** Instances that share one volume through Multi-Attach (1 when the volume is not shared). */
    static int sharers(Facts f, EbsVolumeType type) {
        int sharedBy = f.storage().isPresent() ? f.storage().get().sharedBy() : 1;
        return type.multiAttachMax() > 1 && sharedBy > 1 ? Math.min(sharedBy, type.multiAttachMax()) : 1;
    }
}
