-- The keys the next derive pass would claim, for the deriver to isolate a failing one
-- (BatchApplier.queuedKeys puts them in the order the pass claims them): the queued keys of dimension
-- members (derive-claim-members.sql), and the oldest (derive-claim.sql). A key can come twice; the caller
-- keeps each once.
SELECT m.entity, m.key_value
FROM unnest(ARRAY[:members]) WITH ORDINALITY e(entity, position)
CROSS JOIN LATERAL (SELECT entity, key_value FROM ctl.derive_queue
                    WHERE entity = e.entity
                    ORDER BY key_value
                    LIMIT :member_keys) m
ORDER BY e.position, m.key_value
LIMIT :member_keys;

SELECT entity, key_value FROM ctl.derive_queue ORDER BY queue_id LIMIT :max_keys
