-- A derive pass over chosen keys (the deriver isolating a key that fails): one row per key, bound in a batch.
INSERT INTO stg.derive_keys (apply_token, entity, key_value) VALUES (:token, :entity, :key_value)
