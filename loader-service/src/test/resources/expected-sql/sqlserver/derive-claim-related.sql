-- ==== statement 1 of 2 ====
-- A pass claims, with the keys it took (derive-claim.sql), the queued keys that a later pass would derive
-- again from what this one derives: the orders of its order items and the items of its orders (see
-- apply/postgresql/derive-claim-related.sql). READPAST passes over rows of a lander still in flight, whose
-- mirror rows this pass may not see. A key claimed twice is derived once (derive-fill reads each key once,
-- the facts read DISTINCT keys).
DELETE q
OUTPUT CAST(:token AS VARCHAR(36)), deleted.entity, deleted.key_value INTO stg.derive_keys (apply_token, entity, key_value)
FROM ctl.derive_queue q WITH (READPAST)
WHERE q.entity = 'orders'
  AND q.key_value IN (SELECT i.order_id
                      FROM stg.derive_keys k
                      JOIN stg.order_items i ON i.order_item_id = k.key_value
                      WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = 'order_items');

-- ==== statement 2 of 2 ====
DELETE q
OUTPUT CAST(:token AS VARCHAR(36)), deleted.entity, deleted.key_value INTO stg.derive_keys (apply_token, entity, key_value)
FROM ctl.derive_queue q WITH (READPAST)
WHERE q.entity = 'order_items'
  AND q.key_value IN (SELECT i.order_item_id
                      FROM stg.derive_keys k
                      JOIN stg.order_items i ON i.order_id = k.key_value
                      WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = 'orders');
