-- A pass claims, with the oldest keys (derive-claim.sql), the queued keys that a later pass would derive
-- again from what this one derives: the orders of its order items (an order's key re-derives every item
-- of the order) and the items of its orders (including the orders claimed here). Each landed in the
-- same transaction as its mirror row, so a queue row this pass's snapshot shows is a mirror row it
-- derives; rows committed after the snapshot stay queued. Without it an initial load built most sales
-- facts twice: once when an item's key was claimed, and again when its order's key, queued behind the
-- pass's limit, was (docs/performance.md). A pass over chosen keys (the deriver isolating a key) does
-- not run this: it derives exactly what it was given.
WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    USING (SELECT DISTINCT i.order_id
           FROM stg.derive_keys k
           JOIN stg.order_items i ON i.order_item_id = k.key_value
           WHERE k.apply_token = :token AND k.entity = 'order_items') o
    WHERE q.entity = 'orders' AND q.key_value = o.order_id
    RETURNING q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'orders', c.key_value
FROM claimed c
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys k
                  WHERE k.apply_token = :token AND k.entity = 'orders' AND k.key_value = c.key_value);

WITH claimed AS (
    DELETE FROM ctl.derive_queue q
    USING (SELECT i.order_item_id
           FROM stg.derive_keys k
           JOIN stg.order_items i ON i.order_id = k.key_value
           WHERE k.apply_token = :token AND k.entity = 'orders') i
    WHERE q.entity = 'order_items' AND q.key_value = i.order_item_id
    RETURNING q.key_value)
INSERT INTO stg.derive_keys (apply_token, entity, key_value)
SELECT DISTINCT :token, 'order_items', c.key_value
FROM claimed c
WHERE NOT EXISTS (SELECT 1 FROM stg.derive_keys k
                  WHERE k.apply_token = :token AND k.entity = 'order_items' AND k.key_value = c.key_value)
