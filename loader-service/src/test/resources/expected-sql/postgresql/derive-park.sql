-- ==== statement 1 of 3 ====
-- A key that fails even in a pass of its own leaves the queue for ctl.derive_failed, with the reason,
-- so that every other key keeps flowing; derive-retry-parked queues it again after the fix.
DELETE FROM ctl.derive_failed WHERE entity = :entity AND key_value = :key_value

-- ==== statement 2 of 3 ====
INSERT INTO ctl.derive_failed (entity, key_value, reason, failed_at) VALUES (:entity, :key_value, :reason, :now)

-- ==== statement 3 of 3 ====
DELETE FROM ctl.derive_queue WHERE entity = :entity AND key_value = :key_value
