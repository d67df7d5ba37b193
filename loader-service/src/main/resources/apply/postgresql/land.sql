-- Lands a batch in one statement (PostgreSQL): the live rows are upserted into the staging mirror,
-- the deletes flag the mirror row, each only when the batch's version is newer than the mirror's (for a
-- replay: not older, so the same version re-applies and re-derives what depends on it), and every key
-- that changed is queued for the deriver. A delete of a key the mirror never had derives nothing, but the
-- mirror keeps it as a tombstone (the key, the delete's version, source_deleted, no values): an older
-- upsert of the key that arrives later (a batch redelivered after a failure, overtaken meanwhile) then
-- meets the version guard instead of bringing back a deleted row.
-- A mirror entity (mirror: true; docs/adr/0015-mirror-tables.md) lands by this same statement into
-- raw.<entity>, and queues nothing: nothing is derived from a mirror. Placeholders.mirror renders the
-- queue step's filter as the constant FALSE, which the planner folds into an empty insert.
-- One pass over the batch instead of the four statements of the stepwise form (count new keys, mark,
-- merge, enqueue; SQL Server keeps that form): the work rows are read once and never rewritten.
-- The changed keys are queued as one row, the batch's (:queue_id, drawn from the queue's sequence by the
-- lander: BatchApplier.landInOneStatement), holding them as a list (keys, their decimal text separated by commas: db/dw/common/V100): no row per key
-- to insert, look up, delete and vacuum. The mirror rows of orders and order items record that row in
-- their queue_id column (Placeholders.entity renders the queue_column, queue_value and queue_set
-- placeholders empty for the other entities), for the deriver's claim of related keys
-- (derive-claim-related.sql).
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO {stg} AS t ({columns}, source_version, source_deleted, loaded_at{queue_column})
    SELECT {s_columns}, s.source_version, FALSE, :now{queue_value}
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ({key}) DO UPDATE
        SET {set_excluded}, source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at{queue_set}
        WHERE t.source_version {guard} EXCLUDED.source_version
    RETURNING t.{key} AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE {stg} t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now{queue_set}
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
      AND t.{key} = s.{key} AND t.source_version {guard} s.source_version
    RETURNING t.{key} AS key_value),
buried AS (
    INSERT INTO {stg} ({key}, source_version, source_deleted, loaded_at)
    SELECT s.{key}, s.source_version, TRUE, :now
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = TRUE
    ON CONFLICT ({key}) DO NOTHING),
queued AS (
    INSERT INTO ctl.derive_queue (queue_id, entity, keys, key_count, queued_at) OVERRIDING SYSTEM VALUE
    SELECT :queue_id, :entity, string_agg(CAST(c.key_value AS text), ','), COUNT(*), :now
    FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE {derived}
    HAVING COUNT(*) > 0)
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed
