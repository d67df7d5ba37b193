-- The keys the next derive pass would claim, for the deriver to isolate a failing one
-- (BatchApplier.queuedKeys puts them in the order the pass claims them): the queued keys of dimension
-- members (derive-claim-members.sql), and the oldest (derive-claim.sql), a batch's keys in its order. A key
-- can come twice; the caller keeps each once.
SELECT m.entity, m.key_value
FROM unnest(ARRAY[:members]) WITH ORDINALITY e(entity, position)
CROSS JOIN LATERAL (SELECT q.entity, k.key_value, q.queue_id, k.position AS within
                    FROM ctl.derive_queue q
                    CROSS JOIN LATERAL unnest({queue_row_keys:q})
                        WITH ORDINALITY k(key_value, position)
                    WHERE q.entity = e.entity
                    ORDER BY q.queue_id, k.position
                    LIMIT :member_keys) m
ORDER BY e.position, m.queue_id, m.within
LIMIT :member_keys;

SELECT q.entity, k.key_value
FROM ctl.derive_queue q
CROSS JOIN LATERAL unnest({queue_row_keys:q})
    WITH ORDINALITY k(key_value, position)
ORDER BY q.queue_id, k.position
LIMIT :max_keys
