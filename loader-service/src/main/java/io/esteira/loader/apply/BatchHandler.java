package io.esteira.loader.apply;

import io.esteira.contracts.AlertEvent;
import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.ContractCodec;
import io.esteira.contracts.ContractViolationException;
import io.esteira.loader.dlq.DeadLetters;
import io.esteira.runtime.alert.AlertPublisher;
import io.esteira.runtime.jdbc.ConnectionFailures;
import io.esteira.runtime.route.Failures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one message of {@code dw.changes.<entity>}: parse and validate, apply, and decide what a
 * failure means, by {@link Failures}. The loader is the only one that dead-letters a change batch (the
 * broker never does: {@code max-delivery-attempts} is -1 on {@code dw.changes.#}), because only it knows
 * the reason. A message that breaks the contract (fatal) never heals, so it goes to the DLQ at once. A
 * warehouse that cannot be reached is no fault of the batch: it is waited out ({@link WarehouseOutage})
 * and the batch applied again on this thread, in order, never dead-lettered. A batch that fails for
 * another retriable reason (a deadlock, a lock timeout) is rolled back and redelivered by the broker (its
 * delay doubling per attempt, at most 30 s) for as long as it takes; any other failure is redelivered
 * until {@code esteira.loader.max-attempts}, then goes to the DLQ with the reason. The broker's delivery count
 * grows with every redelivery, for whatever reason; the deliveries this loader handed back for a retriable
 * reason are not counted against {@code max-attempts} ({@link #countedAttempts}). A mirror entity's batch
 * that its {@code raw.<entity>} cannot take (a dropped or retyped column: {@link MirrorTables}) never heals
 * either: it goes to the DLQ at once, with an alert that says the entity stopped. Whenever a batch is
 * dead-lettered an alert is raised, and the queue keeps flowing; once a batch replayed from the DLQ is
 * applied (or found applied already), that alert is resolved.
 */
public class BatchHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchHandler.class);

    private final ContractCodec codec;
    private final BatchApplier applier;
    private final DeadLetters deadLetters;
    private final AlertPublisher alerts;
    private final LoaderMetrics metrics;
    private final WarehouseOutage outage;
    private final int maxAttempts;
    private final Clock clock;

    /**
     * The batches that have failed here for a retriable reason, handed back to the broker, and not yet applied
     * or dead-lettered (either forgets them): how many of their deliveries that was. Only this loader's: a batch that another loader
     * takes over (its message group moves when this one stops) counts them again, as the broker does.
     * Bounded, the oldest forgotten first (each entry is a batch stuck in redelivery).
     */
    static final int UNCOUNTED_BATCHES_KEPT = 10_000;

    private final Map<String, Integer> uncounted = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > UNCOUNTED_BATCHES_KEPT;
        }
    });

    public BatchHandler(
            ContractCodec codec,
            BatchApplier applier,
            DeadLetters deadLetters,
            AlertPublisher alerts,
            LoaderMetrics metrics,
            WarehouseOutage outage,
            int maxAttempts,
            Clock clock) {
        this.codec = codec;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
        this.metrics = metrics;
        this.outage = outage;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** What happened to a message. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        DEAD_LETTERED
    }

    /**
     * @param attempt the broker's delivery count of this message (1 on first delivery)
     * @param replayed the message is a batch a replay moved back from the DLQ ({@link
     *     DeadLetters#REPLAYED_FROM}): once applied, its DLQ alert is resolved
     * @throws RuntimeException when the batch failed and should be redelivered
     */
    public Outcome handle(String entity, byte[] body, int attempt, boolean replayed) {
        ChangeBatch batch;
        long reading = System.nanoTime();
        try {
            batch = codec.readChangeBatch(body);
            metrics.read(entity, Duration.ofNanos(System.nanoTime() - reading));
        } catch (ContractViolationException e) {
            String reason = "Malformed change batch (field " + e.field() + "): " + e.getMessage();
            deadLetter(entity, null, body, reason, e, attempt, false);
            return Outcome.DEAD_LETTERED;
        }
        if (!batch.entity().equals(entity)) {
            String reason = "Batch " + batch.batchId() + " is of entity " + batch.entity()
                    + " but arrived on the queue of " + entity + "; send it to dw.changes." + batch.entity();
            deadLetter(entity, batch, body, reason, null, attempt, false);
            return Outcome.DEAD_LETTERED;
        }
        Instant started = clock.instant();
        try {
            ApplyResult result = applyRidingOutOutages(entity, batch);
            uncounted.remove(batch.batchId());
            metrics.applied(batch, result, Duration.between(started, clock.instant()));
            if (replayed) {
                resolveDeadLetter(entity, batch, result.duplicate());
            }
            return result.duplicate() ? Outcome.DUPLICATE : Outcome.APPLIED;
        } catch (RuntimeException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                // Still away after the longest wait: back to the broker, never to the DLQ.
                uncounted.merge(batch.batchId(), 1, Integer::sum);
                throw e;
            }
            metrics.failed(entity);
            MirrorTables.MirrorDriftException drift = drift(e);
            if (drift != null) {
                // The warehouse's mirror cannot take the batch as it is: no redelivery changes that, so it is
                // dead-lettered at once, and so is every later batch of the entity until an operator acts.
                deadLetter(entity, batch, body, drift.getMessage(), e, attempt, true);
                return Outcome.DEAD_LETTERED;
            }
            Failures.Kind kind = Failures.classify(e);
            if (kind == Failures.Kind.FATAL) {
                String reason =
                        "Batch " + batch.batchId() + " can never be applied as it is: " + DeadLetters.describe(e);
                deadLetter(entity, batch, body, reason, e, attempt, false);
                return Outcome.DEAD_LETTERED;
            }
            if (kind == Failures.Kind.RETRIABLE) {
                log.warn(
                        "Batch {} of {} failed for a reason that heals by itself (attempt {}), the broker redelivers it"
                                + " until it applies: {}",
                        batch.batchId(),
                        entity,
                        attempt,
                        DeadLetters.describe(e));
                uncounted.merge(batch.batchId(), 1, Integer::sum);
                throw e;
            }
            int counted = countedAttempts(batch.batchId(), attempt);
            if (counted >= maxAttempts) {
                String reason = "Batch " + batch.batchId() + " could not be applied after " + counted + " attempts"
                        + (counted < attempt
                                ? " (" + (attempt - counted) + " more deliveries failed for a reason"
                                        + " that heals by itself, not counted)"
                                : "")
                        + ": " + DeadLetters.describe(e);
                deadLetter(entity, batch, body, reason, e, attempt, false);
                return Outcome.DEAD_LETTERED;
            }
            log.warn(
                    "Batch {} of {} failed (attempt {} of {}), the broker redelivers it: {}",
                    batch.batchId(),
                    entity,
                    counted,
                    maxAttempts,
                    DeadLetters.describe(e));
            throw e;
        }
    }

    /**
     * The attempts of a batch that count against {@code max-attempts}: the broker's delivery count less the
     * deliveries this loader handed back for a retriable reason (at least 1: this one).
     */
    int countedAttempts(String batchId, int deliveries) {
        return Math.max(1, deliveries - uncounted.getOrDefault(batchId, 0));
    }

    /**
     * Applies the batch; when the warehouse cannot be reached, waits until it answers and applies it again,
     * on this thread and inside this JMS transaction. Handing it back to the broker instead would let the
     * group's later batches overtake it during the redelivery delay (an older upsert arriving after the
     * delete of its key no longer brings a deleted row back: the mirror keeps a delete of a key it never
     * had as a tombstone, land.sql and mirror-bury.sql, and the version guard ignores the older upsert,
     * but a batch applied in order is what the derived rows' history assumes).
     */
    private ApplyResult applyRidingOutOutages(String entity, ChangeBatch batch) {
        while (true) {
            try {
                return applier.apply(batch);
            } catch (RuntimeException e) {
                if (!ConnectionFailures.isConnectionFailure(e)) {
                    throw e;
                }
                metrics.failed(entity);
                log.warn(
                        "Batch {} of {} could not reach the warehouse (not counted as a failure of the batch); it"
                                + " waits for the warehouse and is applied again, in order: {}",
                        batch.batchId(),
                        entity,
                        DeadLetters.describe(e));
                if (!outage.awaitAnswer(entity)) {
                    throw e;
                }
            }
        }
    }

    /** The mirror drift that failed the batch, anywhere in the cause chain; null when it failed otherwise. */
    private static MirrorTables.MirrorDriftException drift(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MirrorTables.MirrorDriftException drift) {
                return drift;
            }
        }
        return null;
    }

    /** @param drift the batch drifted from its mirror table: the alert says the entity stopped, and links its runbook */
    private void deadLetter(
            String entity, ChangeBatch batch, byte[] body, String reason, Throwable cause, int attempt, boolean drift) {
        log.error("Moving a message of {} to its DLQ: {}", entity, reason);
        if (batch != null) {
            // Whatever sent it there (a fatal failure may follow retriable ones): its uncounted deliveries go too.
            uncounted.remove(batch.batchId());
        }
        String batchId = deadLetters.send(entity, batch, body, reason, cause, attempt);
        metrics.rejected(entity, batch == null ? 0 : batch.rows().size());
        alerts.publish(alerts.event(
                AlertEvent.Kind.DLQ,
                AlertEvent.Severity.critical,
                AlertEvent.Status.firing,
                entity,
                batchId,
                (drift
                                ? "Mirror entity " + entity + " stopped: its change batch was moved to its dead-letter"
                                        + " queue, as every later one will be until the drift is resolved: "
                                : "A change batch of " + entity + " was moved to its dead-letter queue: ")
                        + abbreviate(reason),
                Map.of("reason", abbreviate(reason), "batchId", batchId, "attempts", Integer.toString(attempt)),
                Map.of(
                        "runbook",
                        drift ? "docs/runbook.md#mirror-drift" : "docs/runbook.md#a-batch-is-in-the-dlq",
                        "replay",
                        "curl -u operator -X POST 'http://<loader>/api/dlq/replay?entity=" + entity
                                + "&dryRun=false'")));
    }

    /** Resolves the alert {@link #deadLetter} raised for this batch (same entity and batch id). */
    private void resolveDeadLetter(String entity, ChangeBatch batch, boolean alreadyApplied) {
        String summary = "The change batch " + batch.batchId() + " of " + entity + " was replayed from its dead-letter"
                + " queue and " + (alreadyApplied ? "had been applied already" : "is applied");
        alerts.publish(alerts.event(
                AlertEvent.Kind.DLQ,
                AlertEvent.Severity.critical,
                AlertEvent.Status.resolved,
                entity,
                batch.batchId(),
                summary,
                Map.of("batchId", batch.batchId()),
                Map.of("runbook", "docs/runbook.md#a-batch-is-in-the-dlq")));
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
