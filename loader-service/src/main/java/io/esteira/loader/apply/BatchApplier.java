package io.esteira.loader.apply;

import io.esteira.contracts.ChangeBatch;
import io.esteira.contracts.catalog.EntityCatalog;
import io.esteira.contracts.catalog.EntityDefinition;
import io.esteira.contracts.dialect.SqlDialect;
import io.esteira.contracts.dialect.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Land, then derive (docs/adr/0006-land-then-derive.md).
 *
 * <p><b>Land</b> ({@link #apply}): one change batch, in one DW transaction, with no DW-wide lock, so the
 * entities' batches land in parallel:
 *
 * <ol>
 *   <li>a batch id already in {@code ctl.applied_batch} is a no-op (redelivery, replay of a batch);
 *   <li>the rows go to the entity's landing table in one bulk write ({@link StagingWriter#landingTable}: on
 *       PostgreSQL a {@code COPY} into a temporary table of the session, emptied by the commit; on SQL Server
 *       a bulk copy into {@code stg.incoming_<entity>});
 *   <li>rows not newer than the staging mirror's version are ignored (a replay also re-applies the same
 *       version), the rest are merged into {@code stg.<entity>};
 *   <li>the keys that changed are queued in {@code ctl.derive_queue}, the batch id and an {@code
 *       audit.etl_run_entity} row are written, and the work rows removed (on PostgreSQL by the commit).
 * </ol>
 *
 * The caller acknowledges the message only after this returns, so a crash anywhere leaves either
 * nothing or the whole batch, and the redelivered batch is then recognised.
 *
 * <p><b>Derive</b> ({@link #derive}): one pass, by one loader at a time (the derive row of {@code
 * ctl.apply_lock}, skipped when another pass holds it), in one transaction: claim up to a number of
 * queued keys (what is committed when the pass starts), and re-derive from the mirror, set-based, what
 * depends on them — per entity in load order the dimension members (SCD1/SCD2, inferred members
 * completed) and the names other dimensions copy, then the facts once ("as was"). Derivation reads only
 * the mirror, so it is idempotent: a pass that fails or dies leaves its keys queued, and the next one
 * derives them again.
 */
public class BatchApplier {

    /**
     * A derive pass of at least this many keys is large: it empties its work tables with TRUNCATE ({@code
     * derive-cleanup-large.sql}), which leaves no dead tuples on PostgreSQL and deallocates the pages at once
     * on SQL Server; a live pass of a few changes keeps its cheap DELETE. On PostgreSQL the mirror rows it
     * copied into {@code stg.incoming_<entity>} go with them; on SQL Server, whose landers write those
     * tables too, they are deleted by the pass's token. Its work tables get no statistics: given them (ANALYZE once written, until
     * 2026-12-03) the planner hash-joined whole mirror tables where reaching the mirror by key was cheaper,
     * at every size an initial load's passes take (3,000 to 20,000 keys of 230,000 items: the fact insert
     * 68 against 81 ms and 535 against 669 ms, the marking of an order's items 227 against 325 ms;
     * docs/performance.md).
     */
    static final int LARGE_PASS_KEYS = 2_000;

    private static final String SERIALIZATION_FAILURE = "40001";

    static final LocalDateTime ORIGIN = LocalDateTime.of(1900, 1, 1, 0, 0);
    static final LocalDateTime END_OF_TIME = LocalDateTime.of(9999, 12, 31, 0, 0);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate derivePasses;

    private final StagingWriter staging;
    private final ApplySql sql;
    private final Placeholders placeholders;
    private final EntityCatalog catalog;
    private final Clock clock;
    private final Map<String, List<Step>> plans;
    private final MirrorTables mirrors;
    /** The entities whose keys a derive pass claims first, in load order: those that maintain members. */
    private final List<String> memberEntities;

    /**
     * What a derive pass did: whether it held the derive lock, the keys it derived per entity, and the parked
     * keys among them, which are parked no more ({@code derive-unpark.sql}).
     */
    public record DeriveResult(boolean ran, Map<String, Integer> keys, List<QueuedKey> unparked) {

        static final DeriveResult BUSY = new DeriveResult(false, Map.of(), List.of());

        public DeriveResult {
            unparked = List.copyOf(unparked);
        }

        public int totalKeys() {
            return keys.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public BatchApplier(DataSource dw, SqlDialect dialect, EntityCatalog catalog, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(dw);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dw);
        this.transactions = new TransactionTemplate(transactionManager);
        this.sql = new ApplySql(dialect.vendor());
        this.derivePasses = new TransactionTemplate(transactionManager);
        this.placeholders = new Placeholders(dialect, sql);
        this.staging = new StagingWriter(dw, dialect);
        this.catalog = catalog;
        this.clock = clock;
        this.plans = Plans.reference();
        this.mirrors = new MirrorTables(jdbc, sql, dialect, staging);
        this.memberEntities = catalog.loadOrder().stream()
                .map(EntityDefinition::name)
                .filter(name -> plans.containsKey(name) && Plans.copiesMirrorRows(name))
                .toList();
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (catalog.isMirror(entity.name()) && plans.containsKey(entity.name())) {
                throw new IllegalArgumentException("Entity " + entity.name() + " feeds the star and cannot be a mirror;"
                        + " take mirror: true off it in the entity catalog file, or declare the table under another"
                        + " entity name.");
            }
        }
    }

    public ApplyResult apply(ChangeBatch batch) {
        EntityDefinition declared = catalog.get(batch.entity());
        boolean mirror = catalog.isMirror(declared.name());
        if (!mirror && !plans.containsKey(declared.name())) {
            throw new IllegalStateException("The loader has no plan for entity " + declared.name());
        }
        Instant started = clock.instant();
        return transactions.execute(status -> {
            MapSqlParameterSource params = params(UUID.randomUUID().toString());
            if (alreadyApplied(batch.batchId())) {
                ApplyResult result = ApplyResult.duplicateOf(batch.rows().size());
                audit(batch, result, started, params);
                return result;
            }
            // A mirror entity (docs/adr/0015-mirror-tables.md) lands into raw.<entity>, after MirrorTables
            // created or extended its tables for the batch's columns (or refused a drift), and queues nothing:
            // nothing is derived from a mirror. It lands the batch's columns; a batch older than a column it
            // lacks stages that column null and leaves it alone in raw.<entity>. Everything else is the same.
            MirrorTables.Prepared prepared = mirror ? mirrors.prepare(declared, batch) : null;
            EntityDefinition entity = mirror ? prepared.landed() : declared;
            EntityDefinition staged = mirror ? prepared.staged() : entity;
            staging.write(staged, params.getValue("token").toString(), batch.rows());
            Map<String, String> names = mirror
                    ? placeholders.mirror(entity, batch.isReplay())
                    : placeholders.entity(entity, batch.isReplay());
            // The table the rows were staged in: named after the staged columns (StagingWriter.landingTable).
            names.put("incoming", placeholders.quoted(staging.landingTable(staged)));
            params.addValue("entity", entity.name());
            int[] landed = sql.landsInOneStatement()
                    ? landInOneStatement(names, params)
                    : landStepwise(!mirror, names, params);
            int inserted = landed[0];
            int applied = landed[1];
            ApplyResult result = new ApplyResult(
                    false,
                    batch.rows().size(),
                    inserted,
                    applied - inserted,
                    batch.rows().size() - applied);
            if (!staging.landsInSessionTable()) {
                // PostgreSQL's landing table empties itself at the commit (StagingWriter.landingTable).
                run("cleanup", names, params);
            }
            params.addValue("batch_id", batch.batchId())
                    .addValue("replay", batch.replay())
                    .addValue("rows_in_batch", batch.rows().size());
            jdbc.update(
                    "INSERT INTO ctl.applied_batch (batch_id, entity, replay, rows_in_batch, applied_at)"
                            + " VALUES (:batch_id, :entity, :replay, :rows_in_batch, :now)",
                    params);
            audit(batch, result, started, params);
            return result;
        });
    }

    /**
     * PostgreSQL: upsert, flag deletes and queue the changed keys in one statement ({@code land.sql}; for a
     * mirror entity its queue step is rendered empty, {@link Placeholders#mirror}), as one queue row holding
     * them, whose id is drawn first ({@code land-queue-id.sql}) for the mirror rows to record.
     *
     * @return the keys inserted and the keys changed
     */
    private int[] landInOneStatement(Map<String, String> names, MapSqlParameterSource params) {
        params.addValue(
                "queue_id", jdbc.queryForObject(sql.statement("land-queue-id", Map.of()), Map.of(), Long.class));
        return jdbc.queryForObject(
                sql.statement("land", names), params, (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)});
    }

    /**
     * SQL Server: count the new keys, mark the rows that change the mirror, merge them, queue their keys
     * (when {@code derived}: not for a mirror entity), keep the deletes of keys the mirror never had as
     * tombstones.
     *
     * @return the keys inserted and the keys changed
     */
    private int[] landStepwise(boolean derived, Map<String, String> names, MapSqlParameterSource params) {
        Integer newKeys = jdbc.queryForObject(sql.statement("new-keys", names), params, Integer.class);
        run("mirror-mark", names, params);
        int applied = run("mirror-merge", names, params);
        if (derived && applied > 0) {
            run("derive-enqueue", names, params);
        }
        run("mirror-bury", names, params);
        return new int[] {Math.min(newKeys == null ? 0 : newKeys, applied), applied};
    }

    /**
     * One derive pass over up to {@code maxKeys} queued keys (with them, the queued keys of the same orders:
     * {@code derive-claim-related.sql}); {@link DeriveResult#BUSY} when another pass (of this or another
     * loader) holds the derive lock. The pass claims the oldest queued keys up to a tenth of {@code maxKeys}
     * ({@code derive-claim.sql}); if that many were queued, a backlog, it claims the queued keys of the
     * entities that maintain dimension members next ({@code derive-claim-members.sql}), then the oldest again
     * up to {@code maxKeys}. Facts derived after their members need no inferred member, nor a second build
     * when the member's row completes it (in an initial load the members land long before the orders that
     * reference them are derived); the tenth taken first lets facts move on while members keep changing. A
     * live pass, which finds fewer keys queued than its first claim takes, runs that one claim only.
     */
    public DeriveResult derive(int maxKeys) {
        return pass(status -> {
            MapSqlParameterSource params = params(UUID.randomUUID().toString());
            if (!deriveLock(params)) {
                return DeriveResult.BUSY;
            }
            int first = firstClaim(maxKeys);
            int claimed = claimOldest(first, params);
            if (claimed >= first && claimed < maxKeys) {
                if (!memberEntities.isEmpty()) {
                    params.addValue("members", memberEntities).addValue("member_keys", maxKeys - claimed);
                    claimed += claim("derive-claim-members", params);
                }
                if (claimed < maxKeys) {
                    claimOldest(maxKeys - claimed, params);
                }
            }
            run("derive-claim-related", Map.of(), params);
            return deriveClaimed(params);
        });
    }

    /** The oldest queued keys a pass of {@code maxKeys} claims first: a tenth, at least one. */
    private static int firstClaim(int maxKeys) {
        return Math.max(1, maxKeys / 10);
    }

    /** Claims up to {@code keys} of the oldest queued keys for the pass. @return the queue rows claimed */
    private int claimOldest(int keys, MapSqlParameterSource params) {
        return claim("derive-claim", params.addValue("oldest_keys", keys));
    }

    /**
     * Runs a claim: the queue rows it took, a key queued twice counted twice (a pass keeps it once). Where the
     * vendor takes statements together (PostgreSQL) the claim answers them, a query around its {@code DELETE};
     * elsewhere it reports them changed (SQL Server's {@code DELETE … OUTPUT INTO}).
     */
    private int claim(String resource, MapSqlParameterSource params) {
        List<String> statements = sql.statements(resource, Map.of());
        return sql.sendsStatementsTogether() ? runTogether(statements, params).rows() : run(statements, params);
    }

    /**
     * One derive pass over exactly {@code keys} (those still queued): how the deriver isolates a key that
     * makes every pass holding it fail.
     */
    public DeriveResult derive(List<QueuedKey> keys) {
        return pass(status -> {
            MapSqlParameterSource params = params(UUID.randomUUID().toString());
            if (!deriveLock(params)) {
                return DeriveResult.BUSY;
            }
            String token = (String) params.getValue("token");
            jdbc.batchUpdate(
                    sql.statement("derive-claim-keys", Map.of()),
                    keys.stream()
                            .map(key -> new MapSqlParameterSource()
                                    .addValue("token", token)
                                    .addValue("entity", key.entity())
                                    .addValue("key_value", key.key()))
                            .toArray(SqlParameterSource[]::new));
            run("derive-dequeue-keys", Map.of(), params);
            return deriveClaimed(params);
        });
    }

    /**
     * Runs a derive pass in its transaction, at {@link ApplySql#deriveIsolation}. A repeatable-read pass takes
     * its snapshot as its first query, the derive lock, starts: if the pass before it (another loader's)
     * committed and let go of the lock within that statement, this pass's snapshot still shows the queue
     * rows that pass claimed, and claiming them again fails with a serialization failure. Such a pass gives
     * way ({@link DeriveResult#BUSY}) instead of failing: the next drain claims from a snapshot that sees
     * the other pass's commit.
     */
    private DeriveResult pass(TransactionCallback<DeriveResult> pass) {
        try {
            String isolation = sql.deriveIsolation();
            return derivePasses.execute(status -> {
                if (isolation != null) {
                    jdbc.getJdbcTemplate().execute(isolation);
                }
                return pass.doInTransaction(status);
            });
        } catch (RuntimeException e) {
            if (isSerializationFailure(e)) {
                return DeriveResult.BUSY;
            }
            throw e;
        }
    }

    private static boolean isSerializationFailure(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLException sql && SERIALIZATION_FAILURE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A key waiting in the derive queue. */
    public record QueuedKey(String entity, long key) {}

    /**
     * Where landers queue a batch's keys as one queue row (PostgreSQL), splits the queued batches into a row per
     * key ({@code derive-split-batches.sql}), for the passes over chosen keys ({@link #derive(List)}) and the
     * parking of a key ({@link #park}), which take keys out of the queue one by one. Elsewhere nothing to do.
     */
    public void splitQueuedBatches() {
        if (sql.has("derive-split-batches")) {
            transactions.executeWithoutResult(
                    status -> run("derive-split-batches", Map.of(), new MapSqlParameterSource()));
        }
    }

    /**
     * Up to {@code limit} queued keys, each once, in the order a pass of {@code limit} keys claims them (a pass
     * claims a landed batch's keys together: it may take more than the keys listed).
     */
    public List<QueuedKey> queuedKeys(int limit) {
        List<String> statements = sql.statements("derive-queued-keys", Map.of());
        RowMapper<QueuedKey> key = (rs, n) -> new QueuedKey(rs.getString(1), rs.getLong(2));
        List<QueuedKey> oldest = jdbc.query(statements.get(1), new MapSqlParameterSource("max_keys", limit), key);
        int first = firstClaim(limit);
        List<QueuedKey> keys = new ArrayList<>(oldest.subList(0, Math.min(first, oldest.size())));
        if (oldest.size() >= first && first < limit) {
            if (!memberEntities.isEmpty()) {
                keys.addAll(jdbc.query(
                        statements.get(0),
                        new MapSqlParameterSource("members", memberEntities).addValue("member_keys", limit - first),
                        key));
            }
            keys.addAll(oldest.subList(first, oldest.size()));
        }
        return keys.stream().distinct().limit(limit).toList();
    }

    /** Takes a key out of the queue for good, with the reason no pass could derive it. */
    public void park(QueuedKey key, String reason) {
        transactions.executeWithoutResult(status -> {
            MapSqlParameterSource params = params(UUID.randomUUID().toString())
                    .addValue("entity", key.entity())
                    .addValue("key_value", key.key())
                    .addValue("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason);
            run("derive-park", Map.of(), params);
        });
    }

    /**
     * Queues parked keys again (after the fix); {@code entity} null for all. They stay parked (listed) until a
     * pass derives them, or are parked again with the new reason. @return the keys queued
     */
    public int retryParked(String entity) {
        return transactions.execute(status -> run(
                "derive-retry-parked",
                Map.of(),
                params(UUID.randomUUID().toString()).addValue("entity", entity, Types.VARCHAR)));
    }

    /** The parked keys, oldest first. */
    public List<Map<String, Object>> parked() {
        return jdbc.queryForList(
                "SELECT entity, key_value, reason, failed_at FROM ctl.derive_failed ORDER BY failed_at, entity, key_value",
                Map.of());
    }

    private boolean deriveLock(MapSqlParameterSource params) {
        return !jdbc.queryForList(sql.statement("derive-lock", Map.of()), params)
                .isEmpty();
    }

    /** Derives the keys of {@code stg.derive_keys} under the pass's token, then removes the work rows. */
    private DeriveResult deriveClaimed(MapSqlParameterSource params) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        jdbc.query(
                "SELECT entity, COUNT(*) FROM stg.derive_keys WHERE apply_token = :token GROUP BY entity",
                params,
                rs -> {
                    keys.put(rs.getString(1), rs.getInt(2));
                });
        if (keys.isEmpty()) {
            return new DeriveResult(true, Map.of(), List.of());
        }
        boolean large = keys.values().stream().mapToInt(Integer::intValue).sum() >= LARGE_PASS_KEYS;
        if (!large && sql.has("derive-small-pass")) {
            // PostgreSQL: a live pass runs on the generic plans of its statements, not planned again each call.
            run("derive-small-pass", Map.of(), params);
        }
        Map<String, Integer> derived = new LinkedHashMap<>();
        Map<String, String> factNames = null;
        for (EntityDefinition entity : catalog.loadOrder()) {
            // A mirror entity queues no keys (apply); were one queued, it has nothing to derive.
            if (!keys.containsKey(entity.name()) || !plans.containsKey(entity.name())) {
                continue;
            }
            derived.put(entity.name(), keys.get(entity.name()));
            Map<String, String> names = placeholders.entity(entity, false);
            params.addValue("entity", entity.name());
            if (Plans.copiesMirrorRows(entity.name())) {
                run("derive-fill", names, params);
            }
            for (Step step : plans.get(entity.name())) {
                if (step == Plans.FACTS) {
                    factNames = names;
                } else {
                    step.run(this, names, params);
                }
            }
        }
        if (factNames != null) {
            deriveFacts(factNames, params);
        }
        // A large pass empties its work tables with TRUNCATE where the vendor has the statement for it. The
        // mirror rows it copied go with them only where no lander writes stg.incoming_<entity> (PostgreSQL lands
        // in session tables); on SQL Server landers share those tables, so the pass deletes its own rows.
        List<QueuedKey> unparked = jdbc.query(
                sql.statement("derive-unpark", Map.of()),
                params,
                (rs, n) -> new QueuedKey(rs.getString(1), rs.getLong(2)));
        boolean truncate = large && sql.has("derive-cleanup-large");
        boolean truncateCopies = truncate && staging.landsInSessionTable();
        List<EntityDefinition> copied = new ArrayList<>();
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (keys.containsKey(entity.name())
                    && plans.containsKey(entity.name())
                    && Plans.copiesMirrorRows(entity.name())) {
                if (truncateCopies) {
                    copied.add(entity);
                } else {
                    run("cleanup", placeholders.entity(entity, false), params);
                }
            }
        }
        if (truncate) {
            run("derive-cleanup-large", Map.of("incoming_tables", placeholders.incomingTables(copied)), params);
        } else {
            run("derive-cleanup", Map.of(), params);
        }
        return new DeriveResult(true, derived, unparked);
    }

    /**
     * Vacuums the derive queue and the derive passes' work tables (PostgreSQL), outside any transaction. A
     * queue whose claimed keys are deleted keeps them as dead heap rows and index entries until a vacuum; on
     * a server without autovacuum (or whose autovacuum lags an initial load) {@link #deriveQueued} and each
     * claim walk over all of them: 4.9 ms a look after a 200,000-item load (docs/performance.md). SQL
     * Server's ghost cleanup removes deleted rows by itself, and frees the pages they leave empty: its work
     * tables are clustered indexes, not heaps (db/dw/sqlserver/V96__work_tables_clustered.sql).
     *
     * @return whether anything was vacuumed (false on SQL Server)
     */
    public boolean vacuumWorkTables() {
        if (sql.vendor() != Vendor.POSTGRESQL) {
            return false;
        }
        StringBuilder tables = new StringBuilder("ctl.derive_queue, stg.derive_keys, stg.affected, stg.scd_change");
        for (EntityDefinition entity : catalog.loadOrder()) {
            if (plans.containsKey(entity.name()) && Plans.copiesMirrorRows(entity.name())) {
                tables.append(", ").append(placeholders.quoted(StagingWriter.incomingTable(entity)));
            }
        }
        jdbc.getJdbcTemplate().execute("VACUUM " + tables);
        return true;
    }

    /**
     * Whether keys wait in the derive queue (a cheap look, without the lock). A prepared statement, so the
     * driver names it and the server plans it once per connection: sent as a plain statement it was parsed
     * and planned on every call, three times a live pass (0.46 ms a call in a 1,000-changes/s run's
     * statement log, a third of it the look itself; docs/performance.md).
     */
    public boolean deriveQueued() {
        return jdbc.queryForObject("SELECT MIN(queue_id) FROM ctl.derive_queue", Map.of(), Long.class) != null;
    }

    private boolean alreadyApplied(String batchId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM ctl.applied_batch WHERE batch_id = :batch_id",
                new MapSqlParameterSource("batch_id", batchId),
                Integer.class);
        return count != null && count > 0;
    }

    private void audit(ChangeBatch batch, ApplyResult result, Instant started, MapSqlParameterSource params) {
        Instant ended = clock.instant();
        jdbc.update(
                "INSERT INTO audit.etl_run_entity (service, entity, batch_id, started_at, ended_at, status, batches,"
                        + " rows_read, rows_inserted, rows_updated, rows_ignored, rows_rejected, duration_ms)"
                        + " VALUES ('loader-service', :a_entity, :a_batch, :a_started, :a_ended, :a_status, 1,"
                        + " :a_read, :a_inserted, :a_updated, :a_ignored, 0, :a_duration)",
                new MapSqlParameterSource()
                        .addValue("a_entity", batch.entity())
                        .addValue("a_batch", batch.batchId())
                        .addValue("a_started", utc(started))
                        .addValue("a_ended", utc(ended))
                        .addValue("a_status", result.duplicate() ? "duplicate" : "success")
                        .addValue("a_read", result.rowsInBatch())
                        .addValue("a_inserted", result.inserted())
                        .addValue("a_updated", result.updated())
                        .addValue("a_ignored", result.ignored())
                        .addValue("a_duration", ended.toEpochMilli() - started.toEpochMilli()));
    }

    /** Runs the statements of a resource in order; answers the rows they changed, summed. */
    int run(String resource, Map<String, String> names, MapSqlParameterSource params) {
        return run(sql.statements(resource, names), params);
    }

    /** Runs statements in order, in one call where the vendor takes them together; the rows they changed, summed. */
    private int run(List<String> statements, MapSqlParameterSource params) {
        if (statements.size() > 1 && sql.sendsStatementsTogether()) {
            return runTogether(statements, params).changed();
        }
        int total = 0;
        for (String statement : statements) {
            total += jdbc.update(statement, params);
        }
        return total;
    }

    /** What statements sent together did: the rows they changed, and the first column of the rows they answered. */
    private record Together(int changed, int answered) {
        /** The rows the statements changed, and those they answered counted (a {@code DELETE}'s, in a query). */
        int rows() {
            return changed + answered;
        }
    }

    /**
     * Runs statements in one call. Each ';' at the start of a line (never inside a statement's trailing comment),
     * the next statement right after it: the driver sends each from its first character, so pg_stat_activity
     * shows it starting with its own leading comment, as it did when sent alone.
     */
    private Together runTogether(List<String> statements, MapSqlParameterSource params) {
        return jdbc.execute(String.join("\n;", statements), params, (PreparedStatementCallback<Together>) statement -> {
            int changed = 0;
            int answered = 0;
            boolean resultSet = statement.execute();
            while (true) {
                if (resultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            answered += rows.getInt(1);
                        }
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        return new Together(changed, answered);
                    }
                    changed += count;
                }
                resultSet = statement.getMoreResults();
            }
        });
    }

    void applyDimension(Dimension dimension, Map<String, String> names, MapSqlParameterSource params) {
        Map<String, String> dimensionNames = placeholders.dimension(dimension, names);
        for (String template : dimension.templates()) {
            run(template, dimensionNames, params);
        }
    }

    /**
     * Re-derives the facts the pass's steps marked in {@code stg.affected} (on PostgreSQL with the pass's own
     * order items and orders, which are not copied there: {@code derive-marked.sql}): calendar days, inferred
     * members, then each fact table that has marked rows; on PostgreSQL the facts first, checking their
     * members, and the inferred members and the facts again, for the facts held back, only when one lacks one. A
     * fact table none of whose rows is marked is skipped, and a pass that marked none skips them all: the
     * statements would read the marks and find nothing, but each still costs its planning and its probes, the
     * fixed cost that a small live pass pays in full.
     */
    void deriveFacts(Map<String, String> names, MapSqlParameterSource params) {
        Set<String> marked =
                new HashSet<>(jdbc.queryForList(sql.statement("derive-marked", Map.of()), params, String.class));
        if (marked.isEmpty()) {
            return;
        }
        List<LocalDate> missing = sql.addsCalendarDaysWithInferredMembers()
                ? List.of()
                : jdbc.query(sql.statement("missing-dates", names), params, (rs, n) -> rs.getDate(1)
                        .toLocalDate());
        for (LocalDate date : missing) {
            Calendar day = Calendar.of(date);
            jdbc.update(
                    "INSERT INTO dim.dim_data (data_sk, data, ano, trimestre, mes, dia, dia_semana, nome_mes,"
                            + " nome_dia_semana, fim_de_semana) VALUES (:sk, :data, :ano, :trimestre, :mes, :dia,"
                            + " :dia_semana, :nome_mes, :nome_dia_semana, :fim_de_semana)",
                    new MapSqlParameterSource()
                            .addValue("sk", day.dataSk())
                            .addValue("data", java.sql.Date.valueOf(day.data()))
                            .addValue("ano", day.ano())
                            .addValue("trimestre", day.trimestre())
                            .addValue("mes", day.mes())
                            .addValue("dia", day.dia())
                            .addValue("dia_semana", day.diaSemana())
                            .addValue("nome_mes", day.nomeMes())
                            .addValue("nome_dia_semana", day.nomeDiaSemana())
                            .addValue("fim_de_semana", day.fimDeSemana()));
        }
        // Where the fact statements check their members (ApplySql.checksMembersWithFacts), the facts come
        // first: a fact whose member or calendar day is missing is held back, recorded and counted, and only
        // then do the inferred members run, and the facts again, both for the held-back facts alone. A pass
        // whose members are all there (every live pass, and about two passes in three of an initial load) so
        // skips the inferred members' statement, which reads the affected items and orders once more and looks
        // up each of their members (a fifth of a live pass's time in the warehouse, 14-15 s of a 1,000,000-item
        // load's: docs/performance.md); one that lacks some builds only those facts twice. fact_metas, whose
        // ansi statement does not check, keeps the order below.
        Map<String, String> remaining = names;
        if (sql.checksMembersWithFacts() && !marked.contains("fact_metas")) {
            Map<String, String> checked = new HashMap<>(names);
            checked.put("members_checked", "TRUE");
            // missing_members of postgresql/fact_*.sql: the facts each statement held back.
            if (runTogether(factStatements(marked, checked), params).answered() == 0) {
                return;
            }
            remaining = placeholders.heldBack(names);
        }
        // The inferred members (with the calendar's days, ApplySql.addsCalendarDaysWithInferredMembers), then
        // each marked fact table (of the facts held back, after the check above): one round trip where the
        // vendor sends statements together (ApplySql.sendsStatementsTogether). Elsewhere the calendar's days are
        // in already (they depend on nothing here, and the facts on them).
        List<String> statements = new ArrayList<>(sql.statements("inferred-members", remaining));
        statements.addAll(factStatements(marked, remaining));
        run(statements, params);
    }

    private List<String> factStatements(Set<String> marked, Map<String, String> names) {
        List<String> statements = new ArrayList<>();
        for (String fact : List.of("fact_vendas", "fact_descontos", "fact_metas")) {
            if (marked.contains(fact)) {
                statements.addAll(sql.statements(fact, names));
            }
        }
        return statements;
    }

    private MapSqlParameterSource params(String token) {
        return new MapSqlParameterSource()
                .addValue("token", token)
                .addValue("now", utc(clock.instant()))
                .addValue("origin", Timestamp.valueOf(ORIGIN))
                .addValue("end_of_time", Timestamp.valueOf(END_OF_TIME));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** One derivation step of an entity's plan. */
    @FunctionalInterface
    interface Step {
        void run(BatchApplier applier, Map<String, String> names, MapSqlParameterSource params);
    }
}
