package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.workload.Workload.Access;
import java.util.Optional;

/**
 * {@code ebs.access}: sc1 (Cold HDD) is the lowest-cost EBS type "for less frequently accessed
 * workloads", with a baseline of 12 MiB/s per TiB (source: EBS volume-types table, see docs/limits.md (EBS)).
 * mlplan does not offer it for data the workload marks {@code access: frequent}.
 */
public final class EbsAccessRule implements Rule {
    public static final String ID = "ebs.access";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.EBS || !"sc1".equals(f.candidate().resource())) {
            return Optional.empty();
        }
        var storage = f.workload().storage();
        if (storage.isPresent() && storage.get().access() == Access.FREQUENT) {
            return violation("sc1 is Cold HDD for infrequently accessed data (12 MiB/s per TiB baseline); the data is read frequently (storage.access)");
        }
        return Optional.empty();
    }
}
