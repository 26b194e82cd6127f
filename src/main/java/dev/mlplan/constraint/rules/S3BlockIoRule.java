package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code s3.block-io}: S3 is object storage: it has no IOPS figure and answers in tens of
 * milliseconds to the first byte, so it cannot by itself serve a workload that asks for block IOPS
 * ({@code storage.iops}). mlplan then offers S3 only together with a block volume that stages the
 * data (see the storage planner), and says so; this rule eliminates S3 alone.
 */
public final class S3BlockIoRule implements Rule {
    public static final String ID = "s3.block-io";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.S3 || f.storage().isEmpty() || f.storage().get().iops() <= 0) {
            return Optional.empty();
        }
        if (f.candidate().resource().endsWith("+ebs")) {
            return Optional.empty();
        }
        return violation("the workload needs " + Fmt.count(f.storage().get().iops())
                + " block IOPS; S3 is object storage with no IOPS guarantee (offered with a staging volume instead)");
    }
}
