package dev.mlplan.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlplan.catalog.Catalog;
import dev.mlplan.catalog.CatalogDocument;
import dev.mlplan.catalog.CatalogException;
import dev.mlplan.catalog.Limit;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageEstimatorTest {
    private static final String S3 = "S3 Knowledge Center: request rate per prefix";
    private final StorageEstimator estimator = new StorageEstimator();

    static Catalog catalog(Limit... limits) {
        return new Catalog(new CatalogDocument(CatalogDocument.FORMAT_VERSION, "test", "2026-07-20", "test catalog", List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(limits), List.of(), List.of()));
    }

    static Catalog s3() {
        return catalog(new Limit("s3.prefix.get-rate", 5500, "requests/s", "GET/HEAD per prefix", S3),
                new Limit("s3.prefix.put-rate", 3500, "requests/s", "PUT/COPY/POST/DELETE per prefix", S3));
    }

    @Test
    void lectureCaseTenThousandGetsNeedTwoPrefixes() {
        // 1,000 GPUs × 10 batch requests/s = 10,000 GET/s on one prefix: 82% over S3's 5,500 per prefix
        var req = estimator.requirements(Workloads.storage(1300, 100, 10000, 100, 1), s3());
        assertThat(req.prefixesNeeded()).isEqualTo(2);
        assertThat(req.prefixes()).isEqualTo(1);
        assertThat(req.steps()).anySatisfy(s -> assertThat(s.basis())
                .contains("10,000 GET/s ÷ 5,500 per prefix = 1.82 → 2 prefixes (82% over one prefix's rate)"));
        assertThat(req.steps()).anySatisfy(s -> assertThat(s.basis()).contains("503 SlowDown"));
    }

    @Test
    void writesCanDecideAndExactMultiplesDoNotRoundUp() {
        assertThat(estimator.requirements(Workloads.storage(1, 0, 100, 7001, 1), s3()).prefixesNeeded()).isEqualTo(3);
        assertThat(estimator.requirements(Workloads.storage(1, 0, 11000, 0, 1), s3()).prefixesNeeded()).isEqualTo(2);
        assertThat(estimator.requirements(Workloads.storage(1, 0, 0, 0, 1), s3()).prefixesNeeded()).isEqualTo(1);
    }

    @Test
    void averageDataIncludesHalfAMonthOfGrowth() {
        var req = estimator.requirements(Workloads.storage(1300, 100, 10, 1, 1), s3());
        assertThat(req.dataBytes()).isEqualTo(1.3e12);
        assertThat(req.averageDataBytes()).isCloseTo(1.35e12, within(1e3));
        assertThat(req.iops()).isEqualTo(20000);
        assertThat(req.throughputBytesPerSecond()).isEqualTo(500e6);
        assertThat(req.sharedBy()).isEqualTo(8);
    }

    @Test
    void missingLimitIsACatalogError() {
        assertThatThrownBy(() -> estimator.requirements(Workloads.storage(1, 0, 10, 1, 1), catalog()))
                .isInstanceOf(CatalogException.class).hasMessageContaining("s3.prefix.get-rate");
    }
}
