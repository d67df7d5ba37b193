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
-- Answers the keys inserted and the keys changed (inserted, updated or deleted).
WITH live AS (
    INSERT INTO {stg} AS t ({columns}, source_version, source_deleted, loaded_at)
    SELECT {s_columns}, s.source_version, FALSE, :now
    FROM {incoming} s
    WHERE s.apply_token = :token AND s.source_deleted = FALSE
    ON CONFLICT ({key}) DO UPDATE
        SET {set_excluded}, source_deleted = FALSE, source_version = EXCLUDED.source_version, loaded_at = EXCLUDED.loaded_at
        WHERE t.source_version {guard} EXCLUDED.source_version
    RETURNING t.{key} AS key_value, (t.xmax = 0) AS inserted),
gone AS (
    UPDATE {stg} t
    SET source_deleted = TRUE, source_version = s.source_version, loaded_at = :now
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
    INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
    SELECT :entity, c.key_value, :now FROM (SELECT key_value FROM live UNION ALL SELECT key_value FROM gone) c
    WHERE {derived})
SELECT (SELECT COUNT(*) FROM live WHERE inserted) AS inserted,
       (SELECT COUNT(*) FROM live) + (SELECT COUNT(*) FROM gone) AS changed
