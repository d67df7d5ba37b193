-- The keys the next derive pass would claim, for the deriver to isolate a failing one (see
-- apply/postgresql/derive-queued-keys.sql): the queued keys of dimension members, and the oldest.
SELECT TOP (:member_keys) entity, key_value FROM ctl.derive_queue WHERE entity IN (:members) ORDER BY entity, key_value;

SELECT TOP (:max_keys) entity, key_value FROM ctl.derive_queue ORDER BY queue_id
