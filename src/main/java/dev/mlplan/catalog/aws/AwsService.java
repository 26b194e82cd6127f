package dev.mlplan.catalog.aws;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A part of the catalog that {@code catalog refresh} can rebuild, as named on the command line. */
public enum AwsService {
    /** Instance specs (DescribeInstanceTypes), on-demand and reserved prices, spot prices. */
    EC2("ec2"),
    /** SageMaker training and real-time hosting hourly prices per ml.* instance. */
    SAGEMAKER("sagemaker"),
    /** Lambda duration (x86, Arm) and request prices. */
    LAMBDA("lambda"),
    /** S3 storage-class and request prices. */
    S3("s3"),
    /** EBS volume storage, IOPS and throughput prices. */
    EBS("ebs");

    private final String id;

    AwsService(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Parses a comma-separated list such as {@code "ec2,lambda"} (case-insensitive, blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown entry and the accepted ones
     */
    public static Set<AwsService> parseList(String list) {
        EnumSet<AwsService> out = EnumSet.noneOf(AwsService.class);
        for (String raw : list.split(",")) {
            String s = raw.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            out.add(Arrays.stream(values()).filter(v -> v.id.equals(s)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + raw.trim() + "'; expected one of "
                            + Arrays.stream(values()).map(AwsService::id).collect(Collectors.joining(", ")))));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no service given; expected one or more of "
                    + Arrays.stream(values()).map(AwsService::id).collect(Collectors.joining(", ")));
        }
        return out;
    }
}
