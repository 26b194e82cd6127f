package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code s3.prefix-rate}: see {@link S3PrefixRateRule}. */
class S3PrefixRateRuleTest {
    private final S3PrefixRateRule rule = new S3PrefixRateRule();

    @Test
    void limitsAreThePublishedPerPrefixRates() {
        assertThat(CATALOG.limit(S3PrefixRateRule.GET_LIMIT).value()).isEqualTo(5500);
        assertThat(CATALOG.limit(S3PrefixRateRule.PUT_LIMIT).value()).isEqualTo(3500);
    }

    @Test
    void tenThousandGetsOnOnePrefixNeedTwo() {
        assertThat(rule.check(storage().getsPerSecond(10000).prefixesNeeded(2).on(s3("s3-standard")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("s3.prefix-rate");
            assertThat(v.reason()).isEqualTo("10,000 GET/s over 1 prefix is 82% over S3's 5,500 GET/s per prefix; spread keys over at least 2 prefixes");
        });
    }

    @Test
    void twoPrefixesCarryTenThousandGets() {
        assertThat(rule.check(storage().getsPerSecond(10000).prefixesNeeded(2).on(prefixes(2, "s3-standard")))).isEmpty();
    }

    @Test
    void putsHaveTheirOwnLimit() {
        assertThat(rule.check(storage().putsPerSecond(4000).prefixesNeeded(2).on(s3("s3-standard"))))
                .hasValueSatisfying(v -> assertThat(v.reason()).startsWith("4,000 PUT/s over 1 prefix is 14% over S3's 3,500 PUT/s"));
    }

    @Test
    void exactlyAtTheLimitPasses() {
        assertThat(rule.check(storage().getsPerSecond(5500).putsPerSecond(3500).on(s3("s3-standard")))).isEmpty();
    }
}
