-- A derive pass claims queued keys in its own transaction: the rows leave the queue only if the pass
-- commits. Only one pass runs at a time (derive-lock.sql), and a lander's rows not yet committed are
-- invisible to the claims' snapshot, so they stay for the next pass.
-- First (then derive-claim.sql, the oldest keys, and derive-claim-related.sql) the keys of the entities that maintain dimension members (and the names members copy), up to
-- :member_keys, in the order of :members: a fact derived before its customer, product or seller is
-- built on an inferred member, and built again when the member's row completes it. In an initial load
-- the members land long before the orders and items that reference them are derived; claimed oldest
-- first, they waited behind those facts (a 1,000,000-item load had 13,000-19,000 customers inferred at
-- a time and re-derived ~229,000 sales facts: docs/performance.md). :member_keys leaves a part of every
-- pass to the oldest keys (BatchApplier.derive), so facts move on while members keep changing. Each
-- entity's keys are read through the (entity, key_value) index in its order (a LATERAL subquery with an
-- ORDER BY the index supplies: no statistics of the queue can turn it into a scan of the whole queue).
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT m.queue_id
        FROM unnest(ARRAY[:members]) WITH ORDINALITY e(entity, position)
        CROSS JOIN LATERAL (SELECT queue_id FROM ctl.derive_queue
                            WHERE entity = e.entity
                            ORDER BY key_value
                            LIMIT :member_keys) m
        ORDER BY e.position
        LIMIT :member_keys))
    RETURNING q.entity, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, entity, key_value FROM claimed
