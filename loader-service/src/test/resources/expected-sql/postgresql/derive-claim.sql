-- ==== statement 1 of 3 ====
-- docs/performance.md). Sequential scans are turned off for the claim alone (SET LOCAL lasts to the end of the
-- pass's transaction, so the claim's last statement turns them back on); the head of the queue is then read
-- in the primary key's order and its rows deleted through it. The running count of keys reads key_count,
-- stored in the row: the lists of keys are read only for the rows claimed.
SET LOCAL enable_seqscan = off

-- ==== statement 2 of 3 ====
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
    CROSS JOIN LATERAL unnest(COALESCE(CAST(string_to_array(c.keys, ',') AS bigint[]), ARRAY[c.key_value])) k(key_value))
SELECT COALESCE(SUM(key_count), 0) AS claimed FROM claimed

-- ==== statement 3 of 3 ====
SET LOCAL enable_seqscan TO DEFAULT
