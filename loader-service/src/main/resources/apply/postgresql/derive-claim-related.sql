-- A pass claims, with the oldest keys (derive-claim.sql), the queued batches that a later pass would derive
-- again from what this one derives: those holding the orders of its order items (an order's key re-derives
-- every item of the order), then those holding the items of its orders (including the orders claimed here).
-- Each mirror row of an order or an item records the queue row of the batch that last changed it (queue_id:
-- land.sql), committed with it: a queue row this pass's snapshot shows is a batch it derives whole; rows
-- committed after the snapshot stay queued, as do keys queued one by one (derive-retry-parked.sql), which
-- no mirror row names. Without it an initial load built most sales facts twice: once when an item's key was
-- claimed, and again when its order's key, queued behind the pass's limit, was (docs/performance.md).
-- The edges of the batches so claimed (an item whose order is in a batch neither claim took) are derived
-- again with that batch. A pass over chosen keys (the deriver isolating a key) does not run this: it
-- derives exactly what it was given.
-- The batches are gathered first, into an array (an InitPlan, run once) of a few hundred ids at most,
-- whose queue rows are deleted through the primary key; their keys not in the pass already are added.
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT DISTINCT o.queue_id
        FROM stg.derive_keys k
        JOIN stg.order_items i ON i.order_item_id = k.key_value
        JOIN stg.orders o ON o.order_id = i.order_id
        WHERE k.apply_token = :token AND k.entity = 'order_items' AND o.queue_id IS NOT NULL))
      AND q.entity = 'orders' AND q.keys IS NOT NULL
    RETURNING q.keys, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'orders', k.key_value
FROM claimed c
CROSS JOIN LATERAL unnest({queue_row_keys:c}) k(key_value)
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys d
                  WHERE d.apply_token = :token AND d.entity = 'orders' AND d.key_value = k.key_value);

WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    WHERE q.queue_id = ANY (ARRAY(
        SELECT DISTINCT i.queue_id
        FROM stg.derive_keys k
        JOIN stg.order_items i ON i.order_id = k.key_value
        WHERE k.apply_token = :token AND k.entity = 'orders' AND i.queue_id IS NOT NULL))
      AND q.entity = 'order_items' AND q.keys IS NOT NULL
    RETURNING q.keys, q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'order_items', k.key_value
FROM claimed c
CROSS JOIN LATERAL unnest({queue_row_keys:c}) k(key_value)
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys d
                  WHERE d.apply_token = :token AND d.entity = 'order_items' AND d.key_value = k.key_value)
