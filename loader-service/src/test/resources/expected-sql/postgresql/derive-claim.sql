-- ==== statement 1 of 3 ====
-- A derive pass claims the oldest :oldest_keys queued keys: first a tenth of its keys, and after the keys
-- of dimension members (derive-claim-members.sql), which it claims only with a backlog, the oldest again
-- up to its limit (BatchApplier.derive). The rows leave the queue only if the pass commits; a lander's rows
-- not yet committed are invisible to the statement's snapshot, so they stay for the next pass. The claim
-- answers the queue rows it took (a key queued twice counts twice, and is kept once).
-- The queue is read through its primary key only, whatever its size as the planner believes it. The queue
-- has no statistics (V99), and the figures of its last vacuum can be far from it: vacuums that did not
-- truncate the pages a load had filled (truncation gives way to the landers and passes waiting for the
-- queue) left a queue of 50 keys on 7,102 pages counted as 12,450 rows, and a range of the primary key was
-- planned as a sequential scan of them (14.6 ms a live pass, against 0.33); "queue_id IN (…)" was planned
-- as a nested loop over a queue that grew from nothing (80 s for one pass of 20,000 keys at 280,000
-- queued; docs/performance.md). Sequential scans are turned off for the claim alone (SET LOCAL lasts to
-- the end of the pass's transaction, so the claim's last statement turns them back on); the head of the
-- queue is then read in the primary key's order and its rows deleted through it.
SET LOCAL enable_seqscan = off

-- ==== statement 2 of 3 ====
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(SELECT queue_id FROM ctl.derive_queue ORDER BY queue_id LIMIT :oldest_keys))
    RETURNING q.entity, q.key_value),
kept AS (
    INSERT INTO stg.derive_keys (apply_token, entity, key_value)
    SELECT DISTINCT :token, entity, key_value FROM claimed)
SELECT COUNT(*) AS claimed FROM claimed

-- ==== statement 3 of 3 ====
SET LOCAL enable_seqscan TO DEFAULT
