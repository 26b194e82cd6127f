package dev.mlplan.estimate;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.Limit;
import dev.mlplan.workload.TimeSpan;
import dev.mlplan.workload.Workload.Storage;
import java.util.ArrayList;
import java.util.List;

/** Storage request rates, prefixes, IOPS and throughput. */
public final class StorageEstimator {
    static final String GET_RATE = "s3.prefix.get-rate";
    static final String PUT_RATE = "s3.prefix.put-rate";

    public StorageRequirements requirements(Storage storage, Catalog catalog) {
        List<Step> steps = new ArrayList<>();
        double data = storage.data().bytes();
        double growthPerMonth = storage.growth().bytesPerSecond() * TimeSpan.HOURS_PER_MONTH * 3600.0;
        double average = data + growthPerMonth / 2;
        steps.add(new Step("data stored on average", Fmt.gb(average), "data now " + Fmt.gb(data) + " + growth "
                + Fmt.gb(growthPerMonth) + "/month × ½ month (average over the coming month)"));

        double reads = storage.reads().perSecond();
        double writes = storage.writes().perSecond();
        Limit get = catalog.limit(GET_RATE);
        Limit put = catalog.limit(PUT_RATE);
        int forReads = prefixes(reads, get.value(), "GET", get, steps);
        int forWrites = prefixes(writes, put.value(), "PUT", put, steps);
        int needed = Math.max(1, Math.max(forReads, forWrites));
        int given = Math.max(1, storage.prefixes());
        steps.add(new Step("prefixes needed", String.valueOf(needed), "max(prefixes for GETs " + forReads + ", for PUTs " + forWrites + ", 1)"
                + (given < needed ? "; the workload spreads keys over " + given + ": S3 answers 503 SlowDown above the per-prefix rate"
                        + " — spread keys over " + needed + " prefixes or cache locally" : "; the workload's " + given + " suffice")));

        double iops = storage.iops().orElse(0.0);
        double throughput = storage.throughput().isPresent() ? storage.throughput().get().bytesPerSecond() : 0.0;
        if (iops > 0) {
            steps.add(new Step("block IOPS per instance", Fmt.plain(iops), "storage.iops"));
        }
        if (throughput > 0) {
            steps.add(new Step("throughput per instance", Fmt.plain(throughput / 1e6) + " MB/s", "storage.throughput"
                    + (storage.sharedBy() > 1 ? "; × " + storage.sharedBy() + " instances reading at once = "
                            + Fmt.plain(throughput * storage.sharedBy() / 1e6) + " MB/s from shared storage" : "")));
        }
        return new StorageRequirements(data, average, reads, writes, storage.prefixes(), needed, iops, throughput, storage.sharedBy(),
                List.copyOf(steps));
    }

    private static int prefixes(double rate, double perPrefix, String verb, Limit limit, List<Step> steps) {
        if (rate <= 0) {
            return 0;
        }
        if (!(perPrefix > 0)) {
            throw new IllegalStateException("catalog limit " + limit.id() + " must be positive, got " + perPrefix);
        }
        double ratio = rate / perPrefix;
        int n = (int) Math.ceil(ratio - 1e-9);
        String over = ratio > 1 ? " (" + Fmt.pct(ratio - 1) + " over one prefix's rate)" : " (" + Fmt.pct(ratio) + " of one prefix's rate)";
        steps.add(new Step("prefixes for " + verb + "s", String.valueOf(n), Fmt.plain(rate) + " " + verb + "/s ÷ " + Fmt.plain(perPrefix)
                + " per prefix = " + Fmt.plain(ratio) + " → " + n + (n == 1 ? " prefix" : " prefixes") + over + "; source: "
                + limit.source()));
        return n;
    }
}
