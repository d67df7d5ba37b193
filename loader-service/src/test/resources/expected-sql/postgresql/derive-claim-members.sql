-- ==== statement 1 of 3 ====
-- A derive pass with a backlog (its first claim of the oldest keys, derive-claim.sql, took all it asked
-- for: BatchApplier.derive) claims next the queued keys of the entities that maintain dimension members (and
-- the names members copy), up to :member_keys, in the order of :members; then the oldest keys again. A fact
-- derived before its customer, product or seller is built on an inferred member, and built again when the
-- member's row completes it. In an initial load the members land long before the orders and items that
-- reference them are derived; claimed oldest first, they waited behind those facts (a 1,000,000-item load
-- had 13,000-19,000 customers inferred at a time and re-derived ~200,000 sales facts: docs/performance.md).
-- The rows leave the queue only if the pass commits; a lander's rows not yet committed are invisible to the
-- statement's snapshot, so they stay for the next pass. The claim answers the queue rows it took.
-- Each entity's keys are read in the order of the (entity, key_value) index and deleted through the primary
-- key, with sequential scans off for the claim alone, as in derive-claim.sql: a queue a vacuum had just
-- emptied was otherwise read by sequential scan once per entity.
SET LOCAL enable_seqscan = off

-- ==== statement 2 of 3 ====
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
    RETURNING q.entity, q.key_value),
kept AS (
    INSERT INTO stg.derive_keys (apply_token, entity, key_value)
    SELECT DISTINCT :token, entity, key_value FROM claimed)
SELECT COUNT(*) AS claimed FROM claimed

-- ==== statement 3 of 3 ====
SET LOCAL enable_seqscan TO DEFAULT
