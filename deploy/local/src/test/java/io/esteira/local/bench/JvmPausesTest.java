package io.esteira.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JvmPausesTest {

    @Test
    void shouldCountAFullCollectionOfThisJvmWhileOpen() throws Exception {
        try (JvmPauses pauses = JvmPauses.start()) {
            System.gc();
            // Collectors notify from a thread of their own, shortly after the collection.
            for (int i = 0; i < 200 && pauses.summary().count() == 0; i++) {
                Thread.sleep(10);
            }

            assertThat(pauses.summary().count()).isPositive();
        }
    }

    @Test
    void shouldAddThePausesAndKeepTheLongest() {
        try (JvmPauses pauses = JvmPauses.start()) {
            pauses.record(40);
            pauses.record(250);
            pauses.record(10);

            assertThat(pauses.summary().count()).isGreaterThanOrEqualTo(3);
            assertThat(pauses.summary().longest()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        assertThat(new JvmPauses.Summary(3, Duration.ofMillis(300), Duration.ofMillis(250)).describe())
                .isEqualTo("3, 300 ms in all, the longest 250 ms");
    }

    @Test
    void shouldNotCountTheConcurrentCycleOfACollectorAsAPause() {
        assertThat(JvmPauses.stopsTheWorld("G1 Concurrent GC")).isFalse();
        assertThat(JvmPauses.stopsTheWorld("G1 Young Generation")).isTrue();
        assertThat(JvmPauses.stopsTheWorld("MarkSweepCompact")).isTrue();
    }
}
