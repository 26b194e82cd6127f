package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlplan.constraint.Service;
import org.junit.jupiter.api.Test;

class S3PrefixRateRuleTest {
    private final S3PrefixRateRule rule = new S3PrefixRateRule();

    @Test
    void limitsAreThePublishedPerPrefixRates() {
        assertThat(CATALOG.limit(S3PrefixRateRule.GET_LIMIT).value()).isEqualTo(5500);
        assertThat(CATALOG.limit(S3PrefixRateRule.PUT_LIMIT).value()).isEqualTo(3500);
    }

    @Test
    void tenThousandGetsOnOnePrefixNeedTwo() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(10000, 0, 1, 2, 0, 0, 1));
        assertThat(rule.check(f)).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("s3.prefix-rate");
            assertThat(v.reason()).isEqualTo("10,000 GET/s over 1 prefix is 82% over S3's 5,500 GET/s per prefix; spread keys over at least 2 prefixes");
        });
    }

    @Test
    void twoPrefixesCarryTenThousandGets() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 2), storage(10000, 0, 2, 2, 0, 0, 1));
        assertThat(rule.check(f)).isEmpty();
    }

    @Test
    void putsHaveTheirOwnLimit() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(0, 4000, 1, 2, 0, 0, 1));
        assertThat(rule.check(f)).hasValueSatisfying(v -> assertThat(v.reason()).startsWith("4,000 PUT/s over 1 prefix is 14% over S3's 3,500 PUT/s"));
    }

    @Test
    void exactlyAtTheLimitPasses() {
        var f = storageFacts(workload(STORAGE_YAML), storage(Service.S3, "s3-standard", 1), storage(5500, 3500, 1, 1, 0, 0, 1));
        assertThat(rule.check(f)).isEmpty();
    }
}
