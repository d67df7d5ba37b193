-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror. It starts from the claimed keys and reaches the mirror by
-- key, so a small pass costs what it holds, not what the mirror holds.
INSERT INTO {incoming} ({columns}, source_version, source_deleted, apply_token, applies)
SELECT {s_columns}, s.source_version, s.source_deleted, :token, {true}
FROM (SELECT DISTINCT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity) k
JOIN {stg} s ON s.{key} = k.key_value
