package io.esteira.loader.apply;

import io.esteira.contracts.AlertEvent;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.runtime.alert.AlertPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the derive queue in passes ({@link BatchApplier#derive}), as often as the {@code derive} route
 * calls it. One drain at a time in this JVM (a call that finds one running returns at once), one pass at
 * a time across loaders (the derive lock). A pass that fails leaves its keys queued: the next call
 * derives them again. While passes keep failing, landing goes on and the dimensions and facts grow
 * stale: after {@value #FAILURES_BEFORE_ALERT} failures in a row a critical alert says so, and a
 * resolved one follows the first pass that succeeds.
 */
public class Deriver {

    static final int FAILURES_BEFORE_ALERT = 3;

    private static final Logger log = LoggerFactory.getLogger(Deriver.class);

    private final BatchApplier applier;
    private final int maxKeys;
    private final LoaderMetrics metrics;
    private final AlertPublisher alerts;
    private final Clock clock;
    private final ReentrantLock draining = new ReentrantLock();
    private int failuresInARow;
    private boolean alerted;

    public Deriver(BatchApplier applier, int maxKeys, LoaderMetrics metrics, AlertPublisher alerts, Clock clock) {
        this.applier = applier;
        this.maxKeys = maxKeys;
        this.metrics = metrics;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Runs passes until the queue is empty, another loader holds the derive lock, or a pass fails.
     *
     * @return the keys derived
     */
    public int drain() {
        if (!draining.tryLock()) {
            return 0;
        }
        try {
            int total = 0;
            while (applier.deriveQueued()) {
                Instant started = clock.instant();
                BatchApplier.DeriveResult result = applier.derive(maxKeys);
                if (!result.ran() || result.totalKeys() == 0) {
                    break;
                }
                metrics.derived(result, Duration.between(started, clock.instant()));
                total += result.totalKeys();
            }
            succeeded();
            return total;
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        } finally {
            draining.unlock();
        }
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
