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

    /** Two threads asking at once both get the sentence (never null), and it is made once. */
    @Test
    void aLazyReasonIsSafeToAskForFromTwoThreads() throws Exception {
        int n = 1 << 18;
        AtomicInteger made = new AtomicInteger();
        Violation[] vs = new Violation[n];
        for (int i = 0; i < n; i++) {
            String text = "reason " + i;
            vs[i] = new Violation("r", () -> {
                made.incrementAndGet();
                return text;
            });
        }
        AtomicInteger nulls = new AtomicInteger();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        Runnable ask = () -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (Violation v : vs) {
                if (v.reason() == null) {
                    nulls.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(ask);
        Thread b = new Thread(ask);
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(nulls).hasValue(0);
        assertThat(made).hasValue(n);
    }
}
