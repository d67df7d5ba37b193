package io.esteira.loader.apply;

import io.esteira.contracts.AlertEvent;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.route.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the derive queue in passes ({@link BatchApplier#derive}), as often as the {@code derive} route
 * calls it. One drain at a time in this JVM (a call that finds one running returns at once), one pass at
 * a time across loaders (the derive lock).
 *
 * <p>Poison stays contained: a pass that fails leaves its keys queued, and the deriver isolates the
 * culprit by bisection — the oldest keys split in halves, each half derived in a pass of its own, down
 * to a key that fails alone, which is parked in {@code ctl.derive_failed} with the reason and a {@code
 * dlq} alert; every other key keeps flowing. {@code POST /api/dlq/derive/retry} queues parked keys again
 * after the fix; a pass that derives a parked key, retried or landed again fixed, unparks it and resolves its
 * alert. When passes keep failing without a key to blame (the warehouse itself is broken, or
 * down), {@value #FAILURES_BEFORE_ALERT} failures in a row raise a critical alert, resolved by the first
 * pass that succeeds.
 */
public class Deriver implements AutoCloseable {

    static final int FAILURES_BEFORE_ALERT = 3;

    /**
     * More keys than this failing alone in one drain looks less like poison in the data than like a broken
     * warehouse: isolation stops for {@link #ISOLATION_PAUSE}, the keys stay queued, and the
     * failures-in-a-row alert tells. Real poison spread over many keys is still parked, this many at a time.
     */
    static final int MAX_PARKED_PER_DRAIN = 10;

    static final Duration ISOLATION_PAUSE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Deriver.class);

    private final BatchApplier applier;
    private final int maxKeys;
    private final LoaderMetrics metrics;
    private final AlertPublisher alerts;
    private final Clock clock;
    private final ReentrantLock draining = new ReentrantLock();
    private final Object signal = new Object();
    private boolean woken;
    private Instant lastDrain = Instant.EPOCH;

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private int failuresInARow;
    private boolean alerted;
    private Instant isolationPausedUntil = Instant.MIN;

    /**
     * While keys stay queued after a pass (an initial load, a backlog), the deriver vacuums after this many
     * times {@link #vacuumAfterKeys} only ({@link #vacuumWhenDue}): a backstop for servers without autovacuum.
     */
    static final int VACUUM_BEHIND_FACTOR = 10;

    /** Keys derived since the deriver last vacuumed its queue and work tables ({@link #vacuumAfterKeys}). */
    private long derivedSinceVacuum;

    private final int vacuumAfterKeys;

    private final AtomicBoolean vacuumRunning = new AtomicBoolean();

    /** Set by {@link #stop()}: no pass starts after it. */
    private volatile boolean stopping;

    /** The thread of the drain in progress, if any ({@link #stop()} interrupts its waits). */
    private volatile Thread drainer;

    private final ExecutorService vacuums = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "derive-vacuum");
        thread.setDaemon(true);
        return thread;
    });

    public Deriver(BatchApplier applier, int maxKeys, LoaderMetrics metrics, AlertPublisher alerts, Clock clock) {
        this(applier, maxKeys, 10_000, metrics, alerts, clock);
    }

    /**
     * @param vacuumAfterKeys keys derived after which the pass that leaves the queue empty is followed by a
     *     vacuum of the derive queue and its work tables ({@link BatchApplier#vacuumWorkTables}); with keys
     *     still queued, {@value #VACUUM_BEHIND_FACTOR} times as many; 0 never
     */
    public Deriver(
            BatchApplier applier,
            int maxKeys,
            int vacuumAfterKeys,
            LoaderMetrics metrics,
            AlertPublisher alerts,
            Clock clock) {
        this.applier = applier;
        this.maxKeys = maxKeys;
        this.vacuumAfterKeys = vacuumAfterKeys;
        this.metrics = metrics;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Tells the deriver that keys were just queued (a batch landed and committed in this loader), so the
     * next drain starts now instead of at the next {@code derive-interval} tick.
     */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * One step of the {@code derive} route: waits for a {@link #wake()} up to the end of the interval since
     * the last drain (a second at most, so that a stopping route never waits long), then drains if it was
     * woken or the interval is over.
     *
     * @return the keys derived (0 when it only waited)
     */
    public int drainWhenDue(Duration interval) throws InterruptedException {
        if (stopping) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), lastDrain.plus(interval));
        Duration wait = left.isNegative() ? Duration.ZERO : left.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : left;
        if (!awaitWake(wait) && clock.instant().isBefore(lastDrain.plus(interval))) {
            return 0;
        }
        lastDrain = clock.instant();
        return drain();
    }

    private boolean awaitWake(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, atMost.toNanos());
        synchronized (signal) {
            long left;
            while (!woken && (left = deadline - System.nanoTime()) > 0) {
                signal.wait(Math.max(1, left / 1_000_000));
            }
            boolean wasWoken = woken;
            woken = false;
            return wasWoken;
        }
    }

    /**
     * Runs passes until the queue is empty, another loader holds the derive lock, a pass fails, or the loader
     * stops ({@link #stop()}).
     *
     * @return the keys derived
     */
    public int drain() {
        if (stopping || !draining.tryLock()) {
            return 0;
        }
        drainer = Thread.currentThread();
        int total = 0;
        try {
            boolean queued = applier.deriveQueued();
            while (queued) {
                Instant started = clock.instant();
                BatchApplier.DeriveResult result = applier.derive(maxKeys);
                if (!result.ran() || result.totalKeys() == 0) {
                    break;
                }
                metrics.derived(result, Duration.between(started, clock.instant()));
                unparked(result);
                total += result.totalKeys();
                if (stopping) {
                    break;
                }
                queued = applier.deriveQueued();
                // Between passes, not after the drain: an initial load is one drain of many passes.
                vacuumWhenDue(result.totalKeys(), !queued);
            }
            succeeded();
            return total;
        } catch (RuntimeException e) {
            if (stopping) {
                log.info(
                        "Derive pass given up as the loader stops; its keys stay queued for the next loader: {}",
                        DeadLetters.describe(e));
                return total;
            }
            failed(e);
            return isolate();
        } finally {
            drainer = null;
            if (stopping) {
                // The interrupt of stop() was for this drain's waits, not for the thread that ran it.
                Thread.interrupted();
            }
            draining.unlock();
        }
    }

    /**
     * The loader is stopping: the drain in progress ends after the pass it runs, instead of draining a backlog
     * (an initial load is one drain of many passes, each seconds long), and a wait of it for a pooled connection
     * (a warehouse that is down: up to {@code esteira.timeouts.database-connect} per call) is interrupted; a pass
     * that fails meanwhile is neither counted, alerted nor isolated. No drain starts after this. Nothing is
     * lost: a pass is one transaction, and what it did not commit stays queued for the next loader. Without it,
     * stopping a loader with a backlog or without its warehouse waited out Camel's shutdown timeout (45 s),
     * longer than Kubernetes' default grace period (30 s; k8s/base gives the loader 60) before it kills the pod.
     */
    public void stop() {
        stopping = true;
        wake();
        Thread running = drainer;
        if (running != null) {
            running.interrupt();
        }
    }

    /**
     * Starts a vacuum of the queue and the work tables, beside the passes, once {@link #vacuumAfterKeys}
     * keys were derived and the pass left the queue empty (the deriver caught up: the passes that follow are
     * live ones), or once {@value #VACUUM_BEHIND_FACTOR} times as many were derived with keys still queued
     * ({@link #vacuumDue}). Every claimed key leaves a dead row and a dead index entry behind, and without a
     * vacuum the look for the oldest queued key ({@link BatchApplier#deriveQueued}, each drain) and each
     * pass's claim walk over all of them: that is what the live passes after an initial load pay (4.9 ms a
     * claim instead of 0.7). A vacuum scans the queue's indexes whole, so it costs with the queue's size, not
     * with the keys derived: 170–830 ms each in and after a 1,000,000-item load (docs/performance.md). Run by
     * the deriver between passes, every one of them stalled the passes for that long, which live changes
     * waited out (the freshness tail); so it runs on a thread and a connection of its own (VACUUM takes no
     * lock that a claim, a pass or a lander waits for, since it leaves these tables' emptied pages in place:
     * db/dw/common/V101), one at a time: one that is due while another runs
     * waits for the next pass. A vacuum that fails loses nothing (the tables only grow): it is logged, and
     * tried again after as many keys.
     */
    private void vacuumWhenDue(int derived, boolean caughtUp) {
        derivedSinceVacuum += derived;
        if (!vacuumDue(derivedSinceVacuum, vacuumAfterKeys, caughtUp) || !vacuumRunning.compareAndSet(false, true)) {
            return;
        }
        long keys = derivedSinceVacuum;
        derivedSinceVacuum = 0;
        try {
            vacuums.execute(() -> vacuum(keys));
        } catch (RejectedExecutionException stopping) {
            vacuumRunning.set(false);
        }
    }

    /**
     * Whether a vacuum is due after {@code derivedSinceVacuum} keys: {@code vacuumAfterKeys} once the deriver
     * caught up, {@value #VACUUM_BEHIND_FACTOR} times as many while keys stay queued; never when {@code
     * vacuumAfterKeys} is 0.
     */
    static boolean vacuumDue(long derivedSinceVacuum, int vacuumAfterKeys, boolean caughtUp) {
        long due = caughtUp ? vacuumAfterKeys : (long) vacuumAfterKeys * VACUUM_BEHIND_FACTOR;
        return vacuumAfterKeys > 0 && derivedSinceVacuum >= due;
    }

    private void vacuum(long keys) {
        Instant started = clock.instant();
        try {
            if (applier.vacuumWorkTables()) {
                log.info(
                        "Vacuumed the derive queue and work tables after {} keys derived, in {} ms",
                        keys,
                        Duration.between(started, clock.instant()).toMillis());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not vacuum the derive queue and work tables after {} keys derived ({}): nothing is lost,"
                            + " but until a vacuum runs (this loader tries again after as many keys, autovacuum, or"
                            + " VACUUM ctl.derive_queue by the DW's owner) each look at the queue walks over the"
                            + " claimed keys",
                    keys,
                    e.toString());
        } finally {
            vacuumRunning.set(false);
        }
    }

    /** Whether a vacuum started by the deriver is running (tests wait for it). */
    boolean vacuumRunning() {
        return vacuumRunning.get();
    }

    /** Stops the vacuum thread: no vacuum starts after this; one in flight runs to its end on its connection. */
    @Override
    public void close() {
        vacuums.shutdownNow();
    }

    /**
     * Derives the oldest queued keys half by half (the queued batches split into rows of one key first), parking
     * each key that fails alone.
     */
    private int isolate() {
        if (clock.instant().isBefore(isolationPausedUntil)) {
            return 0;
        }
        List<BatchApplier.QueuedKey> keys;
        try {
            applier.splitQueuedBatches();
            keys = applier.queuedKeys(maxKeys);
        } catch (RuntimeException e) {
            return 0;
        }
        int[] parked = {0};
        try {
            int derived = bisect(keys, parked);
            if (derived > 0) {
                succeeded();
            }
            return derived;
        } catch (StopIsolating stop) {
            isolationPausedUntil = clock.instant().plus(ISOLATION_PAUSE);
            log.warn(
                    "Derive pass isolation paused for {}, the keys stay queued: {}",
                    ISOLATION_PAUSE,
                    stop.getMessage());
            return 0;
        }
    }

    private int bisect(List<BatchApplier.QueuedKey> keys, int[] parked) {
        if (keys.isEmpty()) {
            return 0;
        }
        try {
            BatchApplier.DeriveResult result = applier.derive(keys);
            unparked(result);
            return result.totalKeys();
        } catch (RuntimeException e) {
            if (Failures.isRetriable(e)) {
                throw new StopIsolating("a transient failure says nothing about the keys: " + DeadLetters.describe(e));
            }
            if (keys.size() > 1) {
                int half = keys.size() / 2;
                return bisect(keys.subList(0, half), parked) + bisect(keys.subList(half, keys.size()), parked);
            }
            if (++parked[0] > MAX_PARKED_PER_DRAIN) {
                throw new StopIsolating(
                        "more than " + MAX_PARKED_PER_DRAIN + " keys fail alone: " + DeadLetters.describe(e));
            }
            park(keys.get(0), e);
            return 0;
        }
    }

    private static final class StopIsolating extends RuntimeException {
        StopIsolating(String message) {
            super(message, null, false, false);
        }
    }

    private void park(BatchApplier.QueuedKey key, RuntimeException e) {
        String reason = DeadLetters.describe(e);
        try {
            applier.park(key, reason);
        } catch (RuntimeException parkFailed) {
            log.warn(
                    "Could not park {} {} after its derive pass failed: {}",
                    key.entity(),
                    key.key(),
                    DeadLetters.describe(parkFailed));
            return;
        }
        metrics.parked(key.entity());
        log.error(
                "Parked {} {} in ctl.derive_failed: no derive pass can take it ({}); every other key goes on",
                key.entity(),
                key.key(),
                reason);
        alerts.publish(parkedAlert(
                key,
                AlertEvent.Status.firing,
                "Key " + key.key() + " of " + key.entity() + " could not be derived into the dimensions and facts"
                        + " and was parked in ctl.derive_failed: " + reason,
                Map.of("reason", reason, "key", Long.toString(key.key()))));
    }

    /**
     * Resolves the alert of each parked key a committed pass derived (after its fix landed, or a retry queued it
     * again): the key left {@code ctl.derive_failed} in that pass ({@code derive-unpark.sql}), so whichever
     * loader ran it resolves it, once. Sent after the commit, like the firing event after the park: a loader that
     * dies in between leaves the alert firing with the key already gone from the parked list.
     */
    private void unparked(BatchApplier.DeriveResult result) {
        for (BatchApplier.QueuedKey key : result.unparked()) {
            log.info("Derived {} {}, parked until now; it leaves ctl.derive_failed", key.entity(), key.key());
            alerts.publish(parkedAlert(
                    key,
                    AlertEvent.Status.resolved,
                    "Key " + key.key() + " of " + key.entity() + " was derived into the dimensions and facts and is"
                            + " parked no more",
                    Map.of("key", Long.toString(key.key()))));
        }
    }

    /** The {@code dlq} alert of a parked key: one fingerprint per key, firing when parked, resolved when derived. */
    private AlertEvent parkedAlert(
            BatchApplier.QueuedKey key, AlertEvent.Status status, String summary, Map<String, String> details) {
        return alerts.event(
                AlertEvent.Kind.DLQ,
                AlertEvent.Severity.critical,
                status,
                key.entity(),
                "derive-parked-" + key.key(),
                summary,
                details,
                Map.of(
                        "runbook",
                        "docs/runbook.md#a-key-cannot-be-derived",
                        "retry",
                        "curl -u \"$AUTH\" -X POST 'http://<loader>:8082/api/dlq/derive/retry?entity=" + key.entity()
                                + "'"));
    }

    private void succeeded() {
        failuresInARow = 0;
        if (alerted) {
            alerted = false;
            alerts.publish(alert(
                    AlertEvent.Status.resolved,
                    "Derive passes succeed again: dimensions and facts" + " are catching up with the staging mirror.",
                    Map.of()));
        }
    }

    private void failed(RuntimeException e) {
        failuresInARow++;
        metrics.deriveFailed();
        String reason = DeadLetters.describe(e);
        log.warn(
                "Derive pass failed ({} in a row); its keys stay queued for the next pass: {}", failuresInARow, reason);
        if (failuresInARow >= FAILURES_BEFORE_ALERT && !alerted) {
            alerted = true;
            alerts.publish(alert(
                    AlertEvent.Status.firing,
                    "Derive passes fail (" + failuresInARow + " in a row): batches still land in the staging mirror,"
                            + " but dimensions and facts are not updated until the cause is fixed: " + reason,
                    Map.of("reason", reason, "failuresInARow", Integer.toString(failuresInARow))));
        }
    }

    private AlertEvent alert(AlertEvent.Status status, String summary, Map<String, String> details) {
        return alerts.event(
                AlertEvent.Kind.PIPELINE_FAILURE,
                AlertEvent.Severity.critical,
                status,
                null,
                "derive-failing",
                summary,
                details,
                Map.of("runbook", "docs/runbook.md#derive-passes-fail"));
    }
}
