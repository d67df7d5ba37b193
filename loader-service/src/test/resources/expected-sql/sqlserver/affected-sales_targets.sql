-- Monthly targets changed. The pass's keys are read from stg.derive_keys (the pass copies no mirror
-- rows of this entity).
INSERT INTO stg.affected (apply_token, target, key_value)
SELECT CAST(:token AS VARCHAR(36)), 'fact_metas', k.key_value FROM stg.derive_keys k WHERE k.apply_token = CAST(:token AS VARCHAR(36)) AND k.entity = :entity;
