-- Table {table}: the change-order column and its index, the trigger that records hard deletes, and the
-- guard column that refuses TRUNCATE. Adding a rowversion column fills it for every existing row (a
-- size-of-data operation under a schema lock): run it in a quiet hour; the extractor then reads the whole
-- table once.
IF COL_LENGTH(N'{table_literal}', N'{version_literal}') IS NULL
ALTER TABLE {table} ADD {version} rowversion NOT NULL;
GO
IF INDEXPROPERTY(OBJECT_ID(N'{table_literal}'), N'{index_literal}', N'IndexID') IS NULL
CREATE INDEX {index} ON {table} ({version}, {key});
GO
CREATE OR ALTER TRIGGER {schema}.{trigger} ON {table} AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    INSERT INTO {schema}.deleted_rows (table_name, row_key)
    SELECT N'{table_name_literal}', d.{key} FROM deleted AS d;
END;
GO
IF COL_LENGTH(N'{schema_literal_dot}esteira_capture_guard', N'{guard_literal}') IS NULL
ALTER TABLE {schema}.esteira_capture_guard ADD {guard} {key_type} NULL
    CONSTRAINT {guard_fk} REFERENCES {table} ({key});
GO
IF INDEXPROPERTY(OBJECT_ID(N'{schema_literal_dot}esteira_capture_guard'), N'{guard_index_literal}', N'IndexID') IS NULL
CREATE INDEX {guard_index} ON {schema}.esteira_capture_guard ({guard});
GO
