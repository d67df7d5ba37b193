-- Before the deriver isolates a key that makes every pass holding it fail (Deriver.isolate), the queued
-- batches are split into one queue row per key, in the batches' order: the passes over chosen keys and the
-- parking of the key that fails alone (derive-dequeue-keys.sql, derive-park.sql) take keys out of the queue
-- one by one, and a parked key left in its batch's row would fail the next pass again. One statement, one
-- snapshot: a batch that commits meanwhile is neither deleted nor copied, and stays a batch. Rare (passes
-- failed), and paid then only; keys queued one by one are claimed as a batch's are, but not through the
-- related orders and items of derive-claim-related.sql, so some facts are built twice.
WITH batches AS (
    DELETE FROM ctl.derive_queue
    WHERE keys IS NOT NULL
    RETURNING queue_id, entity, keys, key_value, queued_at)
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT b.entity, k.key_value, b.queued_at
FROM batches b
CROSS JOIN LATERAL unnest({queue_row_keys:b}) WITH ORDINALITY k(key_value, position)
ORDER BY b.queue_id, k.position
