-- Queues the parked keys of an entity (all entities when :entity is null) again. They stay listed in
-- ctl.derive_failed until a pass derives them (derive-unpark.sql, which resolves their alerts), or parks
-- them again with the new reason (derive-park.sql).
INSERT INTO ctl.derive_queue (entity, key_value, queued_at)
SELECT entity, key_value, :now FROM ctl.derive_failed WHERE :entity IS NULL OR entity = :entity
