-- A derive pass presents an entity's claimed keys to the derivations as a batch would: their current
-- mirror rows in stg.incoming_<entity>, under the pass's token, marked as applying. The derivations read
-- keys from there and values from the mirror.
INSERT INTO {incoming} ({columns}, source_version, source_deleted, apply_token, applies)
SELECT {s_columns}, s.source_version, s.source_deleted, :token, {true}
FROM {stg} s
WHERE s.{key} IN (SELECT key_value FROM stg.derive_keys WHERE apply_token = :token AND entity = :entity)
