-- ==== statement 1 of 2 ====
-- A pass claims, with the oldest keys (derive-claim.sql), the queued keys that a later pass would derive
-- again from what this one derives: the orders of its order items (an order's key re-derives every item
-- of the order) and the items of its orders (including the orders claimed here). Each landed in the
-- same transaction as its mirror row, so a queue row this pass's snapshot shows is a mirror row it
-- derives; rows committed after the snapshot stay queued. Without it an initial load built most sales
-- facts twice: once when an item's key was claimed, and again when its order's key, queued behind the
-- pass's limit, was (docs/performance.md). A pass over chosen keys (the deriver isolating a key) does
-- not run this: it derives exactly what it was given.
-- The plan is fixed by the statement's shape, whatever the statistics of a queue that churns through
-- hundreds of thousands of keys in an initial load: the related keys are gathered first, each looked up
-- in the queue through its (entity, key_value) index (a LATERAL subquery that OFFSET 0 keeps from being
-- flattened into a join the planner could turn around), into an array (an InitPlan, run once) whose
-- queue rows are deleted through the primary key. Written as a join with the queue, the planner took a
-- stale estimate of the queue's 'order_items' rows for a few and drove from the whole queue: 3.6 s a pass.
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT r.queue_id
        FROM (SELECT DISTINCT i.order_id AS key_value
              FROM stg.derive_keys k
              JOIN stg.order_items i ON i.order_item_id = k.key_value
              WHERE k.apply_token = :token AND k.entity = 'order_items') o
        CROSS JOIN LATERAL (SELECT queue_id FROM ctl.derive_queue
                            WHERE entity = 'orders' AND key_value = o.key_value
                            OFFSET 0) r))
    RETURNING q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'orders', c.key_value
FROM claimed c
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys k
                  WHERE k.apply_token = :token AND k.entity = 'orders' AND k.key_value = c.key_value)

-- ==== statement 2 of 2 ====
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT r.queue_id
        FROM (SELECT i.order_item_id AS key_value
              FROM stg.derive_keys k
              JOIN stg.order_items i ON i.order_id = k.key_value
              WHERE k.apply_token = :token AND k.entity = 'orders') o
        CROSS JOIN LATERAL (SELECT queue_id FROM ctl.derive_queue
                            WHERE entity = 'order_items' AND key_value = o.key_value
                            OFFSET 0) r))
    RETURNING q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'order_items', c.key_value
FROM claimed c
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys k
                  WHERE k.apply_token = :token AND k.entity = 'order_items' AND k.key_value = c.key_value)
