-- Table {table}: removes what `source prepare` added. Stop the entity first (remove it from the catalog
-- and restart the extractor): without the column, its capture query fails.
DROP INDEX IF EXISTS {guard_index} ON {schema}.esteira_capture_guard;
GO
IF COL_LENGTH(N'{schema_literal_dot}esteira_capture_guard', N'{guard_literal}') IS NOT NULL
ALTER TABLE {schema}.esteira_capture_guard DROP CONSTRAINT IF EXISTS {guard_fk}, COLUMN {guard};
GO
DROP TRIGGER IF EXISTS {schema}.{trigger};
GO
DROP INDEX IF EXISTS {index} ON {table};
GO
{drop_version}
GO
DELETE FROM {schema}.deleted_rows WHERE table_name = N'{table_name_literal}';
GO
