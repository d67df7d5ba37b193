-- A derive pass claims up to :max_keys queued keys, oldest first, in its own transaction: the rows
-- leave the queue only if the pass commits. SKIP LOCKED passes over rows of a lander still in flight
-- (none is visible anyway: a pass claims what is committed when it starts).
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id IN (SELECT queue_id FROM ctl.derive_queue ORDER BY queue_id LIMIT :max_keys FOR UPDATE SKIP LOCKED)
    RETURNING q.entity, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, entity, key_value FROM claimed
