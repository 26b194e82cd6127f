package dev.mlplan.constraint.rules;

import dev.mlplan.constraint.Facts;
import dev.mlplan.constraint.Rule;
import dev.mlplan.constraint.Service;
import dev.mlplan.constraint.Violation;
import dev.mlplan.util.Fmt;
import java.util.Optional;

/**
 * {@code s3.prefix-rate}: S3 serves at least 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests
 * per second per partitioned prefix; above that it answers 503 SlowDown while it repartitions
 * (catalog limits {@code s3.prefix.get-rate} and {@code s3.prefix.put-rate}; source: AWS Knowledge
 * Center "request rate", see docs/limits.md (S3)). The candidate's count is the number of prefixes the keys
 * are spread over.
 */
public final class S3PrefixRateRule implements Rule {
    public static final String ID = "s3.prefix-rate";
    public static final String GET_LIMIT = "s3.prefix.get-rate";
    public static final String PUT_LIMIT = "s3.prefix.put-rate";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Violation> check(Facts f) {
        if (f.service() != Service.S3 || f.storage().isEmpty()) {
            return Optional.empty();
        }
        var s = f.storage().get();
        int prefixes = Math.max(1, f.candidate().count());
        double getLimit = f.catalog().limit(GET_LIMIT).value();
        double putLimit = f.catalog().limit(PUT_LIMIT).value();
        double getsPerPrefix = s.readsPerSecond() / prefixes;
        double putsPerPrefix = s.writesPerSecond() / prefixes;
        if (getsPerPrefix > getLimit) {
            return violation(Fmt.count(s.readsPerSecond()) + " GET/s over " + plural(prefixes) + " is "
                    + Fmt.pct(getsPerPrefix / getLimit - 1) + " over S3's " + Fmt.count(getLimit)
                    + " GET/s per prefix; spread keys over at least " + s.prefixesNeeded() + " prefixes");
        }
        if (putsPerPrefix > putLimit) {
            return violation(Fmt.count(s.writesPerSecond()) + " PUT/s over " + plural(prefixes) + " is "
                    + Fmt.pct(putsPerPrefix / putLimit - 1) + " over S3's " + Fmt.count(putLimit)
                    + " PUT/s per prefix; spread keys over at least " + s.prefixesNeeded() + " prefixes");
        }
        return Optional.empty();
    }

    private static String plural(int prefixes) {
        return prefixes + (prefixes == 1 ? " prefix" : " prefixes");
    }
}
