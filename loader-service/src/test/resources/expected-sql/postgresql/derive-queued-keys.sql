-- The oldest queued keys, for the deriver to isolate a failing one.
SELECT entity, key_value FROM ctl.derive_queue ORDER BY queue_id LIMIT :max_keys
