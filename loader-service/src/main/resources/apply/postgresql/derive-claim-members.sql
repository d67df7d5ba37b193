-- A derive pass with a backlog (its first claim of the oldest keys, derive-claim.sql, took all it asked
-- for: BatchApplier.derive) claims next the queue rows of the entities that maintain dimension members (and
-- the names members copy), holding up to :member_keys keys (at least one row), in the order of :members and,
-- within an entity, oldest first; then the oldest keys again. A fact derived before its customer, product or
-- seller is built on an inferred member, and built again when the member's row completes it. In an initial
-- load the members land long before the orders and items that reference them are derived; claimed oldest
-- first, they waited behind those facts (a 1,000,000-item load had 13,000-19,000 customers inferred at a time
-- and re-derived ~200,000 sales facts: docs/performance.md).
-- The rows leave the queue only if the pass commits; a lander's rows not yet committed are invisible to the
-- statement's snapshot, so they stay for the next pass. The claim answers the keys it took.
-- Sequential scans are off for the claim alone, as in derive-claim.sql: a queue a vacuum had just emptied
-- was otherwise read by sequential scan once per entity.
SET LOCAL enable_seqscan = off
;
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT m.queue_id
        FROM (SELECT m.queue_id, SUM(m.key_count) OVER (ORDER BY e.position, m.queue_id) - m.key_count AS before
              FROM unnest(ARRAY[:members]) WITH ORDINALITY e(entity, position)
              CROSS JOIN LATERAL (SELECT queue_id, key_count FROM ctl.derive_queue
                                  WHERE entity = e.entity
                                  ORDER BY queue_id
                                  LIMIT :member_keys) m) m
        WHERE m.before < :member_keys))
    RETURNING q.entity, q.key_value, q.keys, q.key_count),
kept AS (
    INSERT INTO stg.derive_keys (apply_token, entity, key_value)
    SELECT DISTINCT :token, c.entity, k.key_value
    FROM claimed c
    CROSS JOIN LATERAL unnest({queue_row_keys:c}) k(key_value))
SELECT COALESCE(SUM(key_count), 0) AS claimed FROM claimed
;
SET LOCAL enable_seqscan TO DEFAULT
