-- Schema {schema}: what every captured table of it shares. Safe to run again: each object is created
-- only where it is missing. GO (on its own line) ends each batch, as sqlcmd and SSMS expect.

-- Tombstones of hard deletes, read by the extractor (the entity's tombstone-table).
IF OBJECT_ID(N'{schema_literal_dot}deleted_rows', N'U') IS NULL
CREATE TABLE {schema}.deleted_rows (
    deleted_row_id  bigint IDENTITY(1,1) NOT NULL,
    table_name      varchar(64) NOT NULL,
    row_key         bigint NOT NULL,
    row_version     rowversion NOT NULL,
    deleted_at      datetime2(3) NOT NULL CONSTRAINT df_deleted_rows_deleted_at DEFAULT SYSUTCDATETIME(),
    CONSTRAINT pk_deleted_rows PRIMARY KEY (deleted_row_id)
);
GO
IF INDEXPROPERTY(OBJECT_ID(N'{schema_literal_dot}deleted_rows'), N'ix_deleted_rows_table_version', N'IndexID') IS NULL
CREATE INDEX ix_deleted_rows_table_version ON {schema}.deleted_rows (table_name, row_version, row_key);
GO
-- Refuses TRUNCATE of the captured tables: TRUNCATE fires no trigger, so the rows it removed would reach no
-- tombstone. SQL Server refuses TRUNCATE of a table that a foreign key references (error 4712), so this
-- table has one nullable column per captured table referencing its key, and never a row (stays_empty must
-- be null and may not be). It also refuses DROP TABLE of a captured table: drop its guard column first.
IF OBJECT_ID(N'{schema_literal_dot}esteira_capture_guard', N'U') IS NULL
CREATE TABLE {schema}.esteira_capture_guard (
    deleted_row_id  bigint NULL CONSTRAINT fk_esteira_capture_guard_deleted_rows REFERENCES {schema}.deleted_rows (deleted_row_id),
    stays_empty     bit NOT NULL CONSTRAINT ck_esteira_capture_guard_stays_empty CHECK (stays_empty IS NULL)
);
GO
