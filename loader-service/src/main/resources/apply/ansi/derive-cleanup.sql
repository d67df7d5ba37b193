-- The work rows of a derive pass; its incoming rows are removed per entity by cleanup.sql.
DELETE FROM stg.derive_keys WHERE apply_token = :token
