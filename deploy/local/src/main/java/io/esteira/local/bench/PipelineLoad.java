package io.esteira.local.bench;

import io.esteira.contracts.Queues;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.embedded.EmbeddedBroker;
import io.esteira.extractor.listen.PostgresChangeListener;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Times the pipeline's initial load. Extraction is held ({@code ctl.etl_control.enabled = false})
 * while the services start, so start-up is not counted; the clock starts when it is released (and
 * every entity is woken through its notification channel, as a commit would), and stops when every
 * entity's landed rows have reached what the source holds and the derive queue is empty (observed by a
 * poll every 100 ms, on one connection held for the load). Its progress lines count the rows landed, then,
 * once every row has, the keys still to derive; a load is stalled when neither moves.
 */
final class PipelineLoad {

    private final DataSource oltp;
    private final DataSource dw;

    PipelineLoad(DataSource oltp, DataSource dw) {
        this.oltp = oltp;
        this.dw = dw;
    }

    /** Holds or releases extraction of every entity. */
    void extraction(boolean enabled) {
        new JdbcTemplate(dw).update(BenchSql.get("hold-extraction"), enabled);
    }

    /** Releases extraction and wakes every entity; returns when the clock started. */
    Instant release() {
        Instant started = Instant.now();
        extraction(true);
        JdbcTemplate source = new JdbcTemplate(oltp);
        for (EntityDefinition entity : EntityCatalog.reference().loadOrder()) {
            source.queryForList(BenchSql.get("wake-extractor"), PostgresChangeListener.channel(entity));
        }
        return started;
    }

    /**
     * Waits until the warehouse has applied {@code expected} rows of every entity.
     *
     * @param alive throws when a service died
     * @throws BenchException when nothing moves for {@code stallTimeout}, or after {@code timeout}
     */
    LoadResult await(
            Instant started,
            Map<String, Long> expected,
            EmbeddedBroker broker,
            Duration timeout,
            Duration stallTimeout,
            Duration progressEvery,
            Runnable alive,
            Consumer<String> progress) {
        // One connection for every poll, held to the end of the load: a connection per poll (a DataSource
        // without a pool) cost the DW a backend started, authenticated and its catalog caches filled every
        // 100 ms, and each query planned cold (7 ms a poll, 7 s of the DW's time in a 1,000,000-item load,
        // docs/performance.md): the probe must not take from the deriver it waits for.
        SingleConnectionDataSource held = hold(dw);
        try {
            JdbcTemplate warehouse = new JdbcTemplate(held);
            long total = expected.values().stream().mapToLong(Long::longValue).sum();
            Ticker ticker = new Ticker(progressEvery);
            long lastApplied = -1;
            Instant lastMove = Instant.now();
            long[] queueFloor = {Long.MIN_VALUE};
            long lastHead = Long.MIN_VALUE;
            while (true) {
                alive.run();
                Map<String, long[]> applied = applied(warehouse);
                long rows = applied.values().stream().mapToLong(a -> a[1]).sum();
                boolean landed = expected.entrySet().stream()
                        .allMatch(e -> applied.getOrDefault(e.getKey(), new long[2])[1] >= e.getValue());
                // Landed is not loaded: the dimensions and facts are in once the deriver drained its queue.
                if (landed && !deriveQueued(warehouse, queueFloor)) {
                    return result(warehouse, started, applied);
                }
                Instant now = Instant.now();
                // Progress is a batch landed or, once all have, the deriver claiming queued batches: the head of
                // the queue moving up. A load whose derive tail outlasts the stall timeout is not stalled.
                if (rows != lastApplied || (landed && queueFloor[0] != lastHead)) {
                    lastApplied = rows;
                    lastHead = queueFloor[0];
                    lastMove = now;
                }
                double seconds = Duration.between(started, now).toMillis() / 1000.0;
                if (ticker.due()) {
                    progress.accept(
                            landed
                                    ? String.format(
                                            Locale.ROOT,
                                            "pipeline: %.0f s, all %,d rows landed, %,d keys still to derive",
                                            seconds,
                                            rows,
                                            keysToDerive(warehouse))
                                    : String.format(
                                            Locale.ROOT,
                                            "pipeline: %.0f s, %,d of %,d rows landed (%,.0f rows/s), %d batches queued",
                                            seconds,
                                            rows,
                                            total,
                                            rows / Math.max(seconds, 0.001),
                                            queued(broker)));
                }
                if (Duration.between(lastMove, now).compareTo(stallTimeout) > 0) {
                    throw new BenchException(
                            landed
                                    ? "The deriver claimed nothing for " + stallTimeout.toSeconds()
                                            + " s with every row"
                                            + " landed and " + keysToDerive(warehouse) + " key(s) still queued in"
                                            + " ctl.derive_queue; see the loader's log (its derive route)."
                                    : "The pipeline landed nothing for " + stallTimeout.toSeconds() + " s at " + rows
                                            + " of "
                                            + total + " rows (dead-lettered batches: " + deadLettered(broker)
                                            + "); see the services' logs.");
                }
                if (Duration.between(started, now).compareTo(timeout) > 0) {
                    throw new BenchException("The pipeline had landed " + rows + " of " + total + " rows"
                            + (landed ? ", with " + keysToDerive(warehouse) + " key(s) still to derive," : "")
                            + " after " + timeout.toSeconds() + " s; raise --load-timeout or use fewer --rows.");
                }
                pause();
            }
        } finally {
            held.destroy();
        }
    }

    private static SingleConnectionDataSource hold(DataSource dw) {
        try {
            return new SingleConnectionDataSource(dw.getConnection(), true);
        } catch (SQLException e) {
            throw new BenchException(
                    "Cannot connect to the pipeline's warehouse to follow the load: " + e.getMessage()
                            + ". Check the DW database.",
                    e);
        }
    }

    /**
     * Whether keys still wait for the deriver. Asked every poll once everything landed, so it must cost the
     * DW nothing: a {@code COUNT(*)} of a queue that holds a million keys after an initial load took 120 ms a
     * poll, a third of a core taken from the deriver it waits for, and {@code EXISTS (SELECT 1 FROM …)}, a scan
     * from the start of the heap through the pages of claimed keys not yet vacuumed, 59 ms a poll (7.6 s of
     * the DW's time in a 200,000-item run). The lowest key through the primary key's index, as the deriver
     * asks it ({@code BatchApplier.deriveQueued}), still walked over the claimed keys' dead index entries at
     * the head of the queue: 5.3 ms a look, 2.5 s of the DW's time in a 200,000-item run. So the look starts
     * where the previous one found the head ({@code floor}): asked only once every batch landed and
     * committed, when no key can be queued any more and the head only moves up, it is exact, and it reaches
     * the head through the index's descent instead of a walk.
     */
    private static boolean deriveQueued(JdbcTemplate warehouse, long[] floor) {
        Long head = warehouse.queryForObject(
                "SELECT MIN(queue_id) FROM ctl.derive_queue WHERE queue_id >= ?", Long.class, floor[0]);
        if (head == null) {
            return false;
        }
        floor[0] = head;
        return true;
    }

    /**
     * The keys queued for the deriver, for the progress line of the load's derive tail (every few seconds: one
     * row per landed batch, so a scan of a few thousand rows).
     */
    private static long keysToDerive(JdbcTemplate warehouse) {
        Long keys = warehouse.queryForObject(BenchSql.get("derive-backlog"), Long.class);
        return keys == null ? 0 : keys;
    }

    private static Map<String, long[]> applied(JdbcTemplate warehouse) {
        Map<String, long[]> applied = new LinkedHashMap<>();
        warehouse.query(BenchSql.get("applied-rows"), rs -> {
            applied.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        return applied;
    }

    private static LoadResult result(JdbcTemplate warehouse, Instant started, Map<String, long[]> applied) {
        // The last derive pass ended between the previous poll (100 ms ago) and this one.
        Instant end = Instant.now();
        long[] batches = {0};
        long[] applyMillis = {0};
        warehouse.query(BenchSql.get("apply-time"), rs -> {
            batches[0] = rs.getLong(1);
            applyMillis[0] = rs.getLong(2);
        });
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String entity : EntityCatalog.reference().names()) {
            rows.put(entity, applied.getOrDefault(entity, new long[2])[1]);
        }
        return new LoadResult(
                rows, batches[0], Duration.between(started, end), Duration.ZERO, Duration.ofMillis(applyMillis[0]));
    }

    static long queued(EmbeddedBroker broker) {
        long queued = 0;
        for (String entity : EntityCatalog.reference().names()) {
            queued += broker.messageCount(Queues.changes(entity));
        }
        return queued;
    }

    static long deadLettered(EmbeddedBroker broker) {
        long dead = 0;
        for (String entity : EntityCatalog.reference().names()) {
            dead += broker.messageCount(Queues.deadLetter(Queues.changes(entity)));
        }
        return dead;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while waiting for the pipeline.", e);
        }
    }
}
