-- The oldest queued keys, for the deriver to isolate a failing one.
SELECT TOP (:max_keys) entity, key_value FROM ctl.derive_queue ORDER BY queue_id;
