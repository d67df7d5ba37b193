package io.esteira.extractor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WakeUpCoalescerTest {

    private final List<String> wokenUp = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private long now = 1_000_000_000L;

    private WakeUpCoalescer coalescer(Duration delay) {
        return new WakeUpCoalescer(
                delay,
                wokenUp::add,
                (task, after) -> {
                    scheduled.add(task);
                    delays.add(after);
                },
                () -> now);
    }

    private void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void shouldWakeAnEntityAtOnceAfterAQuietSpell() {
        WakeUpCoalescer coalescer = coalescer(Duration.ofMillis(100));

        coalescer.notified("order_items");
        coalescer.notified("order_items");

        assertThat(delays).containsExactly(Duration.ZERO);
        runScheduled();
        assertThat(wokenUp).containsExactly("order_items");
    }

    @Test
    void shouldWakeABusyEntityOnceForTheNotificationsThatArriveWithinItsDelay() {
        WakeUpCoalescer coalescer = coalescer(Duration.ofMillis(100));
        coalescer.notified("order_items");
        runScheduled();
        now += Duration.ofMillis(30).toNanos();

        coalescer.notified("order_items");
        coalescer.notified("order_items");
        coalescer.notified("order_items");

        assertThat(scheduled).hasSize(1);
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ofMillis(70));
        runScheduled();
        assertThat(wokenUp).containsExactly("order_items", "order_items");
    }

    @Test
    void shouldScheduleTheNextWakeUpForANotificationThatArrivesAfterTheLastFired() {
        WakeUpCoalescer coalescer = coalescer(Duration.ofMillis(100));
        coalescer.notified("orders");
        runScheduled();
        now += Duration.ofMillis(250).toNanos();

        coalescer.notified("orders");

        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO);
        runScheduled();
        assertThat(wokenUp).containsExactly("orders", "orders");
    }

    @Test
    void shouldWakeEachNotifiedEntity() {
        WakeUpCoalescer coalescer = coalescer(Duration.ofMillis(100));

        coalescer.notified("orders");
        coalescer.notified("customers");
        coalescer.notified("orders");
        runScheduled();

        assertThat(wokenUp).containsExactlyInAnyOrder("orders", "customers");
    }

    @Test
    void shouldWakeAtOnceWithAZeroDelay() {
        WakeUpCoalescer coalescer = coalescer(Duration.ZERO);

        coalescer.notified("orders");
        coalescer.notified("orders");

        assertThat(wokenUp).containsExactly("orders", "orders");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void shouldWakeUpOnItsOwnTimerWhenNoSchedulerIsGiven() throws Exception {
        List<String> woken = java.util.Collections.synchronizedList(new ArrayList<>());
        try (WakeUpCoalescer coalescer = new WakeUpCoalescer(Duration.ofMillis(10), woken::add)) {
            coalescer.notified("orders");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> woken.size() == 1);
        }
        assertThat(woken).containsExactly("orders");
    }

    @Test
    void shouldRefuseANegativeDelayNamingTheSetting() {
        assertThatThrownBy(() -> coalescer(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira.extractor.wake-up-delay");
    }
}
