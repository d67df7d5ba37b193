-- ==== statement 1 of 3 ====
-- The end of a derive pass, after derive-unpark.sql: the pass's work rows go (the mirror rows it copied
-- are removed per entity by cleanup.sql).
DELETE FROM stg.affected WHERE apply_token = CAST(:token AS VARCHAR(36));

-- ==== statement 2 of 3 ====
DELETE FROM stg.scd_change WHERE apply_token = CAST(:token AS VARCHAR(36));

-- ==== statement 3 of 3 ====
DELETE FROM stg.derive_keys WHERE apply_token = CAST(:token AS VARCHAR(36));
