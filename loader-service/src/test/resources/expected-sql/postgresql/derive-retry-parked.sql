-- ==== statement 1 of 2 ====
-- Queues the parked keys of an entity (all entities when :entity is null) again, and forgets them.
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT entity, key_value, :now FROM ctl.derive_failed WHERE :entity IS NULL OR entity = :entity

-- ==== statement 2 of 2 ====
DELETE FROM ctl.derive_failed WHERE :entity IS NULL OR entity = :entity
