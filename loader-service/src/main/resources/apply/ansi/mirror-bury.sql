-- A delete of a key the mirror never had derives nothing, but the mirror keeps it as a tombstone (the
-- key, the delete's version, source_deleted, no values): an older upsert of the key that arrives later (a
-- batch redelivered after a failure, overtaken meanwhile) then meets the version guard of mirror-mark.sql
-- instead of bringing back a deleted row. PostgreSQL does the same inside land.sql.
INSERT INTO {stg} ({key}, source_version, source_deleted, loaded_at)
SELECT s.{key}, s.source_version, {true}, :now
FROM {incoming} s
WHERE s.apply_token = :token AND s.source_deleted = {true}
  AND NOT EXISTS (SELECT 1 FROM {stg} t WHERE t.{key} = s.{key})
