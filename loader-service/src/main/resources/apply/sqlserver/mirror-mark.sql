-- apply/ansi/mirror-mark.sql for SQL Server, whose UPDATE takes no alias after the table: the alias
-- is declared in FROM instead.
UPDATE i
SET applies = 1
FROM {incoming} i
WHERE i.apply_token = :token
  AND NOT EXISTS (
      SELECT 1 FROM {stg} t
      WHERE t.{key} = i.{key} AND t.source_version {blocking_comparison} i.source_version)
  AND (i.source_deleted = 0 OR EXISTS (SELECT 1 FROM {stg} t WHERE t.{key} = i.{key}));
