package io.esteira.extractor.listen;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a stream of change notifications into at most one wake-up per entity per {@code delay}. The
 * first notification after a quiet spell wakes the entity at once (on the timer thread), so a lone change
 * waits for nothing; notifications that arrive within {@code delay} of the last wake-up schedule one
 * wake-up at the end of that interval, and the ones that arrive before it fires ride along. A busy table
 * then yields at most one batch per {@code delay} — each batch costs the loader a fixed amount of work, so
 * one batch per commit would cap what it can apply well below the commit rate — at the price of at most
 * {@code delay} of added latency, and only under load. A notification that arrives once a wake-up has
 * fired schedules the next one, so none is lost. A zero delay wakes at once, on the caller's thread.
 */
final class WakeUpCoalescer implements AutoCloseable {

    /** Runs a task after a delay; the production one is a daemon timer thread. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private final Duration delay;
    private final Consumer<String> wakeUp;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lastFired = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService timer;
    private final Scheduler scheduler;

    WakeUpCoalescer(Duration delay, Consumer<String> wakeUp) {
        this(delay, wakeUp, null, System::nanoTime);
    }

    WakeUpCoalescer(Duration delay, Consumer<String> wakeUp, Scheduler scheduler, LongSupplier nanoTime) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("esteira.extractor.wake-up-delay must not be negative: " + delay);
        }
        this.delay = delay;
        this.wakeUp = wakeUp;
        this.nanoTime = nanoTime;
        this.timer = delay.isZero() || scheduler != null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "pg-change-wake-up");
                    thread.setDaemon(true);
                    return thread;
                });
        this.scheduler = scheduler != null
                ? scheduler
                : timer == null ? null : (task, after) -> timer.schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A change of {@code entity} was notified. */
    void notified(String entity) {
        if (delay.isZero()) {
            wakeUp.accept(entity);
        } else if (pending.add(entity)) {
            Long last = lastFired.get(entity);
            long wait = last == null ? 0 : Math.max(0, last + delay.toNanos() - nanoTime.getAsLong());
            scheduler.schedule(() -> fire(entity), Duration.ofNanos(wait));
        }
    }

    private void fire(String entity) {
        // Cleared before the wake-up: a notification from now on schedules another one.
        pending.remove(entity);
        lastFired.put(entity, nanoTime.getAsLong());
        wakeUp.accept(entity);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
