package dev.mlplan.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A violation's sentence given as a supplier is made once, only when asked for, and the violation is the same value. */
class ViolationTest {
    @Test
    void aLazyReasonIsMadeOnceWhenAskedAndEqualsTheEagerOne() {
        AtomicInteger made = new AtomicInteger();
        Violation lazy = new Violation("instance.deadline", () -> {
            made.incrementAndGet();
            return "one run takes 13 h; the deadline is 12 h";
        });
        assertThat(made).hasValue(0);
        assertThat(lazy.rule()).isEqualTo("instance.deadline");
        assertThat(made).hasValue(0);
        Violation eager = new Violation("instance.deadline", "one run takes 13 h; the deadline is 12 h");
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
        assertThat(lazy.reason()).isEqualTo(eager.reason());
        assertThat(made).hasValue(1);
        assertThat(lazy).isNotEqualTo(new Violation("instance.deadline", "other")).isNotEqualTo(new Violation("other.rule", eager.reason()));
    }
}
