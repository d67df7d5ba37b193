-- ==== statement 1 of 3 ====
-- the head of the queue is then read in the primary key's order and its rows deleted through it.
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
