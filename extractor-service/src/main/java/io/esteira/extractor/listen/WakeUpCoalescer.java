package io.esteira.extractor.listen;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns a stream of change notifications into at most one wake-up per entity per {@code delay}: the
 * first notification schedules the wake-up, the ones that arrive before it fires ride along. A busy
 * table then yields fewer, fuller batches — each batch costs the loader a fixed amount of work, so
 * one batch per commit would cap what it can apply well below the commit rate — at the price of at
 * most {@code delay} of added latency. A notification that arrives once the wake-up has fired
 * schedules the next one, so none is lost. A zero delay wakes at once, on the caller's thread.
 */
final class WakeUpCoalescer implements AutoCloseable {

    /** Runs a task after a delay; the production one is a daemon timer thread. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private final Duration delay;
    private final Consumer<String> wakeUp;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Scheduler scheduler;

    WakeUpCoalescer(Duration delay, Consumer<String> wakeUp) {
        this(delay, wakeUp, null);
    }

    WakeUpCoalescer(Duration delay, Consumer<String> wakeUp, Scheduler scheduler) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("esteira.extractor.wake-up-delay must not be negative: " + delay);
        }
        this.delay = delay;
        this.wakeUp = wakeUp;
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
            scheduler.schedule(() -> fire(entity), delay);
        }
    }

    private void fire(String entity) {
        // Cleared before the wake-up: a notification from now on schedules another one.
        pending.remove(entity);
        wakeUp.accept(entity);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
