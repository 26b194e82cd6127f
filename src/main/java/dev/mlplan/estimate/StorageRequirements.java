package dev.mlplan.estimate;

import java.util.List;

/**
 * What the storage section asks of the storage services.
 *
 * @param dataBytes data stored now
 * @param averageDataBytes average data stored over the next month (with growth)
 * @param readsPerSecond object GETs per second at peak, over all prefixes
 * @param writesPerSecond object PUTs per second at peak
 * @param prefixes prefixes the user spreads keys over
 * @param prefixesNeeded prefixes S3 needs at its per-prefix rates
 * @param iops block IOPS one instance needs (0 when none given)
 * @param throughputBytesPerSecond throughput one instance needs (0 when none given)
 * @param sharedBy instances reading the same data at once
 */
public record StorageRequirements(
        double dataBytes,
        double averageDataBytes,
        double readsPerSecond,
        double writesPerSecond,
        int prefixes,
        int prefixesNeeded,
        double iops,
        double throughputBytesPerSecond,
        int sharedBy,
        List<Step> steps) {}
