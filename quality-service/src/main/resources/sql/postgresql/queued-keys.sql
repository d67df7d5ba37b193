-- The keys queued for the loader's deriver (ctl.derive_queue), a row each: entity, key_value. On PostgreSQL a
-- queue row holds a landed batch's keys (keys, their decimal text separated by commas) or one key (key_value):
-- the loader's db/dw/common/V100 migration.
SELECT d.entity, k.key_value
FROM ctl.derive_queue d
CROSS JOIN LATERAL unnest(COALESCE(CAST(string_to_array(d.keys, ',') AS bigint[]), ARRAY[d.key_value])) k(key_value)
