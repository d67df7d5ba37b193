-- apply/ansi/mirror-merge.sql for SQL Server, whose MERGE takes one WHEN MATCHED … UPDATE only (a
-- second WHEN MATCHED must DELETE): the deletes are applied by an UPDATE first, then the upserts by
-- the MERGE. Same version guard; each marked row is counted once.
UPDATE t
SET source_deleted = 1, source_version = s.source_version, loaded_at = :now
FROM {stg} t
JOIN {incoming} s ON s.{key} = t.{key}
WHERE s.apply_token = :token AND s.applies = 1 AND s.source_deleted = 1
  AND t.source_version {guard} s.source_version;

MERGE INTO {stg} t
USING (SELECT * FROM {incoming} WHERE apply_token = :token AND applies = 1 AND source_deleted = 0) s
ON (t.{key} = s.{key})
WHEN MATCHED AND t.source_version {guard} s.source_version THEN
    UPDATE SET {set_columns}, source_deleted = 0, source_version = s.source_version, loaded_at = :now
WHEN NOT MATCHED THEN
    INSERT ({columns}, source_version, source_deleted, loaded_at)
    VALUES ({s_columns}, s.source_version, 0, :now);
