package dev.mlplan.estimate;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.workload.Workload.Storage;

/** Storage request rates, prefixes, IOPS and throughput. */
public final class StorageEstimator {
    public StorageRequirements requirements(Storage storage, Catalog catalog) {
        throw new UnsupportedOperationException("TODO(estimators helper)");
    }
}
