package io.esteira.extractor.capture;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.BatchIds;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ChangeBatch.Cursor;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.extractor.config.ExtractorProperties;
import io.esteira.extractor.publish.BatchPublisher;
import io.esteira.extractor.watermark.ControlRow;
import io.esteira.extractor.watermark.RunAudit;
import io.esteira.extractor.watermark.WatermarkStore;
import io.esteira.runtime.alert.AlertPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs extraction for one entity at a time: read a page after the watermark, publish it as a change
 * batch, move the watermark only after the broker confirmed, repeat until caught up.
 *
 * <p>Within one process an entity is never extracted twice at once; a request that arrives while a
 * run is going (a notification, say) makes that run take one more look instead of queueing. Across
 * processes, Quartz's clustered job store runs each entity's job on one node, and the watermark
 * moves only from the value that was read (see {@link WatermarkStore#advance}).
 *
 * <p>A failed run is recorded in {@code ctl.etl_control} and {@code audit.etl_run_entity}, raises an
 * alert, and holds the entity back for a backoff that doubles per consecutive failure; the watermark
 * has not moved, so the retry starts where the failure was and nothing is skipped.
 */
public class EntityExtractor {

    private static final Logger log = LoggerFactory.getLogger(EntityExtractor.class);

    private final ChangeCapture capture;
    private final BatchPublisher publisher;
    private final WatermarkStore watermarks;
    private final RunAudit audit;
    private final AlertPublisher alerts;
    private final ExtractorProperties properties;
    private final ExtractorMetrics metrics;
    private final Clock clock;
    private final Map<String, EntityState> states = new ConcurrentHashMap<>();
    /** Reads each entity's next page while its current one is sent (at most one page ahead per entity). */
    private final ExecutorService readAhead = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "extract-read-ahead");
        thread.setDaemon(true);
        return thread;
    });

    public EntityExtractor(
            ChangeCapture capture,
            BatchPublisher publisher,
            WatermarkStore watermarks,
            RunAudit audit,
            AlertPublisher alerts,
            ExtractorProperties properties,
            ExtractorMetrics metrics,
            Clock clock) {
        this.capture = capture;
        this.publisher = publisher;
        this.watermarks = watermarks;
        this.audit = audit;
        this.alerts = alerts;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a call to {@link #run} did. */
    public record Result(Status status, int batches, long rows) {}

    public enum Status {
        CAUGHT_UP,
        SKIPPED_BUSY,
        SKIPPED_DISABLED,
        SKIPPED_BACKOFF,
        STOPPED_BY_PEER,
        FAILED
    }

    /** Extracts what is committed after the entity's watermark, up to the per-run batch limit. */
    public Result run(EntityDefinition entity) {
        EntityState state = states.computeIfAbsent(entity.name(), n -> new EntityState());
        if (!state.lock.tryLock()) {
            state.again.set(true);
            return new Result(Status.SKIPPED_BUSY, 0, 0);
        }
        try {
            Result total = new Result(Status.CAUGHT_UP, 0, 0);
            do {
                state.again.set(false);
                Result pass = runLocked(entity, state);
                total = new Result(pass.status(), total.batches() + pass.batches(), total.rows() + pass.rows());
            } while (state.again.get() && total.status() == Status.CAUGHT_UP);
            return total;
        } finally {
            state.lock.unlock();
        }
    }

    private Result runLocked(EntityDefinition entity, EntityState state) {
        Instant started = clock.instant();
        if (started.isBefore(state.notBefore)) {
            return new Result(Status.SKIPPED_BACKOFF, 0, 0);
        }
        if (!properties.enabledInConfig(entity.name())) {
            return new Result(Status.SKIPPED_DISABLED, 0, 0);
        }
        int batches = 0;
        long rows = 0;
        String lastBatchId = null;
        try {
            ControlRow control = watermarks.control(entity.name());
            if (!control.enabled()) {
                return new Result(Status.SKIPPED_DISABLED, 0, 0);
            }
            Integer configured = properties.batchSizeOf(entity.name());
            int batchSize = configured != null ? configured : control.batchSize();
            Cursor from = control.watermark();
            Status status;
            List<ChangeBatch.Row> page = readPage(entity, CaptureRange.after(from), batchSize);
            while (true) {
                if (page.isEmpty()) {
                    status = Status.CAUGHT_UP;
                    break;
                }
                ChangeBatch batch = batch(entity, from, page, null);
                Cursor to = batch.watermark().to();
                boolean more = page.size() == batchSize;
                // Read the next page while this one is sent and its watermark committed: the page chain of a
                // busy entity (read, encode, durable send, watermark) no longer waits for the broker and the
                // DW before it reads on. Sends and watermarks stay one at a time, in order; a page read ahead
                // of a failed send or of a watermark another extractor moved is dropped unsent.
                Future<List<ChangeBatch.Row>> next =
                        more ? readAhead.submit(() -> readPage(entity, CaptureRange.after(to), batchSize)) : null;
                boolean advanced;
                try {
                    publish(batch);
                    advanced = watermarks.advance(entity.name(), from, to);
                } catch (RuntimeException e) {
                    drop(next);
                    throw e;
                }
                if (!advanced) {
                    drop(next);
                    log.info("Watermark of {} was moved by another extractor; this run stops", entity.name());
                    status = Status.STOPPED_BY_PEER;
                    break;
                }
                batches++;
                rows += page.size();
                lastBatchId = batch.batchId();
                metrics.batchSent(entity.name(), page.size());
                from = to;
                if (!more) {
                    status = Status.CAUGHT_UP;
                    break;
                }
                page = await(next);
            }
            if (status == Status.CAUGHT_UP) {
                metrics.caughtUp(entity.name(), started);
            }
            watermarks.recordRun(entity.name(), true, null);
            audit.record(entity.name(), outcome(started, "success", batches, rows, lastBatchId, null));
            metrics.runEnded(entity.name(), Duration.between(started, clock.instant()), true);
            if (state.failures > 0) {
                state.failures = 0;
                state.notBefore = Instant.MIN;
                alerts.publish(failureAlert(
                        entity, AlertEvent.Status.resolved, "Extraction of " + entity.name() + " works again", null));
            }
            return new Result(status, batches, rows);
        } catch (RuntimeException e) {
            fail(entity, state, started, batches, rows, lastBatchId, e);
            return new Result(Status.FAILED, batches, rows);
        }
    }

    private void fail(
            EntityDefinition entity,
            EntityState state,
            Instant started,
            int batches,
            long rows,
            String lastBatchId,
            RuntimeException e) {
        state.failures++;
        Duration backoff = backoff(state.failures);
        state.notBefore = clock.instant().plus(backoff);
        String error = describe(e);
        log.error(
                "Extraction of {} failed (attempt {}), retrying in {}: {}",
                entity.name(),
                state.failures,
                backoff,
                error,
                e);
        metrics.runEnded(entity.name(), Duration.between(started, clock.instant()), false);
        try {
            watermarks.recordRun(entity.name(), false, error);
            audit.record(entity.name(), outcome(started, "failed", batches, rows, lastBatchId, error));
        } catch (RuntimeException auditFailure) {
            log.error("Could not record the failed run of {} in the DW: {}", entity.name(), describe(auditFailure));
        }
        if (state.failures == 1) {
            alerts.publish(failureAlert(
                    entity, AlertEvent.Status.firing, "Extraction of " + entity.name() + " failed: " + error, error));
        }
    }

    Duration backoff(int failures) {
        Duration initial = properties.backoff().initial();
        Duration max = properties.backoff().max();
        long factor = 1L << Math.min(failures - 1, 30);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(max) > 0 ? max : next;
    }

    private AlertEvent failureAlert(EntityDefinition entity, AlertEvent.Status status, String summary, String error) {
        return alerts.event(
                AlertEvent.Kind.PIPELINE_FAILURE,
                AlertEvent.Severity.critical,
                status,
                entity.name(),
                "extract",
                summary,
                error == null ? Map.of() : Map.of("error", error),
                Map.of("runbook", "docs/runbook.md#extraction-fails"));
    }

    /**
     * Builds the change batch of a page read after {@code from}; a mirror entity's batch carries its column
     * types, read after the page so that a column retyped meanwhile is declared with its new type (and
     * stops the entity at the loader) rather than its old one; an entity that carries every column of its
     * table declares the columns the page carries, and its next page reads the columns the table has then.
     */
    public ChangeBatch batch(EntityDefinition entity, Cursor from, List<ChangeBatch.Row> page, String replay) {
        Cursor to = ChangeCapture.cursorOf(page.get(page.size() - 1));
        ChangeBatch.Watermark watermark = new ChangeBatch.Watermark(from, to);
        return new ChangeBatch(
                ChangeBatch.SCHEMA,
                BatchIds.of(entity.name(), watermark, replay),
                entity.name(),
                new ChangeBatch.Source("oltp", entity.table()),
                clock.instant(),
                watermark,
                replay,
                page,
                capture.columns(entity, page));
    }

    /**
     * Publishes every row of a range as ordinary batches marked {@code replay}, without touching the
     * watermark. Used by window replay and backfill.
     *
     * @param progress told the number of rows published so far after each batch
     */
    public Result publishRange(
            EntityDefinition entity, CaptureRange range, int batchSize, String replayId, Consumer<Long> progress) {
        Cursor from = range.from();
        int batches = 0;
        long rows = 0;
        while (true) {
            List<ChangeBatch.Row> page = readPage(entity, range.continueAfter(from), batchSize);
            if (page.isEmpty()) {
                return new Result(Status.CAUGHT_UP, batches, rows);
            }
            ChangeBatch batch = batch(entity, from, page, replayId);
            publish(batch);
            batches++;
            rows += page.size();
            metrics.batchSent(entity.name(), page.size());
            progress.accept(rows);
            from = batch.watermark().to();
            if (page.size() < batchSize) {
                return new Result(Status.CAUGHT_UP, batches, rows);
            }
        }
    }

    /** The page read ahead, or its failure as thrown by the read itself. */
    private static List<ChangeBatch.Row> await(Future<List<ChangeBatch.Row>> next) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the next page", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Reading the next page failed: " + e.getCause(), e.getCause());
        }
    }

    /** Drops a page read ahead of a run that stops: waits for its read to end, never sends it. */
    private static void drop(Future<List<ChangeBatch.Row>> next) {
        if (next != null) {
            try {
                next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // The run stops for the failure it already has; this page is read again from the watermark.
            }
        }
    }

    private List<ChangeBatch.Row> readPage(EntityDefinition entity, CaptureRange range, int batchSize) {
        long started = System.nanoTime();
        List<ChangeBatch.Row> page = capture.page(entity, range, batchSize);
        metrics.pageRead(entity.name(), Duration.ofNanos(System.nanoTime() - started));
        return page;
    }

    private void publish(ChangeBatch batch) {
        long started = System.nanoTime();
        publisher.publish(batch);
        metrics.batchPublished(batch.entity(), Duration.ofNanos(System.nanoTime() - started));
    }

    private RunAudit.RunOutcome outcome(
            Instant started, String status, int batches, long rows, String lastBatchId, String error) {
        return new RunAudit.RunOutcome(started, clock.instant(), status, batches, rows, lastBatchId, error);
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            text.append(" ← ").append(cause.getMessage());
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static final class EntityState {
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean again = new AtomicBoolean();
        volatile int failures;
        volatile Instant notBefore = Instant.MIN;
    }
}
