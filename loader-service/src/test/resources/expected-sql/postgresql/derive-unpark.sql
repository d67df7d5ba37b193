-- A parked key (ctl.derive_failed) that this pass derived, after its fix landed or after a retry queued it
-- again, is parked no more. Answers those keys: once the pass commits, the deriver resolves their dlq
-- alerts (Deriver.unparked). Run before derive-cleanup, which empties the pass's stg.derive_keys.
DELETE FROM ctl.derive_failed
WHERE EXISTS (SELECT 1 FROM stg.derive_keys k
              WHERE k.apply_token = :token AND k.entity = derive_failed.entity AND k.key_value = derive_failed.key_value)
RETURNING entity, key_value
