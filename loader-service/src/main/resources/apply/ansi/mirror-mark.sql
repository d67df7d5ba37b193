-- Marks the incoming rows of this batch that change the mirror: a row applies when the mirror has
-- no newer version of its key (for a replay: no strictly newer one, so the same version re-applies
-- and re-derives what depends on it). A delete of a key the mirror never had derives nothing (it is kept
-- as a tombstone by mirror-bury.sql).
UPDATE {incoming} i
SET applies = {true}
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM {stg} t
      WHERE t.{key} = i.{key} AND t.source_version {blocking_comparison} i.source_version)
  AND (i.source_deleted = {false} OR EXISTS (SELECT 1 FROM {stg} t WHERE t.{key} = i.{key}))
