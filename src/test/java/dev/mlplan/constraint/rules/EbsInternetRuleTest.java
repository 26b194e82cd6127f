package dev.mlplan.constraint.rules;

import static dev.mlplan.constraint.rules.RuleFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ebs.internet}: see {@link EbsInternetRule}. */
class EbsInternetRuleTest {
    private final EbsInternetRule rule = new EbsInternetRule();

    @Test
    void dataServedToTheInternetIsNotOfferedOnAVolume() {
        assertThat(rule.check(storage().servedToInternet("500 GB/month").on(volume("gp3")))).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("ebs.internet");
            assertThat(v.reason()).isEqualTo("500 GB/month served to the internet; a gp3 volume is reachable only through the instance it is"
                    + " attached to, which a storage option does not price (S3 serves objects directly)");
        });
    }

    @Test
    void dataKeptInsideAwsMayStayOnAVolume() {
        assertThat(rule.check(storage().on(volume("gp3")))).isEmpty();
        assertThat(rule.check(storage().servedToInternet("500 GB/month").on(s3("s3-standard")))).isEmpty();
    }
}
