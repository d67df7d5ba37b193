package io.esteira.extractor.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esteira.extractor.listen.WakeUpGate.GateLock.Arming;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The gate's decisions, with a lock that answers what each test scripts and records what it was asked. */
class WakeUpGateTest {

    private static final Duration DELAY = Duration.ofMillis(100);
    private static final Duration STANDBY_RETRY = Duration.ofSeconds(10);

    private final List<String> wokenUp = new ArrayList<>();
    private final List<String> lockCalls = new ArrayList<>();
    private final Map<String, Deque<Arming>> answers = new TreeMap<>();
    private long now = 1_000_000_000L;

    private final WakeUpGate.GateLock lock = new WakeUpGate.GateLock() {
        @Override
        public Arming arm(String entity) {
            lockCalls.add("arm " + entity);
            Deque<Arming> scripted = answers.get(entity);
            return scripted == null || scripted.isEmpty() ? Arming.ARMED : scripted.poll();
        }

        @Override
        public void release(String entity) {
            lockCalls.add("release " + entity);
        }
    };

    private WakeUpGate gate(String... entities) {
        return new WakeUpGate(List.of(entities), DELAY, STANDBY_RETRY, lock, wokenUp::add, () -> now);
    }

    private void answer(String entity, Arming... arming) {
        answers.computeIfAbsent(entity, e -> new ArrayDeque<>()).addAll(List.of(arming));
    }

    private void later(Duration duration) {
        now += duration.toNanos();
    }

    /** A gate that has taken its locks and woken its entities once, as after the listener's connect. */
    private WakeUpGate waiting(String... entities) throws Exception {
        WakeUpGate gate = gate(entities);
        gate.runDue();
        wokenUp.clear();
        lockCalls.clear();
        return gate;
    }

    @Test
    void shouldTakeEveryLockAndWakeEveryEntityOnceConnected() throws Exception {
        WakeUpGate gate = gate("orders", "customers");

        gate.runDue();

        assertThat(lockCalls).containsExactly("arm orders", "arm customers");
        assertThat(wokenUp).containsExactly("orders", "customers");
        assertThat(gate.untilNextDue(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldReleaseTheLockOnTheFirstNotificationAndWakeAfterTakingItBack() throws Exception {
        WakeUpGate gate = waiting("order_items");
        later(Duration.ofSeconds(1));

        gate.notified("order_items");
        assertThat(lockCalls).containsExactly("release order_items");
        assertThat(wokenUp).isEmpty();

        gate.runDue();
        // The lock is taken back before the wake-up: the extraction then reads every silent writer's commit.
        assertThat(lockCalls).containsExactly("release order_items", "arm order_items");
        assertThat(wokenUp).containsExactly("order_items");
    }

    @Test
    void shouldWakeABusyEntityOnceForTheNotificationsThatArriveWithinItsDelay() throws Exception {
        WakeUpGate gate = waiting("order_items");
        later(Duration.ofMillis(30));

        gate.notified("order_items");
        gate.notified("order_items");
        gate.notified("order_items");
        gate.runDue();

        assertThat(lockCalls).containsExactly("release order_items");
        assertThat(wokenUp).isEmpty();
        assertThat(gate.untilNextDue(Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(70));

        later(Duration.ofMillis(70));
        gate.runDue();
        assertThat(lockCalls).containsExactly("release order_items", "arm order_items");
        assertThat(wokenUp).containsExactly("order_items");
    }

    @Test
    void shouldWakeAnywayAndTryAgainWhenOpenWritersKeepTheLock() throws Exception {
        WakeUpGate gate = waiting("order_items");
        later(Duration.ofSeconds(1));
        answer("order_items", Arming.WRITERS_OPEN, Arming.WRITERS_OPEN);

        gate.notified("order_items");
        gate.runDue();
        assertThat(wokenUp).containsExactly("order_items");

        later(DELAY);
        gate.runDue();
        later(DELAY);
        gate.runDue();

        // Every try that fails wakes for what has committed; the one that succeeds wakes for the rest.
        assertThat(lockCalls)
                .containsExactly("release order_items", "arm order_items", "arm order_items", "arm order_items");
        assertThat(wokenUp).containsExactly("order_items", "order_items", "order_items");
        later(Duration.ofSeconds(1));
        gate.runDue();
        assertThat(wokenUp).hasSize(3);
    }

    @Test
    void shouldWakeEachNotifiedEntityOnly() throws Exception {
        WakeUpGate gate = waiting("orders", "customers", "products");
        later(Duration.ofSeconds(1));

        gate.notified("orders");
        gate.notified("customers");
        gate.notified("orders");
        gate.notified("unknown");
        gate.runDue();

        assertThat(wokenUp).containsExactlyInAnyOrder("orders", "customers");
    }

    @Test
    void shouldWakeOnNotificationsWithoutGatingWhileAnotherListenerHoldsTheLock() throws Exception {
        answer("orders", Arming.HELD_ELSEWHERE, Arming.HELD_ELSEWHERE);
        WakeUpGate gate = gate("orders");
        gate.runDue();
        assertThat(wokenUp).containsExactly("orders");
        later(Duration.ofSeconds(1));

        gate.notified("orders");
        gate.notified("orders");
        gate.runDue();
        later(Duration.ofMillis(30));
        gate.notified("orders");
        gate.runDue();
        later(Duration.ofMillis(70));
        gate.runDue();

        // Standing by, it neither releases nor takes the lock on a notification; it wakes, coalesced.
        assertThat(lockCalls).containsExactly("arm orders");
        assertThat(wokenUp).containsExactly("orders", "orders", "orders");

        // Every retry period it tries the lock again: still held, then free (the other listener has gone).
        later(STANDBY_RETRY);
        gate.runDue();
        assertThat(lockCalls).containsExactly("arm orders", "arm orders");
        assertThat(wokenUp).hasSize(3);
        later(STANDBY_RETRY);
        gate.runDue();
        assertThat(lockCalls).containsExactly("arm orders", "arm orders", "arm orders");
        assertThat(wokenUp).hasSize(4);

        gate.notified("orders");
        assertThat(lockCalls).last().isEqualTo("release orders");
    }

    @Test
    void shouldTakeEveryLockAgainAndWakeEveryEntityAfterAReset() throws Exception {
        WakeUpGate gate = waiting("orders", "customers");

        gate.reset();
        gate.runDue();

        assertThat(lockCalls).containsExactly("arm orders", "arm customers");
        assertThat(wokenUp).containsExactly("orders", "customers");
    }

    @Test
    void shouldWakeAtOnceWithAZeroDelay() throws Exception {
        WakeUpGate gate =
                new WakeUpGate(List.of("orders"), Duration.ZERO, STANDBY_RETRY, lock, wokenUp::add, () -> now);
        gate.runDue();
        wokenUp.clear();

        gate.notified("orders");
        assertThat(gate.untilNextDue(Duration.ofMillis(500))).isZero();
        gate.runDue();
        gate.notified("orders");
        gate.runDue();

        assertThat(wokenUp).containsExactly("orders", "orders");
    }

    @Test
    void shouldKeepGatingWhenAWakeUpIsRefused() throws Exception {
        List<String> refused = new ArrayList<>();
        WakeUpGate gate = new WakeUpGate(
                List.of("orders"),
                DELAY,
                STANDBY_RETRY,
                lock,
                entity -> {
                    refused.add(entity);
                    throw new IllegalStateException("the Camel context is not started");
                },
                () -> now);

        gate.runDue();
        later(Duration.ofSeconds(1));
        gate.notified("orders");
        gate.runDue();

        assertThat(refused).containsExactly("orders", "orders");
        assertThat(lockCalls).containsExactly("arm orders", "release orders", "arm orders");
    }

    @Test
    void shouldRefuseANegativeDelayNamingTheSetting() {
        assertThatThrownBy(() -> new WakeUpGate(
                        List.of("orders"), Duration.ofMillis(-1), STANDBY_RETRY, lock, wokenUp::add, () -> now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("esteira.extractor.wake-up-delay");
    }
}
