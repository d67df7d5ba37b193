-- Table {table}: removes what `source prepare` added. Stop the entity first (remove it from the catalog
-- and restart the extractor): without the column, its capture query fails.
DROP TRIGGER IF EXISTS esteira_refuse_truncate ON {table};
DROP TRIGGER IF EXISTS esteira_notify ON {table};
DROP TRIGGER IF EXISTS esteira_tombstone ON {table};
DROP TRIGGER IF EXISTS esteira_row_version ON {table};
DROP INDEX IF EXISTS {schema}.{index};
ALTER TABLE {table} DROP COLUMN IF EXISTS row_version;
DELETE FROM {schema}.deleted_rows WHERE table_name = {table_literal_pg};
