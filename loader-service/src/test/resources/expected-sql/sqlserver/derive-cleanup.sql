-- ==== statement 1 of 4 ====
-- The end of a derive pass. A parked key that landed again (fixed at the source) and was derived is
-- parked no more; then the pass's work rows go (the mirror rows it copied are removed per entity by
-- cleanup.sql).
DELETE FROM ctl.derive_failed
WHERE EXISTS (SELECT 1 FROM stg.derive_keys k
              WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = derive_failed.entity AND k.key_value = derive_failed.key_value);

-- ==== statement 2 of 4 ====
DELETE FROM stg.affected WHERE apply_token = CAST(:token AS VARCHAR(36));

-- ==== statement 3 of 4 ====
DELETE FROM stg.scd_change WHERE apply_token = CAST(:token AS VARCHAR(36));

-- ==== statement 4 of 4 ====
DELETE FROM stg.derive_keys WHERE apply_token = CAST(:token AS VARCHAR(36));
