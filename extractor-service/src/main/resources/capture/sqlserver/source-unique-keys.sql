-- The single columns that identify a row of one source table: the key column of each unique index
-- on one column (the primary key's among them) without a filter. Capture breaks ties by the entity's
-- key, so the key must be one of them. sys.indexes shows a table's indexes to a login that may read it.
SELECT MIN(c.name) AS column_name
FROM sys.indexes i
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0
JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
JOIN sys.tables t ON t.object_id = i.object_id
WHERE LOWER(SCHEMA_NAME(t.schema_id)) = LOWER(COALESCE(CAST(:schema_name AS NVARCHAR(128)), SCHEMA_NAME()))
  AND LOWER(t.name) = LOWER(CAST(:table_name AS NVARCHAR(128)))
  AND i.is_unique = 1
  AND i.has_filter = 0
GROUP BY i.index_id
HAVING COUNT(*) = 1
