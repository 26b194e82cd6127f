package dev.mlplan.constraint.rules;

import dev.mlplan.catalog.InstanceType;
import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code ebs.instance-cap}: an instance drives at most its own EBS bandwidth and IOPS, whatever the
 * volumes could give; striping volumes (RAID 0) adds up only to that cap (EbsOptimizedInfo maximum,
 * catalog {@code InstanceType.ebs}; source: EC2 DescribeInstanceTypes, see docs/limits.md (EBS) — e.g.
 * g5.xlarge 3,500 Mbps / 15,000 IOPS, p4d.24xlarge 19,000 Mbps / 80,000 IOPS). Checked when the
 * workload's training or inference part tells which instance reads the volume.
 */
public final class EbsInstanceCapRule implements Rule {
    public static final String ID = "ebs.instance-cap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        boolean block = f.service() == Service.EBS || (f.service() == Service.S3 && f.candidate().resource().endsWith("+ebs"));
        if (!block || f.storage().isEmpty() || f.reader().isEmpty() || f.reader().get().ebs() == null) {
            return Optional.empty();
        }
        InstanceType reader = f.reader().get();
        var s = f.storage().get();
        double maxIops = reader.ebs().maxIops();
        if (maxIops > 0 && s.iops() > maxIops) {
            return violation("needs " + Fmt.count(s.iops()) + " IOPS on one instance; " + reader.name() + " drives at most "
                    + Fmt.count(maxIops) + " IOPS to EBS, however many volumes are striped");
        }
        double maxMBps = reader.ebs().maxMbps() / 8;
        double needMBps = s.throughputBytesPerSecond() / 1e6;
        if (maxMBps > 0 && needMBps > maxMBps) {
            return violation("needs " + Fmt.count(needMBps) + " MB/s on one instance; " + reader.name() + " drives at most "
                    + Fmt.count(maxMBps) + " MB/s (" + Fmt.count(reader.ebs().maxMbps()) + " Mbps) to EBS");
        }
        return Optional.empty();
    }
}
