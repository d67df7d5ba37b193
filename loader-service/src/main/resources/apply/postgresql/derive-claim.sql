-- A derive pass claims the oldest queue rows holding up to :oldest_keys keys (at least one row): first a
-- tenth of its keys, and after the batches of dimension members (derive-claim-members.sql), which it claims
-- only with a backlog, the oldest again up to its limit (BatchApplier.derive). A row is a landed batch's keys
-- (keys, key_count: land.sql) or a single key (key_value: derive-retry-parked.sql, derive-split-batches.sql); its
-- keys are kept once each in stg.derive_keys. The rows leave the queue only if the pass commits; a lander's
-- rows not yet committed are invisible to the statement's snapshot, so they stay for the next pass. The claim
-- answers the keys it took (a key queued twice counts twice, and is kept once).
-- The queue is read through its primary key only, whatever its size as the planner believes it. The queue
-- has no statistics (V99), and the figures of its last vacuum can be far from it: vacuums that did not
-- truncate the pages a load had filled left a queue of 50 keys on 7,102 pages counted as 12,450 rows, and a
-- range of the primary key was planned as a sequential scan of them (14.6 ms a live pass, against 0.33;
-- docs/performance.md). Sequential scans are turned off for the claim alone (SET LOCAL lasts to the end of the
-- pass's transaction, so the claim's last statement turns them back on); the head of the queue is then read
-- in the primary key's order and its rows deleted through it. The running count of keys reads key_count,
-- stored in the row: the lists of keys are read only for the rows claimed.
SET LOCAL enable_seqscan = off
;
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT h.queue_id
        FROM (SELECT queue_id, SUM(key_count) OVER (ORDER BY queue_id) - key_count AS before
              FROM (SELECT queue_id, key_count FROM ctl.derive_queue ORDER BY queue_id LIMIT :oldest_keys) o) h
        WHERE h.before < :oldest_keys))
    RETURNING q.entity, q.key_value, q.keys, q.key_count),
kept AS (
    INSERT INTO stg.derive_keys (apply_token, entity, key_value)
    SELECT DISTINCT :token, c.entity, k.key_value
    FROM claimed c
    CROSS JOIN LATERAL unnest({queue_row_keys:c}) k(key_value))
SELECT COALESCE(SUM(key_count), 0) AS claimed FROM claimed
;
SET LOCAL enable_seqscan TO DEFAULT
