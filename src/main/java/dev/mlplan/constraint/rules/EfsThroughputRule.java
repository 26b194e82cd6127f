package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.Limit;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import dev.mlplan.workload.DataSize;
import java.util.Optional;

/**
 * {@code efs.throughput}: one EFS client reads at most 500 MiB/s, and an elastic-throughput file
 * system at most 10 GiB/s in all (catalog limits {@code efs.client.max}, {@code efs.elastic.read.max};
 * source: EFS performance docs, see docs/limits.md (EFS and FSx for Lustre)).
 */
public final class EfsThroughputRule implements Rule {
    public static final String ID = "efs.throughput";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.EFS || f.storage().isEmpty()) {
            return Optional.empty();
        }
        var s = f.storage().get();
        double perClient = s.throughputBytesPerSecond() / DataSize.MIB;
        Limit client = f.catalog().limit("efs.client.max");
        double clientMiBps = toMiBps(client);
        if (perClient > clientMiBps) {
            return violation("each instance needs " + Fmt.count(perClient) + " MiB/s; one EFS client reads at most " + Fmt.count(clientMiBps) + " MiB/s");
        }
        Limit fs = f.catalog().limit("efs.elastic.read.max");
        double fsMiBps = toMiBps(fs);
        double total = perClient * Math.max(1, s.sharedBy());
        if (total > fsMiBps) {
            return violation(s.sharedBy() + " instances need " + Fmt.count(total) + " MiB/s together; an EFS file system reads at most "
                    + Fmt.count(fsMiBps) + " MiB/s");
        }
        return Optional.empty();
    }

    private static double toMiBps(Limit l) {
        return switch (l.unit()) {
            case "GiB/s" -> l.value() * 1024;
            case "MB/s" -> l.value() * 1e6 / DataSize.MIB;
            case "GB/s" -> l.value() * 1e9 / DataSize.MIB;
            default -> l.value();
        };
    }
}
