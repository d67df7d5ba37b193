package io.esteira.extractor.listen;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per entity, when the change listener wakes its extraction and when it opens or closes the
 * entity's gate: the lock that tells the OLTP's capture trigger whether a commit must notify.
 *
 * <p>A {@code pg_notify} in a writing transaction costs the OLTP far more than its message: PostgreSQL
 * commits the transactions that notified one after the other, under one lock, so a busy table's writers
 * queue behind each other's commits (docs/performance.md). The gate makes a table notify only while the
 * extractor is actually waiting for it, and then from one writer at a time ({@link AdvisoryGateLock} has the
 * locks, ADR 25 the proof):
 *
 * <ul>
 *   <li><b>Waiting</b> — the listener holds the entity's gate ({@link GateLock#arm}). A writing statement
 *       cannot take the gate shared; one writer notifies, the others that come meanwhile stay silent and hold
 *       the pending lock to their end.
 *   <li><b>Woken</b> — on the first notification the listener lets the gate go ({@link GateLock#release}): a
 *       wake-up is due anyway, so the writers that follow take the gate shared, keep it to their commit, and
 *       stay silent. When the wake-up is due (at once after a quiet spell, else {@code delay} after the last
 *       one) the listener takes the gate back and the pending lock once — which waits for every silent writer
 *       still open — and only then wakes the extraction, which therefore reads every silent write. If open
 *       writers keep a lock longer than the lock wait, the extraction is woken anyway (for what has committed)
 *       and the take is tried again after {@code delay}; the entity is not waiting until it succeeds.
 *   <li><b>Standby</b> — another session holds the gate (another extractor replica, which does the gating):
 *       this listener wakes on notifications as if there were no gate, coalesced to one wake-up per {@code
 *       delay}, and tries to take the gate every {@code standbyRetry}, in case the other one has gone.
 * </ul>
 *
 * A notification remains a hint, never a source of truth: whatever is missed costs latency (the Quartz
 * schedule catches up), never data. Not thread-safe: the listener's one thread drives it.
 */
final class WakeUpGate {

    private static final Logger log = LoggerFactory.getLogger(WakeUpGate.class);

    /** The entity's lock on the OLTP, seen from the listener. */
    interface GateLock {

        /** What taking the lock came to. */
        enum Arming {
            /** The lock is held: the entity's writers notify. */
            ARMED,
            /** Writers still open from the woken spell kept it past the lock wait. */
            WRITERS_OPEN,
            /** Another session holds it: another listener gates this entity. */
            HELD_ELSEWHERE
        }

        Arming arm(String entity) throws SQLException;

        void release(String entity) throws SQLException;
    }

    private enum State {
        WAITING,
        WOKEN,
        STANDBY
    }

    private static final class Entity {
        State state = State.WOKEN;
        long due;
        boolean wakeUpDue = true;
        long retryAt;
        Long lastFired;
    }

    private final Duration delay;
    private final Duration standbyRetry;
    private final GateLock lock;
    private final Consumer<String> wakeUp;
    private final LongSupplier nanoTime;
    private final Map<String, Entity> entities = new LinkedHashMap<>();

    WakeUpGate(
            Collection<String> entities,
            Duration delay,
            Duration standbyRetry,
            GateLock lock,
            Consumer<String> wakeUp,
            LongSupplier nanoTime) {
        this.delay = requireDelay(delay);
        this.standbyRetry = standbyRetry;
        this.lock = lock;
        this.wakeUp = wakeUp;
        this.nanoTime = nanoTime;
        entities.forEach(name -> this.entities.put(name, new Entity()));
        reset();
    }

    /** The wake-up delay, refused when negative, naming its setting. */
    static Duration requireDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("esteira.extractor.wake-up-delay must not be negative: " + delay);
        }
        return delay;
    }

    /**
     * A new connection holds no lock: every entity is woken and its lock taken at the next {@link #runDue},
     * so what changed while nobody listened is extracted then, not at the next Quartz fire.
     */
    void reset() {
        long now = nanoTime.getAsLong();
        for (Entity entity : entities.values()) {
            entity.state = State.WOKEN;
            entity.due = now;
            entity.wakeUpDue = true;
        }
    }

    /** A change of {@code name} was notified. */
    void notified(String name) throws SQLException {
        Entity entity = entities.get(name);
        if (entity == null) {
            return;
        }
        switch (entity.state) {
            case WAITING -> {
                lock.release(name);
                entity.state = State.WOKEN;
                entity.due = nextWakeUp(entity);
            }
            case STANDBY -> {
                if (!entity.wakeUpDue) {
                    entity.wakeUpDue = true;
                    entity.due = nextWakeUp(entity);
                }
            }
            case WOKEN -> {
                // A wake-up is already due; this change rides along.
            }
        }
    }

    /** Takes the locks and fires the wake-ups that are due now. */
    void runDue() throws SQLException {
        long now = nanoTime.getAsLong();
        for (Map.Entry<String, Entity> named : entities.entrySet()) {
            String name = named.getKey();
            Entity entity = named.getValue();
            switch (entity.state) {
                case WAITING -> {
                    // Nothing to do until a notification.
                }
                case WOKEN -> {
                    if (entity.due - now <= 0) {
                        arm(name, entity);
                    }
                }
                case STANDBY -> {
                    if (entity.retryAt - now <= 0) {
                        arm(name, entity);
                    } else if (entity.wakeUpDue && entity.due - now <= 0) {
                        fire(name, entity, now);
                    }
                }
            }
        }
    }

    private void arm(String name, Entity entity) throws SQLException {
        GateLock.Arming arming = lock.arm(name);
        // Taking the locks may have waited: the wake-up and what follows it count from now.
        long now = nanoTime.getAsLong();
        switch (arming) {
            case ARMED -> {
                entity.state = State.WAITING;
                fire(name, entity, now);
            }
            case WRITERS_OPEN -> {
                entity.state = State.WOKEN;
                fire(name, entity, now);
                entity.due = now + delay.toNanos();
            }
            case HELD_ELSEWHERE -> {
                if (entity.state != State.STANDBY || entity.wakeUpDue) {
                    fire(name, entity, now);
                }
                entity.state = State.STANDBY;
                entity.retryAt = now + standbyRetry.toNanos();
            }
        }
    }

    private void fire(String name, Entity entity, long now) {
        entity.wakeUpDue = false;
        entity.lastFired = now;
        try {
            wakeUp.accept(name);
        } catch (RuntimeException e) {
            // Starting or stopping, the routes may refuse a wake-up; the Quartz schedule extracts in its place.
            log.warn(
                    "Could not wake the extraction of {} ({}); its Quartz schedule extracts instead",
                    name,
                    e.toString());
        }
    }

    private long nextWakeUp(Entity entity) {
        long now = nanoTime.getAsLong();
        if (entity.lastFired == null) {
            return now;
        }
        long next = entity.lastFired + delay.toNanos();
        return next - now > 0 ? next : now;
    }

    /** How long the listener may wait for notifications before {@link #runDue} has work; never negative. */
    Duration untilNextDue(Duration atMost) {
        long now = nanoTime.getAsLong();
        long wait = atMost.toNanos();
        for (Entity entity : entities.values()) {
            switch (entity.state) {
                case WAITING -> {}
                case WOKEN -> wait = Math.min(wait, entity.due - now);
                case STANDBY -> {
                    wait = Math.min(wait, entity.retryAt - now);
                    if (entity.wakeUpDue) {
                        wait = Math.min(wait, entity.due - now);
                    }
                }
            }
        }
        return Duration.ofNanos(Math.max(0, wait));
    }
}
