-- A derive pass claims, with the keys it takes from the head of ctl.derive_queue, the queued keys it
-- would otherwise derive again in a later pass: the orders of its order items and the items of its
-- orders (apply/<vendor>/derive-claim-related.sql). That looks keys up by entity and value.
CREATE INDEX ix_derive_queue_entity_key ON ctl.derive_queue (entity, key_value);
