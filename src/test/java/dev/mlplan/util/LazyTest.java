package dev.mlplan.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void computesOnFirstUseOnlyAndKeepsTheValue() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<List<String>> lazy = Lazy.of(() -> List.of("step " + calls.incrementAndGet()));
        assertThat(calls).hasValue(0);
        assertThat(lazy.get()).containsExactly("step 1");
        assertThat(lazy.get()).isSameAs(lazy.get()).containsExactly("step 1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aValueAlreadyMadeIsReturnedAsItIs() {
        List<String> steps = List.of("a");
        assertThat(Lazy.ofValue(steps).get()).isSameAs(steps);
    }

    @Test
    void nullIsRefusedEitherWay() {
        assertThatThrownBy(() -> Lazy.ofValue(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Lazy.of(() -> null).get()).isInstanceOf(NullPointerException.class).hasMessageContaining("returned null");
    }

    @Test
    void threadsRacingForTheFirstValueAllGetAnEqualOne() throws Exception {
        for (int round = 0; round < 200; round++) {
            Lazy<String> lazy = Lazy.of(() -> "value");
            String[] seen = new String[4];
            Thread[] threads = new Thread[seen.length];
            for (int i = 0; i < threads.length; i++) {
                int k = i;
                threads[i] = new Thread(() -> seen[k] = lazy.get());
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(seen).containsOnly("value");
        }
    }
}
